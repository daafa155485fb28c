/**
 * Administrator-level permission sets, for the `admin-access-granted` risk flag: what their policies
 * allow (src/policy/admin-access.ts, evaluated with iam-data), not what they are called.
 *
 * A permission set is administrator-level when it attaches the AWS managed AdministratorAccess
 * policy, or when its inline policy, or a customer managed policy document idcgen creates for it
 * (`customerManagedPolicies[].policy`), grants administrator-equivalent access. Other AWS managed
 * policies, and customer managed policies whose documents live outside the model, are not in the
 * model, so they cannot be read.
 */
import type { ResolvedModel, ResolvedPermissionSet } from '../../model/ir';
import { administratorGrants, adminManagedPolicy, type AdminGrant } from '../../policy/admin-access';
import type { PolicyDocumentJson } from '../../policy/types';
import { cmpName } from './permission-sets';

function grantText(where: string, g: AdminGrant): string {
  return `${where}${g.sid ? ` ${g.sid}` : ''}: ${g.reason}`;
}

/** Why a permission set is administrator-level, e.g. `AdministratorAccess`; empty when it is not. */
export function adminReasons(ps: ResolvedPermissionSet | undefined, documents: ReadonlyMap<string, PolicyDocumentJson> = new Map()): string[] {
  if (!ps) return [];
  const out: string[] = [];
  if (ps.managedPolicyArns.some(adminManagedPolicy)) out.push('AdministratorAccess');
  for (const g of administratorGrants(ps.inlinePolicy)) out.push(grantText('inline policy', g));
  for (const ref of ps.customerManagedPolicies) {
    for (const g of administratorGrants(documents.get(cmpName(ref)))) out.push(grantText(`customer managed policy ${cmpName(ref)}`, g));
  }
  return out;
}

const cache = new WeakMap<ResolvedModel, Map<string, string[]>>();

/**
 * adminReasons for every permission set of a model, by name, computed on first use: evaluating a
 * policy against every AWS action is not free, and a review asks about few permission sets.
 */
export function adminReasonsIn(ir: ResolvedModel): (permissionSet: string) => string[] {
  let known = cache.get(ir);
  if (!known) cache.set(ir, (known = new Map()));
  const memo = known;
  let documents: Map<string, PolicyDocumentJson> | undefined;
  let byName: Map<string, ResolvedPermissionSet> | undefined;
  return (name) => {
    let reasons = memo.get(name);
    if (reasons) return reasons;
    documents ??= new Map(ir.units.flatMap((u) => u.customerManagedPolicies.map((p) => [cmpName(p), p.document] as const)));
    byName ??= new Map(ir.permissionSets.map((p) => [p.name, p]));
    reasons = adminReasons(byName.get(name), documents);
    memo.set(name, reasons);
    return reasons;
  };
}
