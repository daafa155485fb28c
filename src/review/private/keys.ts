/**
 * Key changes: the key specification, the key policy statement by statement (each with the use
 * case and AWS documentation page it comes from), and the member-account identity policies.
 */
import { compareKeys, type KeyIdentityPolicy, type ResolvedKey, type StatementJson } from '../../model';
import type { IdentityPolicyChange, KeyChange } from '../types';
import { diffFields, diffList, isEmptyList, tagList, type Fields } from './fields';
import { diffStatements, type SourceLookup } from './statements';

/** Key specification in the model's terms. */
export function keyFields(k: ResolvedKey): Fields {
  return [
    ['alias', k.alias],
    ['description', k.description],
    ['multiRegion', k.multiRegion],
    ['replicaRegions', k.replicaRegions],
    ['rotation.enabled', k.rotation.enabled],
    ['rotation.periodDays', k.rotation.periodDays],
    ['deletionWindowDays', k.deletionWindowDays],
    ['policyProfile', k.profile],
    ['useCases', k.useCases],
    ['tags', tagList(k.tags)],
    ['usedByIdentityCenter', k.usedByIdentityCenter],
  ];
}

function sourcesOf(before: ResolvedKey | undefined, after: ResolvedKey | undefined): SourceLookup {
  return (statement: StatementJson, side) => {
    const key = side === 'before' ? before : after;
    if (!key) return undefined;
    const i = key.keyPolicy.Statement.indexOf(statement);
    const src = i >= 0 ? key.statementSources[i] : undefined;
    return src ? { useCase: src.useCase, docUrl: src.docUrl } : undefined;
  };
}

function identityPolicyId(p: KeyIdentityPolicy): string {
  return `${p.accountName}\u0000${p.policyName}`;
}

function diffIdentityPolicies(base: readonly KeyIdentityPolicy[], head: readonly KeyIdentityPolicy[]): IdentityPolicyChange[] {
  const b = new Map(base.map((p) => [identityPolicyId(p), p]));
  const h = new Map(head.map((p) => [identityPolicyId(p), p]));
  const out: IdentityPolicyChange[] = [];
  for (const id of [...new Set([...b.keys(), ...h.keys()])].sort(compareKeys)) {
    const x = b.get(id);
    const y = h.get(id);
    const attachToRoles = diffList(x?.attachToRoles, y?.attachToRoles);
    const statements = diffStatements(x?.document, y?.document);
    if (x && y && isEmptyList(attachToRoles) && statements.length === 0) continue;
    const p = (y ?? x)!;
    out.push({ accountName: p.accountName, policyName: p.policyName, change: x && y ? 'changed' : x ? 'removed' : 'added', attachToRoles, statements });
  }
  return out;
}

export function diffKeys(base: readonly ResolvedKey[], head: readonly ResolvedKey[]): KeyChange[] {
  const b = new Map(base.map((k) => [k.name, k]));
  const h = new Map(head.map((k) => [k.name, k]));
  const out: KeyChange[] = [];
  for (const name of [...new Set([...b.keys(), ...h.keys()])].sort(compareKeys)) {
    const x = b.get(name);
    const y = h.get(name);
    const fields = diffFields(x && keyFields(x), y && keyFields(y));
    const statements = diffStatements(x?.keyPolicy, y?.keyPolicy, sourcesOf(x, y));
    const identityPolicies = diffIdentityPolicies(x?.identityPolicies ?? [], y?.identityPolicies ?? []);
    if (x && y && fields.length === 0 && statements.length === 0 && identityPolicies.length === 0) continue;
    out.push({ name, change: x && y ? 'changed' : x ? 'removed' : 'added', fields, statements, identityPolicies });
  }
  return out;
}
