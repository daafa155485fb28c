/**
 * Compares the live key policy with the one the model generates, statement by statement as
 * parsed JSON (matched by Sid), and checks on its own that Identity Center and Identity Store can
 * still use the key: a key the services cannot use locks every user out.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
 */
import { actionMatches, parsePolicyJson, statementsOf as policyStatements } from '../policy';
import { DOCS, SERVICE_PRINCIPALS, SERVICE_REQUIRED_ACTIONS } from './facts';
import { fail, warn, type Finding } from './findings';
import { diffStatements, normalizeStatement, type FieldDiff, type NormalStatement } from './private/normalize-policy';

type RawStatement = Record<string, unknown>;

/** The statements of a parsed policy document, as plain objects (a live policy may hold anything). */
function statementsOf(policy: unknown): RawStatement[] {
  return policyStatements(policy) as unknown as RawStatement[];
}

/** Parse the text GetKeyPolicy returned; a policy that is not JSON is reported, not thrown. */
export function parseKeyPolicy(text: string, keyArn: string): { policy?: unknown; findings: Finding[] } {
  const parsed = parsePolicyJson(text);
  return 'doc' in parsed ? { policy: parsed.doc, findings: [] } : { findings: [fail(`key policy of ${keyArn} is not valid json: ${parsed.error}`)] };
}

function sidOf(s: RawStatement): string | undefined {
  return typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
}

/** Sorted, case-normalised text of a statement: identity for statements without a Sid. */
function canonical(n: NormalStatement): string {
  return JSON.stringify([...n.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, v]) => [f, [...v.values.keys()].sort()]));
}

/** `identity center` / `identity store` when the statement names one of their service principals. */
function serviceLabel(n: NormalStatement): string | undefined {
  const services = n.get('principal.service')?.values;
  const labels = SERVICE_PRINCIPALS.filter((p) => services?.has(p.service)).map((p) => p.label);
  return labels.length > 0 ? labels.join(' and ') : undefined;
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

function describeDiff(diffs: readonly FieldDiff[]): string {
  return diffs
    .map((d) =>
      [d.missing.length > 0 ? `missing ${quoteAll(d.missing)}` : '', d.unexpected.length > 0 ? `unexpected ${quoteAll(d.unexpected)}` : '']
        .filter((x) => x !== '')
        .map((x, i) => (i === 0 ? `${d.label} ${x}` : x))
        .join(', '),
    )
    .join('; ');
}

function name(sid: string | undefined, index: number): string {
  return sid !== undefined ? `'${sid}'` : `#${index + 1} (no sid)`;
}

/**
 * Each statement of `expected` must be in `live` with the same meaning (errors: missing, changed);
 * statements only in `live` are warnings, because they may be deliberate additions.
 */
export function compareKeyPolicy(expected: unknown, live: unknown): Finding[] {
  const findings: Finding[] = [];
  const liveStatements = statementsOf(live).map((raw) => ({ raw, sid: sidOf(raw), norm: normalizeStatement(raw) }));
  const used = new Set<number>();

  statementsOf(expected).forEach((raw, index) => {
    const sid = sidOf(raw);
    const norm = normalizeStatement(raw);
    const service = serviceLabel(norm);
    const liveIndex =
      sid !== undefined
        ? liveStatements.findIndex((l, i) => !used.has(i) && l.sid === sid)
        : liveStatements.findIndex((l, i) => !used.has(i) && l.sid === undefined && canonical(l.norm) === canonical(norm));
    if (liveIndex < 0) {
      findings.push(
        fail(
          service
            ? `key policy statement ${name(sid, index)} for the ${service} service is missing: ${service} cannot use the key without it (see ${
                DOCS.baselinePolicy
              })`
            : `key policy statement ${name(sid, index)} is missing`,
        ),
      );
      return;
    }
    used.add(liveIndex);
    const diffs = diffStatements(norm, liveStatements[liveIndex].norm);
    if (diffs.length > 0) {
      const what = service ? ` (${service} service)` : '';
      findings.push(fail(`key policy statement ${name(sid, index)}${what} differs from the model: ${describeDiff(diffs)}`));
    }
  });

  liveStatements.forEach((l, i) => {
    if (!used.has(i)) findings.push(warn(`key policy statement ${name(l.sid, i)} is not in the model`));
  });
  return findings;
}

/**
 * Without any model: the Allow statements naming each service principal must together grant the
 * actions Identity Center needs. Conditions are not evaluated here (compareKeyPolicy compares
 * them with the model), and statements granting `*` to everyone do not count for the services.
 */
export function checkServiceGrants(live: unknown): Finding[] {
  const findings: Finding[] = [];
  const statements = statementsOf(live).map(normalizeStatement);
  for (const { service, label } of SERVICE_PRINCIPALS) {
    const granted = statements
      .filter((n) => n.get('effect')?.values.has('Allow') && n.get('principal.service')?.values.has(service))
      .flatMap((n) => [...(n.get('action')?.values.values() ?? [])].map((v) => v.text));
    const missing = SERVICE_REQUIRED_ACTIONS.filter((a) => !granted.some((p) => actionMatches(p, a)));
    if (missing.length > 0) {
      findings.push(fail(`key policy does not allow ${label} (${service}) ${missing.join(', ')}: ${label} cannot use the key (see ${DOCS.baselinePolicy})`));
    }
  }
  return findings;
}
