/**
 * Checks of `identityCenter.accessControlAttributes` (attribute-based access control): each key
 * becomes the session tag `aws:PrincipalTag/<key>` of every permission-set session, filled from
 * one source of the identity source. Lengths and counts come from limits.ts, character sets from
 * aws-patterns.ts; the source syntax is the attribute-mapping syntax of the user guide.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/attributesforaccesscontrol.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/attributemappingsconcept.html
 */
import { PATTERNS } from '../aws-patterns';
import { LIMITS } from '../limits';
import type { ModelPath } from '../load';
import { checkPattern, type CheckContext } from './context';
import { lengthMessage, outOfLength, quote } from './describe';

const AT: ModelPath = ['identityCenter', 'accessControlAttributes'];

/**
 * Where a source's attribute references may point: the Identity Center directory (`user:`), an
 * external identity provider's SCIM attributes (`path:`), Active Directory (`dir:`, or a bare
 * directory attribute such as `${mail}`).
 */
export const SOURCE_NAMESPACES = ['user', 'path', 'dir'] as const;

const EXPECTED_SOURCE = `attribute references such as \${path:enterprise.department}, \${user:email} or \${dir:department} (namespaces ${SOURCE_NAMESPACES.join(', ')})`;

export function checkAccessControlAttributes(ctx: CheckContext): void {
  const attributes = ctx.model.identityCenter.accessControlAttributes;
  if (attributes === undefined) return;
  const keys = Object.keys(attributes);
  const { accessControlAttributes: count, accessControlAttributeKey: keyLimit, accessControlAttributeSources: sources } = LIMITS;
  if (keys.length > count.max)
    ctx.error(AT, `${keys.length} attributes for access control are defined; allowed at most ${count.max} (${count.why})`, { key: true });

  // Session tag keys are case-insensitive: two keys differing only in case would be one tag.
  const folded = new Map<string, string>();
  for (const key of keys) {
    const at: ModelPath = [...AT, key];
    const other = folded.get(key.toLowerCase());
    if (other !== undefined) {
      ctx.error(
        at,
        `attribute for access control '${key}' differs only in case from '${other}'; session tag keys are case-insensitive, so they would be one tag`,
        { key: true },
      );
    }
    folded.set(key.toLowerCase(), key);
    if (outOfLength(key, keyLimit)) ctx.error(at, lengthMessage('attribute for access control key', key, keyLimit), { key: true });
    else if (!PATTERNS.accessControlAttributeKey.re.test(key)) {
      ctx.error(at, `attribute for access control key ${quote(key)} is not valid; expected ${PATTERNS.accessControlAttributeKey.expected}`, { key: true });
    }
    const list = attributes[key];
    if (list.length !== sources.min) {
      ctx.error(at, `attribute for access control '${key}' has ${list.length} sources; allowed exactly ${sources.max} (${sources.why})`);
    }
    list.forEach((source, j) => checkSource(ctx, [...at, j], key, source));
  }
}

function checkSource(ctx: CheckContext, at: ModelPath, key: string, source: string): void {
  const limit = LIMITS.accessControlAttributeSource;
  if (outOfLength(source, limit)) {
    ctx.error(at, lengthMessage(`source of attribute '${key}'`, source, limit));
    return;
  }
  if (!checkPattern(ctx, at, `source of attribute '${key}'`, source, PATTERNS.accessControlAttributeSource)) return;
  const problem = sourceProblem(source);
  if (problem !== undefined) ctx.error(at, `source ${quote(source)} of attribute '${key}' ${problem}; expected ${EXPECTED_SOURCE}`);
}

/**
 * What is wrong with a source's syntax, or undefined: text with at least one `${...}` reference,
 * every reference closed and not empty, in a known namespace or a bare directory attribute.
 */
export function sourceProblem(source: string): string | undefined {
  let references = 0;
  let rest = source;
  for (;;) {
    const start = rest.indexOf('${');
    if (start < 0) break;
    const end = rest.indexOf('}', start + 2);
    const next = rest.indexOf('${', start + 2);
    if (end < 0 || (next >= 0 && next < end)) return `has an unclosed reference at '${rest.slice(start)}'`;
    const inner = rest.slice(start + 2, end);
    const colon = inner.indexOf(':');
    if (colon < 0) {
      if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(inner)) return `has the reference '\${${inner}}', which names no attribute`;
    } else {
      const ns = inner.slice(0, colon);
      if (!(SOURCE_NAMESPACES as readonly string[]).includes(ns)) return `uses the namespace '${ns}', which identity center does not know`;
      if (inner.slice(colon + 1).trim() === '') return `has the reference '\${${inner}}', which names no attribute`;
    }
    references++;
    rest = rest.slice(end + 1);
  }
  return references === 0 ? 'references no attribute' : undefined;
}
