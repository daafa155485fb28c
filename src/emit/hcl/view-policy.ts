/**
 * IAM policy documents from the IR as HCL expressions: `jsonencode({ ... })` with one object per
 * statement, so a reviewer reads each statement (and its Sid) as a block. String values go through
 * the one escaping function, so IAM policy variables (`${aws:username}`) are written `$${...}` and
 * reach the planned JSON unchanged. `PolicyRef`s become Terraform references chosen by the caller.
 */
import { compareKeys, type ResolvedKey, isPolicyRef, type PolicyDocumentJson, type PolicyRef, type StatementJson } from '../../model';
import { bool, call, list, num, obj, str, type Expr, type ObjectEntry } from './private/expr';

/** Every PolicyRef in a policy document (or any JSON value), in document order. */
export function policyRefs(value: unknown, out: PolicyRef[] = []): PolicyRef[] {
  if (isPolicyRef(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => policyRefs(v, out));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((v) => policyRefs(v, out));
  return out;
}

/** Renders a value known only at apply time (key ARN, instance ARN) as a Terraform expression. */
export type RefResolver = (ref: PolicyRef) => Expr;

/** The order AWS documents statement elements in; anything else follows, sorted. */
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

function keyOrder(a: string, b: string): number {
  const ia = STATEMENT_KEYS.indexOf(a);
  const ib = STATEMENT_KEYS.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? STATEMENT_KEYS.length : ia) - (ib === -1 ? STATEMENT_KEYS.length : ib);
  return compareKeys(a, b);
}

/** Any JSON value of a policy document; object keys are sorted so output never follows insertion order. */
export function policyValue(value: unknown, resolve: RefResolver): Expr {
  if (isPolicyRef(value)) return resolve(value);
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return bool(value);
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return list(value.map((v) => policyValue(v, resolve)));
  if (typeof value === 'object') {
    return obj(
      Object.keys(value)
        .sort(compareKeys)
        .map((key) => ({ key, value: policyValue((value as Record<string, unknown>)[key], resolve) })),
    );
  }
  throw new Error(`policy value of type ${typeof value} cannot be written to HCL`);
}

function statementObject(statement: StatementJson, resolve: RefResolver, omit: readonly string[] = []): Expr {
  const record = statement as unknown as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined && !omit.includes(k))
    .sort(keyOrder);
  return obj(keys.map((key) => ({ key, value: policyValue(record[key], resolve) })));
}

/** A whole identity policy document: `jsonencode({ Version, Statement = [{...}, ...] })`. */
export function policyDocument(doc: PolicyDocumentJson, resolve: RefResolver): Expr {
  const entries: ObjectEntry[] = [{ key: 'Version', value: str(doc.Version) }];
  if (doc.Id !== undefined) entries.push({ key: 'Id', value: str(doc.Id) });
  entries.push({ key: 'Statement', value: list(doc.Statement.map((s) => statementObject(s, resolve))) });
  return call('jsonencode', obj(entries));
}

/**
 * The key policy as the identity-center-key module takes it: a map keyed by Sid, one
 * `jsonencode` per statement, each under a comment naming its use case and documentation page.
 * Key policy statements always carry a unique Sid (the IR's statementSources are keyed by it).
 */
export function keyPolicyStatements(key: ResolvedKey, resolve: RefResolver): Expr {
  const seen = new Set<string>();
  const entries = key.keyPolicy.Statement.map((statement, i): ObjectEntry => {
    const sid = statement.Sid;
    if (sid === undefined || sid === '') throw new Error(`key ${key.name}: key policy statement ${i + 1} has no Sid`);
    if (seen.has(sid)) throw new Error(`key ${key.name}: key policy has two statements with Sid ${sid}`);
    seen.add(sid);
    const source = key.statementSources.find((s) => s.sid === sid);
    return {
      key: sid,
      value: call('jsonencode', statementObject(statement, resolve, ['Sid'])),
      comment: source ? `${source.useCase}: ${source.docUrl}` : undefined,
      gap: i > 0,
    };
  });
  return obj(entries);
}
