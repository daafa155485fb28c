/**
 * What every semantic check receives: the model, where to report, and name indexes built once.
 * Checks append to `issues`; nothing throws until validateModel has run them all.
 */
import { issueCollector, type Issue } from '../issues';
import type { LoadedModel, ModelPath } from '../load';
import { LIMITS } from '../limits';
import type { OrgModel } from '../schema';
import { PATTERNS, type Pattern } from '../aws-patterns';
import { lengthMessage, outOfLength, patternMessage, quote } from './describe';

export interface CheckContext {
  readonly loaded: LoadedModel;
  readonly model: OrgModel;
  readonly issues: Issue[];
  /** Report an error at a path (`key: true` positions it at the key naming the value). */
  error(path: ModelPath, message: string, opts?: { key?: boolean }): void;
  /** A short pointer to another place, for "first defined at" hints: `line 12` or `other.yaml:12`. */
  ref(path: ModelPath): string;
  /** Defined names (first definition wins when duplicated). */
  readonly accounts: ReadonlySet<string>;
  /** Account ids of the model: targets may name accounts by id. */
  readonly accountIds: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly users: ReadonlySet<string>;
  readonly permissionSets: ReadonlySet<string>;
  readonly keys: ReadonlySet<string>;
}

export function checkContext(loaded: LoadedModel, model: OrgModel): CheckContext {
  const collector = issueCollector();
  const issues = collector.issues;
  return {
    loaded,
    model,
    issues,
    error: (path, message, opts) => collector.add('error', () => loaded.issue(path, message, opts)),
    ref: (path) => {
      const pos = loaded.locate(path);
      return pos.file === loaded.file ? `line ${pos.line}` : `${pos.file}:${pos.line}`;
    },
    accounts: new Set((model.accounts ?? []).map((a) => a.name)),
    accountIds: new Set((model.accounts ?? []).map((a) => a.id)),
    groups: new Set((model.groups ?? []).map((g) => g.name)),
    users: new Set((model.users ?? []).map((u) => u.userName)),
    permissionSets: new Set((model.permissionSets ?? []).map((p) => p.name)),
    keys: new Set((model.keys ?? []).map((k) => k.name)),
  };
}

/**
 * Report duplicate names in a list section: exact duplicates always, and names equal after
 * case-folding when AWS compares them case-insensitively. Reported at the later definition, naming
 * where the first one is.
 */
export function checkUnique<T>(
  ctx: CheckContext,
  section: string,
  items: readonly T[] | undefined,
  field: string,
  nameOf: (item: T) => string,
  kind: string,
  caseInsensitive: boolean,
): void {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  (items ?? []).forEach((item, i) => {
    const name = nameOf(item);
    const first = exact.get(name);
    if (first !== undefined) {
      ctx.error([section, i, field], `duplicate ${kind} '${name}'; it is already defined at ${ctx.ref([section, first, field])}`);
      return;
    }
    exact.set(name, i);
    const lower = name.toLowerCase();
    const other = folded.get(lower);
    if (caseInsensitive && other !== undefined) {
      const otherName = nameOf((items ?? [])[other]);
      ctx.error(
        [section, i, field],
        `${kind} '${name}' differs only in case from '${otherName}' at ${ctx.ref([section, other, field])}; aws compares ${kind}s case-insensitively`,
      );
      return;
    }
    if (!folded.has(lower)) folded.set(lower, i);
  });
}

/** Tag keys and values within AWS's lengths. */
export function checkTags(ctx: CheckContext, path: ModelPath, tags: Readonly<Record<string, string>> | undefined): void {
  const { tagKey, tagValue } = LIMITS;
  for (const [k, v] of Object.entries(tags ?? {})) {
    if (outOfLength(k, tagKey)) ctx.error([...path, k], lengthMessage('tag key', k, tagKey), { key: true });
    if (outOfLength(v, tagValue)) ctx.error([...path, k], lengthMessage(`tag '${k}' value`, v, tagValue));
  }
}

/** `<what> 'x' is not valid; expected <example>` when the value does not match. */
export function checkPattern(ctx: CheckContext, path: ModelPath, what: string, value: string | undefined, pattern: Pattern): boolean {
  if (value === undefined || pattern.re.test(value)) return true;
  ctx.error(path, patternMessage(what, value, pattern));
  return false;
}

/**
 * An IAM role ARN that goes into a key policy's Principal as written: one exact role. KMS rejects
 * a principal ARN with a wildcard at apply time (only `"*"` alone is a wildcard principal), and IAM
 * paths may contain `*` and `?`, so this is said before the pattern's own message.
 */
export function checkRoleArn(ctx: CheckContext, path: ModelPath, what: string, value: string | undefined, example: string): boolean {
  if (value === undefined) return true;
  const wildcard = /[*?]/.exec(value)?.[0];
  if (wildcard !== undefined) {
    ctx.error(
      path,
      `${what} ${quote(value)} has a wildcard (${wildcard}); a key policy principal must name one role exactly (kms rejects wildcards in principal arns): write each role's arn, e.g. ${example}`,
    );
    return false;
  }
  return checkPattern(ctx, path, what, value, PATTERNS.roleArn);
}
