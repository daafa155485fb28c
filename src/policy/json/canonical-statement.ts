/**
 * The normal form of a policy statement, so review and import compare meaning rather than text:
 * a value written as `"x"` or `["x"]` is the same, list order and repeats do not matter, and
 * object keys are sorted. The review shows statements in this form.
 */
import { compareKeys, isPolicyRef, type PolicyRef, type PolicyValues, type PrincipalJson, type StatementJson } from '../../model';
import { canonicalJson, toArray } from './read';

/** How a value known only to Terraform is shown, e.g. `<key-arn:identity-center>`. */
export function refLabel(ref: PolicyRef): string {
  return ref.key !== undefined ? `<${ref.ref}:${ref.key}>` : `<${ref.ref}>`;
}

/** Policy values as a sorted, deduplicated list of strings (refs shown by their label). */
export function valueList(v: PolicyValues | undefined): string[] {
  return sortedUnique(toArray(v).map((x) => (isPolicyRef(x) ? refLabel(x) : x)));
}

export function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list)].sort(compareKeys);
}

type Canon = string | string[] | { [k: string]: Canon };

/** One element collapses to a scalar so `"x"` and `["x"]` canonicalise alike. */
function collapse(list: string[]): string | string[] {
  return list.length === 1 ? list[0] : list;
}

function canonicalPrincipal(p: PrincipalJson): Canon {
  if (p === '*') return '*';
  const out: Record<string, Canon> = {};
  for (const k of Object.keys(p).sort(compareKeys)) {
    const v = (p as Record<string, PolicyValues | undefined>)[k];
    if (v !== undefined) out[k] = collapse(valueList(v));
  }
  return out;
}

/** Field order of a displayed statement: the order IAM documentation uses. */
const STATEMENT_FIELDS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;

/**
 * The statement with lists sorted and deduplicated, single-element lists collapsed and condition
 * operators and keys sorted. Unknown fields are kept (sorted after the known ones) so that nothing
 * the user wrote is silently ignored by a comparison.
 */
export function canonicalStatement(s: StatementJson): Record<string, Canon> {
  const out: Record<string, Canon> = {};
  const src = s as unknown as Record<string, unknown>;
  const known = new Set<string>(STATEMENT_FIELDS);
  for (const field of STATEMENT_FIELDS) {
    const v = src[field];
    if (v === undefined) continue;
    if (field === 'Sid' || field === 'Effect') out[field] = String(v);
    else if (field === 'Principal' || field === 'NotPrincipal') out[field] = canonicalPrincipal(v as PrincipalJson);
    else if (field === 'Condition') {
      const cond: Record<string, Canon> = {};
      const ops = v as Record<string, Record<string, PolicyValues>>;
      for (const op of Object.keys(ops).sort(compareKeys)) {
        const keys: Record<string, Canon> = {};
        for (const k of Object.keys(ops[op]).sort(compareKeys)) keys[k] = collapse(valueList(ops[op][k]));
        cond[op] = keys;
      }
      out[field] = cond;
    } else out[field] = collapse(valueList(v as PolicyValues));
  }
  for (const k of Object.keys(src).sort(compareKeys)) {
    if (!known.has(k) && src[k] !== undefined) out[k] = stableClone(src[k]);
  }
  return out;
}

function stableClone(v: unknown): Canon {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : canonicalJson(x))).sort(compareKeys);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, Canon> = {};
    for (const k of Object.keys(v).sort(compareKeys)) out[k] = stableClone((v as Record<string, unknown>)[k]);
    return out;
  }
  return String(v);
}

/** Identity of a statement's meaning: its normal form as canonical JSON, without the Sid unless asked. */
export function statementKey(s: StatementJson, opts: { readonly withSid?: boolean } = {}): string {
  const c = canonicalStatement(s);
  if (!opts.withSid) delete c.Sid;
  return canonicalJson(c);
}

/** A statement as indented JSON in its normal form: what the review shows and diffs. */
export function formatStatement(s: StatementJson): string {
  return JSON.stringify(canonicalStatement(s), null, 2);
}
