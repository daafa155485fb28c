/**
 * Key access through identity policies. A key policy statement naming an account root
 * (`arn:aws:iam::<account>:root`) lets that account's IAM policies grant the key; idcgen writes
 * those policies itself (permission set inline statements, member-account identity policies), so
 * the principals they reach are known:
 * - a permission set whose inline policy has statements on this key, in every account it is
 *   assigned to: `permission set <name> in <account>`;
 * - a key identity policy attached to roles: each role ARN.
 * Their actions are the identity policy's actions on the key that the root's grant also allows
 * (KMS needs both), and they reach the key the same way the root statement does. Statements are
 * "on this key" when their Resource names it by ref; `Resource: "*"` statements such as
 * kms:ListAliases are not about one key and are left out.
 */
import { compareKeys, type ResolvedKey, type ResolvedModel } from '../../model/ir';
import { isPolicyRef, type PolicyDocumentJson, type StatementJson } from '../../policy/types';
import { actionsOf, allowsAction } from './actions';
import type { AccessEntry } from './key-access';

export const ROOT = /^arn:(aws[a-z-]*):iam::(\d{12}):root$/;

/** Allow statements of a document whose Resource names the key. */
export function keyStatements(doc: PolicyDocumentJson | undefined, keyName: string): StatementJson[] {
  return (doc?.Statement ?? []).filter((s) => {
    if (s.Effect !== 'Allow' || s.Resource === undefined) return false;
    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    return resources.some((r) => isPolicyRef(r) && r.key === keyName);
  });
}

function grantedActions(statements: readonly StatementJson[], root: AccessEntry): string[] {
  return statements.flatMap((s) => actionsOf(s)).filter((a) => root.actions.some((p) => allowsAction({ Action: p }, a)));
}

function entry(root: AccessEntry, principal: string, actions: string[], identityPolicy: string): AccessEntry {
  const admin = actions.some((a) => allowsAction({ Action: a }, 'kms:PutKeyPolicy'));
  return {
    kind: admin ? 'administrator' : 'principal',
    principal,
    actions,
    via: [...root.via],
    anyPath: root.anyPath,
    statements: [...root.statements],
    useCases: [...root.useCases],
    identityPolicies: [identityPolicy],
  };
}

export function delegatedAccess(key: ResolvedKey, ir: Pick<ResolvedModel, 'permissionSets' | 'assignments'>, root: AccessEntry): AccessEntry[] {
  const [, partition, account] = ROOT.exec(root.principal)!;
  const out: AccessEntry[] = [];
  const assigned = new Map<string, string>();
  for (const a of ir.assignments) if (a.accountId === account) assigned.set(a.permissionSet, a.accountName);
  for (const name of [...assigned.keys()].sort(compareKeys)) {
    const ps = ir.permissionSets.find((p) => p.name === name);
    const actions = grantedActions(keyStatements(ps?.inlinePolicy, key.name), root);
    if (actions.length > 0) out.push(entry(root, `permission set ${name} in ${assigned.get(name)}`, actions, `permission set ${name} inline policy`));
  }
  for (const ip of key.identityPolicies) {
    if (ip.accountId !== account) continue;
    const actions = grantedActions(keyStatements(ip.document, key.name), root);
    if (actions.length === 0) continue;
    for (const role of ip.attachToRoles) out.push(entry(root, `arn:${partition}:iam::${account}:role/${role}`, actions, `${ip.accountName}/${ip.policyName}`));
  }
  return out;
}
