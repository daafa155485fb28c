/**
 * Questions lint asks about wire statements: which actions, principals and condition keys they
 * name, and whether an action pattern covers an action.
 */
import { iamActionPattern, type PolicyValue, type StatementJson, isPolicyRef } from '../../model';
import { toArray } from './values';

export function actionsOf(s: StatementJson): string[] {
  return toArray(s.Action);
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
export function actionCovers(pattern: string, action: string): boolean {
  return iamActionPattern(pattern)(action);
}

export function grantsAction(s: StatementJson, action: string): boolean {
  return s.Effect === 'Allow' && actionsOf(s).some((a) => actionCovers(a, action));
}

export function servicePrincipalsOf(s: StatementJson): string[] {
  return s.Principal === undefined || s.Principal === '*' ? [] : toArray(s.Principal.Service);
}

export function awsPrincipalsOf(s: StatementJson): PolicyValue[] {
  return s.Principal === undefined || s.Principal === '*' ? [] : toArray(s.Principal.AWS);
}

/** `"Principal": "*"` or `{"AWS": "*"}`: anyone, subject to conditions. */
export function isAnyPrincipal(s: StatementJson): boolean {
  return s.Principal === '*' || awsPrincipalsOf(s).some((p) => !isPolicyRef(p) && p === '*');
}

/** Every condition key the statement tests, as written. */
export function conditionKeysOf(s: StatementJson): string[] {
  return Object.values(s.Condition ?? {}).flatMap((keys) => Object.keys(keys));
}

/** Values a condition key is tested against, under any operator (refs count as specific values). */
export function conditionValues(s: StatementJson, key: string): PolicyValue[] {
  const k = key.toLowerCase();
  return Object.values(s.Condition ?? {}).flatMap((keys) =>
    Object.entries(keys)
      .filter(([name]) => name.toLowerCase() === k)
      .flatMap(([, v]) => toArray(v)),
  );
}
