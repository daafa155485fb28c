/**
 * Administrator-level permission sets, for the `admin-access-granted` risk flag: what their policies
 * allow (src/policy/admin-access.ts, evaluated with iam-data), not what they are called.
 *
 * The reasons are the statements that hand out administrator-level power (permissionSetAdminGrants:
 * all actions, NotAction, a whole service, iam:*, iam:PassRole or sts:AssumeRole on *); when there
 * is none, the permissions-management test the lint uses (administratorAccessReasons: any IAM
 * permissions-management action on every resource, after Deny and boundaries). AWS managed
 * policies other than the known ones, and customer managed policies whose documents live outside
 * the model, are not in the model, so they cannot be read.
 */
import type { ResolvedModel, ResolvedPermissionSet, PolicyDocumentJson } from '../../model';
import { administratorAccessReasons, customerPolicyDocuments, permissionSetAdminGrants } from '../../policy';

/** Why a permission set is administrator-level; empty when it is not. */
export function adminReasons(ps: ResolvedPermissionSet | undefined, documents: ReadonlyMap<string, PolicyDocumentJson> = new Map()): string[] {
  if (!ps) return [];
  const grants = permissionSetAdminGrants(ps, documents);
  return grants.length > 0 ? grants : administratorAccessReasons(ps, documents);
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
    documents ??= customerPolicyDocuments(ir);
    byName ??= new Map(ir.permissionSets.map((p) => [p.name, p]));
    reasons = adminReasons(byName.get(name), documents);
    memo.set(name, reasons);
    return reasons;
  };
}
