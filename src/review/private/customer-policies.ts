/**
 * Customer managed policies idcgen creates in member accounts (from `customerManagedPolicies[].policy`),
 * diffed statement by statement. The same document is created in every account a permission set
 * reaches, so it is reported once per policy, not once per account.
 */
import { compareKeys, isPolicyUnit, type DeploymentUnit, type PolicyDocumentJson } from '../../model';
import type { PolicyDocumentChange } from '../types';
import { cmpName } from './permission-sets';
import { diffStatements } from './statements';

function documents(units: readonly DeploymentUnit[]): Map<string, PolicyDocumentJson> {
  const out = new Map<string, PolicyDocumentJson>();
  for (const u of units.filter(isPolicyUnit)) {
    for (const p of u.customerManagedPolicies) if (!out.has(cmpName(p))) out.set(cmpName(p), p.document);
  }
  return out;
}

export function diffCustomerManagedPolicies(base: readonly DeploymentUnit[], head: readonly DeploymentUnit[]): PolicyDocumentChange[] {
  const b = documents(base);
  const h = documents(head);
  const out: PolicyDocumentChange[] = [];
  for (const name of [...new Set([...b.keys(), ...h.keys()])].sort(compareKeys)) {
    const statements = diffStatements(b.get(name), h.get(name));
    const change = b.has(name) && h.has(name) ? 'changed' : b.has(name) ? 'removed' : 'added';
    if (change === 'changed' && statements.length === 0) continue;
    out.push({ name, change, statements });
  }
  return out;
}
