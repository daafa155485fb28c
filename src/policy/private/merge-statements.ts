/**
 * Statement de-duplication and merging on wire JSON, used wherever statements from several
 * sources meet in one document (a permission set's inline policy, an account's key-use policy).
 */
import type { PolicyValue, PolicyValues, PrincipalJson, StatementDraft, StatementJson } from '../../model';
import { canonicalJson, toArray } from '../json';
import { compareValues, toWire, uniqueValues, valueKey } from './values';

/**
 * Merge rules (in this order, repeated until nothing changes):
 * 1. A statement whose canonical JSON text equals an earlier one is removed.
 * 2. Statements A and B (A earlier) merge into A's position when all of these hold:
 *    - same Effect and same Sid (both absent, or equal: a Sid names one purpose, so two keys
 *      granting the same purpose share it);
 *    - neither uses NotAction, NotPrincipal or NotResource (merging a Not* widens it);
 *    - their Conditions are equal (canonical JSON);
 *    - of the three sets Principal, Action, Resource at least two are equal; the third becomes
 *      the sorted union. `"Principal": "*"` only equals itself and never merges with names.
 * Statements that share a Sid but cannot merge are left as they are; the caller decides (the
 * document validators report duplicate Sids).
 */
export function mergeStatements(statements: readonly StatementJson[]): StatementJson[] {
  let out = dedupeStatements(statements);
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const merged = tryMerge(out[i], out[j]);
        if (merged) {
          out = [...out.slice(0, i), merged, ...out.slice(i + 1, j), ...out.slice(j + 1)];
          changed = true;
          break outer;
        }
      }
    }
    out = dedupeStatements(out);
  }
  return out;
}

/** Rule 1 alone: drop statements whose canonical JSON text was seen before. */
export function dedupeStatements(statements: readonly StatementJson[]): StatementJson[] {
  const seen = new Set<string>();
  const out: StatementJson[] = [];
  for (const s of statements) {
    const text = canonicalJson(s);
    if (!seen.has(text)) {
      seen.add(text);
      out.push(s);
    }
  }
  return out;
}

function tryMerge(a: StatementJson, b: StatementJson): StatementJson | undefined {
  if (a.Effect !== b.Effect || a.Sid !== b.Sid) return undefined;
  if (a.NotAction || b.NotAction || a.NotPrincipal || b.NotPrincipal || a.NotResource || b.NotResource) return undefined;
  if (canonicalJson(a.Condition ?? {}) !== canonicalJson(b.Condition ?? {})) return undefined;
  const samePrincipal = principalKey(a.Principal) === principalKey(b.Principal);
  const sameAction = setKey(toArray(a.Action)) === setKey(toArray(b.Action));
  const sameResource = setKey(toArray(a.Resource)) === setKey(toArray(b.Resource));
  if ([samePrincipal, sameAction, sameResource].filter(Boolean).length < 2) return undefined;
  const merged: StatementDraft = { ...a };
  if (!samePrincipal) {
    const principal = unionPrincipals(a.Principal, b.Principal);
    if (principal === undefined) return undefined;
    merged.Principal = principal;
  }
  if (!sameAction) merged.Action = toWire(union(toArray(a.Action), toArray(b.Action))) as string | string[];
  if (!sameResource) merged.Resource = toWire(union(toArray(a.Resource), toArray(b.Resource)));
  return merged;
}

function union(a: readonly PolicyValue[], b: readonly PolicyValue[]): PolicyValue[] {
  return uniqueValues([...a, ...b]).sort(compareValues);
}

function setKey(values: readonly PolicyValue[]): string {
  return values.map(valueKey).sort().join('\n');
}

function principalKey(p: PrincipalJson | undefined): string {
  if (p === undefined) return 'none';
  if (p === '*') return '*';
  return `aws:${setKey(toArray(p.AWS))}|service:${setKey(toArray(p.Service))}`;
}

function unionPrincipals(a: PrincipalJson | undefined, b: PrincipalJson | undefined): PrincipalJson | undefined {
  if (a === undefined || b === undefined || a === '*' || b === '*') return undefined;
  const aws = union(toArray(a.AWS), toArray(b.AWS));
  const service = union(toArray(a.Service), toArray(b.Service)) as string[];
  const out: { AWS?: PolicyValues; Service?: string | readonly string[] } = {};
  if (aws.length > 0) out.AWS = toWire(aws);
  if (service.length > 0) out.Service = toWire(service) as string | string[];
  return out;
}
