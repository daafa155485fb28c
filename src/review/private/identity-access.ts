/**
 * Key access through identity policies. A key policy statement naming an account root
 * (`arn:aws:iam::<account>:root`) lets that account's IAM policies grant the key, and one for
 * every principal of the organization (`aws:PrincipalOrgID`) lets every account's policies grant
 * it; idcgen writes those policies itself (permission set inline statements, member-account
 * identity policies), so the principals they reach are known:
 * - a permission set whose inline policy has statements on this key, in every account it is
 *   assigned to: `permission set <name> in <account>`;
 * - a key identity policy attached to roles: each role ARN.
 * Their actions are the identity policy's actions on the key that the key policy grant also allows
 * (KMS needs both), and they reach the key the way that grant does (e.g. only via Identity Center). Statements are
 * "on this key" when their Resource names it by ref; `Resource: "*"` statements such as
 * kms:ListAliases are not about one key and are left out.
 */
import {
  ACCOUNT_ROOT_ARN,
  roleArn,
  compareKeys,
  type ResolvedKey,
  type ResolvedModel,
  isPolicyRef,
  type PolicyDocumentJson,
  type StatementJson,
} from '../../model';
import { actionMatches, toArray } from '../../policy';
import { actionLabels } from './actions';
import { inlinePolicyOf, permissionSetIn } from './labels';
import type { KeyAccessKind } from '../types';

/** A principal's access while it is being collected from several statements. */
export interface AccessEntry {
  kind: KeyAccessKind;
  principal: string;
  accountId?: string;
  actions: string[];
  via: string[];
  /** One statement without kms:ViaService opens every caller path, whatever the others narrow. */
  anyPath: boolean;
  statements: string[];
  useCases: string[];
  identityPolicies: string[];
}

/** An account principal: captures partition and account id. */
export const ROOT = ACCOUNT_ROOT_ARN;

/** Allow statements of a document whose Resource names the key. */
export function keyStatements(doc: PolicyDocumentJson | undefined, keyName: string): StatementJson[] {
  return (doc?.Statement ?? []).filter((s) => {
    if (s.Effect !== 'Allow' || s.Resource === undefined) return false;
    const resources = toArray(s.Resource);
    return resources.some((r) => isPolicyRef(r) && r.key === keyName);
  });
}

function grantedActions(statements: readonly StatementJson[], grant: AccessEntry): string[] {
  return statements.flatMap((s) => actionLabels(s)).filter((a) => grant.actions.some((p) => actionMatches(p, a)));
}

function entry(grant: AccessEntry, principal: string, accountId: string, actions: string[], identityPolicy: string): AccessEntry {
  const admin = actions.some((a) => actionMatches(a, 'kms:PutKeyPolicy'));
  return {
    kind: admin ? 'administrator' : 'principal',
    principal,
    accountId,
    actions,
    via: [...grant.via],
    anyPath: grant.anyPath,
    statements: [...grant.statements],
    useCases: [...grant.useCases],
    identityPolicies: [identityPolicy],
  };
}

/** Key policy grants that reach principals of `account` through their identity policies. */
function grantsFor(account: string, grants: readonly AccessEntry[]): AccessEntry[] {
  return grants.filter((g) => g.kind === 'org-principals' || ROOT.exec(g.principal)?.[2] === account);
}

/**
 * Principals reached through identity policies, one entry per key policy grant that lets them in
 * (the caller merges entries by principal, so their actions and paths add up).
 */
export function delegatedAccess(key: ResolvedKey, ir: Pick<ResolvedModel, 'permissionSets' | 'assignments'>, grants: readonly AccessEntry[]): AccessEntry[] {
  const out: AccessEntry[] = [];
  const reach = (account: string, principal: string, statements: StatementJson[], identityPolicy: string) => {
    for (const g of grantsFor(account, grants)) {
      const actions = grantedActions(statements, g);
      if (actions.length > 0) out.push(entry(g, principal, account, actions, identityPolicy));
    }
  };
  // Only permission sets whose inline policy names this key reach it: find those first, then their
  // placements (a large model has 100,000 assignments and a handful of such permission sets).
  const onKey = new Map<string, StatementJson[]>();
  for (const ps of ir.permissionSets) {
    const statements = keyStatements(ps.inlinePolicy, key.name);
    if (statements.length > 0) onKey.set(ps.name, statements);
  }
  const placements = new Map<string, { account: string; accountName: string; permissionSet: string }>();
  for (const a of ir.assignments) {
    if (onKey.has(a.permissionSet))
      placements.set(`${a.permissionSet}\u0000${a.accountName}`, { account: a.accountId, accountName: a.accountName, permissionSet: a.permissionSet });
  }
  for (const k of [...placements.keys()].sort(compareKeys)) {
    const { account, accountName, permissionSet } = placements.get(k)!;
    reach(account, permissionSetIn(permissionSet, accountName), onKey.get(permissionSet)!, inlinePolicyOf(permissionSet));
  }
  for (const ip of key.identityPolicies) {
    const statements = keyStatements(ip.document, key.name);
    const partition = grants.map((g) => ROOT.exec(g.principal)?.[1]).find((x) => x !== undefined) ?? 'aws';
    for (const role of ip.attachToRoles) reach(ip.accountId, roleArn(ip.accountId, role, partition), statements, `${ip.accountName}/${ip.policyName}`);
  }
  return out;
}
