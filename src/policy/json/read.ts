// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
/**
 * Reading policy JSON as IAM reads it, the one place every stage asks: a value written as `"x"`
 * or `["x"]` is the same list, `"Principal": "*"` and `{"AWS": "*"}` are both anyone, condition
 * keys are case-insensitive, and action patterns match as IAM matches them (match.ts). Lint,
 * review, import and the live-key checks all read statements through these functions.
 */
import { canonicalJson, isPolicyRef, toArray, type PolicyValue, type PrincipalJson, type StatementJson } from '../../model';
import { actionMatches } from './match';

export { canonicalJson, toArray };

/** The statements of a parsed policy document: `Statement` may be one object or a list; non-objects are skipped. */
export function statementsOf(doc: unknown): StatementJson[] {
  const s = (doc as { Statement?: unknown } | null)?.Statement;
  if (s === null) return [];
  return toArray(s).filter((x): x is StatementJson => typeof x === 'object' && x !== null && !Array.isArray(x));
}

/** Parse policy JSON text (as KMS and IAM return it): a JSON object, or the reason it is not one. */
export function parsePolicyJson(text: string): { readonly doc: Record<string, unknown> } | { readonly error: string } {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { doc: v as Record<string, unknown> };
    return { error: 'not a json object' };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The statement's `Action` entries (a `NotAction` statement has none). */
export function actionsOf(s: Pick<StatementJson, 'Action'>): string[] {
  return toArray(s.Action);
}

/** Whether the statement's Action covers `action`, or its NotAction leaves it out. */
export function allowsAction(s: Pick<StatementJson, 'Action' | 'NotAction'>, action: string): boolean {
  if (s.Action !== undefined) return toArray(s.Action).some((p) => actionMatches(p, action));
  if (s.NotAction !== undefined) return !toArray(s.NotAction).some((p) => actionMatches(p, action));
  return false;
}

/** An Allow statement whose Action names `action` (or a pattern covering it). */
export function grantsAction(s: StatementJson, action: string): boolean {
  return s.Effect === 'Allow' && actionsOf(s).some((a) => actionMatches(a, action));
}

export function servicePrincipalsOf(s: StatementJson): string[] {
  return s.Principal === undefined || s.Principal === '*' ? [] : toArray(s.Principal.Service);
}

export function awsPrincipalsOf(s: StatementJson): PolicyValue[] {
  return s.Principal === undefined || s.Principal === '*' ? [] : toArray(s.Principal.AWS);
}

/** `"Principal": "*"` or `{"AWS": "*"}` (alone or in a list): anyone, subject to conditions. */
export function isAnyPrincipal(p: PrincipalJson | undefined): boolean {
  if (p === undefined) return false;
  return p === '*' || toArray(p.AWS).some((v) => !isPolicyRef(v) && v === '*');
}

/** Every condition key the statement tests, as written. */
export function conditionKeysOf(s: StatementJson): string[] {
  return Object.values(s.Condition ?? {}).flatMap((keys) => Object.keys(keys));
}

/** Values a condition key is tested against, under any operator (keys compare case-insensitively; refs count as specific values). */
export function conditionValues(s: Pick<StatementJson, 'Condition'>, key: string): PolicyValue[] {
  const k = key.toLowerCase();
  return Object.values(s.Condition ?? {}).flatMap((keys) =>
    Object.entries(keys)
      .filter(([name]) => name.toLowerCase() === k)
      .flatMap(([, v]) => toArray(v)),
  );
}
