/**
 * Risk flags about who reaches which account: administrator-level access granted, production
 * accounts affected, permission sets renamed.
 *
 * One flag per change, however many accounts it reaches: a grant to a principal of a permission
 * set, a revocation, a permission set that changes, a user joining or leaving a group. Each names
 * how many accounts it reaches, how many are production, and a few of them (production first);
 * review.json lists every account in `granted`, `revoked` and `membership`.
 */
import { compareKeys, type ResolvedAssignment, type ResolvedModel } from '../../model';
import type { AccountRef, AssignmentGroup, MembershipEffect, PermissionSetChange, RiskFlag } from '../types';
import { adminReasonsIn } from './admin';
import { cmpName } from './permission-sets';
import { count, firstAndMore, plural } from './counts';

/** Accounts a risk message names before it says "and N more". */
export const EXAMPLE_ACCOUNTS = 3;

function accountName(a: AccountRef): string {
  return `${a.name} (${a.id})${a.production ? ' [production]' : ''}`;
}

/** `a (…) [production], b (…), c (…) and 594 more`: production accounts first. */
function accountSample(accounts: readonly AccountRef[]): string {
  if (accounts.length <= EXAMPLE_ACCOUNTS) return accounts.map(accountName).join(', ');
  const productionFirst = [...accounts].sort((x, y) => Number(y.production) - Number(x.production) || compareKeys(x.name, y.name));
  return firstAndMore(productionFirst.map(accountName), EXAMPLE_ACCOUNTS);
}

/** `prod-app (333…) [production]`, or `597 accounts, 12 production: a, b, c and 594 more`. */
export function accountList(accounts: readonly AccountRef[]): string {
  if (accounts.length <= EXAMPLE_ACCOUNTS) return accountSample(accounts);
  const production = accounts.filter((a) => a.production).length;
  return `${plural(accounts.length, 'account')}${production > 0 ? `, ${count(production)} production` : ''}: ${accountSample(accounts)}`;
}

function names(list: readonly string[]): string {
  return firstAndMore(list, EXAMPLE_ACCOUNTS);
}

function adminFlag(who: string, reasons: readonly string[], how: string, accounts: readonly AccountRef[]): RiskFlag {
  return {
    rule: 'admin-access-granted',
    severity: accounts.some((a) => a.production) ? 'critical' : 'high',
    message: `${who} gains administrator-level access (${reasons.join('; ')}) ${how} in ${accountList(accounts)}`,
  };
}

/**
 * An external permission set whose policies the model does not declare could grant anything: its
 * assignment is judged as if it were administrator-level, until `managedPolicies` says what it holds.
 */
function unknownExternalFlag(who: string, permissionSet: string, accounts: readonly AccountRef[]): RiskFlag {
  return {
    rule: 'external-permission-set-unknown',
    severity: accounts.some((a) => a.production) ? 'critical' : 'high',
    message: `${who} gains external permission set ${permissionSet}, whose policies the model does not declare (declare them with managedPolicies), in ${accountList(accounts)}`,
  };
}

function refs(list: readonly ResolvedAssignment[], index: ReadonlyMap<string, AccountRef>): AccountRef[] {
  const seen = new Map<string, AccountRef>();
  for (const a of list)
    seen.set(`${a.accountName}\u0000${a.accountId}`, { name: a.accountName, id: a.accountId, production: index.get(a.accountName)?.production ?? false });
  return [...seen.keys()].sort(compareKeys).map((k) => seen.get(k)!);
}

/**
 * Administrator-level access is gained three ways: a new assignment of an administrator-level
 * permission set (one flag per principal and permission set), a permission set becoming
 * administrator-level while assigned (one per permission set), and a user joining a group that
 * holds one (one per user and group).
 */
export function adminRisks(
  base: ResolvedModel,
  head: ResolvedModel,
  granted: readonly AssignmentGroup[],
  grantedKeys: ReadonlySet<string>,
  permissionSets: readonly PermissionSetChange[],
  changedPolicies: ReadonlySet<string>,
  membership: readonly MembershipEffect[],
  index: ReadonlyMap<string, AccountRef>,
): RiskFlag[] {
  const out: RiskFlag[] = [];
  const headAdmin = adminReasonsIn(head);
  const baseAdmin = adminReasonsIn(base);

  const unknownExternal = new Set(head.permissionSets.filter((p) => p.external === true && p.managedPolicyArns.length === 0).map((p) => p.name));
  for (const g of granted) {
    const reasons = headAdmin(g.permissionSet);
    if (reasons.length > 0)
      out.push(adminFlag(`${g.principalType.toLowerCase()} ${g.principalName}`, reasons, `through permission set ${g.permissionSet}`, g.accounts));
    if (unknownExternal.has(g.permissionSet)) out.push(unknownExternalFlag(`${g.principalType.toLowerCase()} ${g.principalName}`, g.permissionSet, g.accounts));
  }

  // Only a permission set whose content changed, or whose customer managed policy document idcgen
  // creates changed, can become administrator-level.
  const basePs = new Set(base.permissionSets.map((p) => p.name));
  const candidates = new Set(permissionSets.filter((c) => c.change === 'changed').map((c) => c.name));
  for (const ps of head.permissionSets) {
    if (ps.customerManagedPolicies.some((r) => changedPolicies.has(cmpName(r)))) candidates.add(ps.name);
  }
  for (const name of [...candidates].filter((n) => basePs.has(n)).sort(compareKeys)) {
    const old = new Set(baseAdmin(name));
    const gained = headAdmin(name).filter((r) => !old.has(r));
    if (gained.length === 0) continue;
    const kept = head.assignments.filter((a) => a.permissionSet === name && !grantedKeys.has(a.key));
    if (kept.length === 0) continue;
    const who = names([...new Set(kept.map((a) => `${a.principalType.toLowerCase()} ${a.principalName}`))].sort(compareKeys));
    out.push(adminFlag(who, gained, `as permission set ${name} becomes administrator-level`, refs(kept, index)));
  }

  const joins = new Map<string, MembershipEffect[]>();
  for (const e of membership) {
    if (e.change !== 'gains' || headAdmin(e.permissionSet).length === 0) continue;
    const k = `${e.userName}\u0000${e.group}`;
    const list = joins.get(k);
    if (list) list.push(e);
    else joins.set(k, [e]);
  }
  for (const list of joins.values()) {
    const sets = list.map((e) => e.permissionSet);
    const reasons = [...new Set(sets.flatMap((s) => headAdmin(s)))].sort(compareKeys);
    const accounts = new Map(list.flatMap((e) => e.accounts).map((a) => [a.name, a]));
    const sorted = [...accounts.values()].sort((x, y) => compareKeys(x.name, y.name));
    out.push(adminFlag(`user ${list[0].userName}`, reasons, `by joining group ${list[0].group} (permission set ${sets.join(', ')})`, sorted));
  }
  return out;
}

function productionFlag(message: string): RiskFlag {
  return { rule: 'production-affected', severity: 'medium', message };
}

/** One flag per grant, revocation, permission set change or membership change that reaches production accounts. */
export function productionRisks(
  base: ResolvedModel,
  head: ResolvedModel,
  granted: readonly AssignmentGroup[],
  revoked: readonly AssignmentGroup[],
  permissionSets: readonly PermissionSetChange[],
  membership: readonly MembershipEffect[],
  index: ReadonlyMap<string, AccountRef>,
): RiskFlag[] {
  const out: RiskFlag[] = [];
  const production = (accounts: readonly AccountRef[]) => accounts.filter((a) => a.production);
  for (const [groups, verb] of [
    [granted, 'gains'],
    [revoked, 'loses'],
  ] as const) {
    for (const g of groups) {
      const prod = production(g.accounts);
      if (prod.length > 0)
        out.push(
          productionFlag(
            `${g.principalType.toLowerCase()} ${g.principalName} ${verb} permission set ${g.permissionSet} in ${plural(prod.length, 'production account')}: ${accountSample(prod)}`,
          ),
        );
    }
  }
  const changed = new Set(permissionSets.filter((c) => c.change === 'changed').map((c) => c.name));
  const placements = new Map<string, ResolvedAssignment[]>();
  for (const a of [...base.assignments, ...head.assignments]) {
    if (!changed.has(a.permissionSet) || !index.get(a.accountName)?.production) continue;
    const list = placements.get(a.permissionSet);
    if (list) list.push(a);
    else placements.set(a.permissionSet, [a]);
  }
  for (const ps of [...placements.keys()].sort(compareKeys)) {
    const prod = refs(placements.get(ps)!, index);
    out.push(productionFlag(`permission set ${ps} changes in ${plural(prod.length, 'production account')} where it is assigned: ${accountSample(prod)}`));
  }
  for (const e of membership) {
    const prod = production(e.accounts);
    if (prod.length > 0)
      out.push(
        productionFlag(
          `user ${e.userName} ${e.change} permission set ${e.permissionSet} in ${plural(prod.length, 'production account')} (via group ${e.group}): ${accountSample(prod)}`,
        ),
      );
  }
  return out;
}

export function renameRisks(head: ResolvedModel, permissionSets: readonly PermissionSetChange[]): RiskFlag[] {
  return permissionSets
    .filter((c) => c.change === 'renamed')
    .map((c) => {
      const n = head.assignments.filter((a) => a.permissionSet === c.name).length;
      return {
        rule: 'permission-set-renamed',
        severity: n > 0 ? 'high' : 'medium',
        message:
          n > 0
            ? `permission set ${c.renamedFrom} is renamed to ${c.name}, which replaces it and all ${n} of its assignments: access drops until they are recreated and its AWSReservedSSO_${c.renamedFrom}_* roles are replaced`
            : `permission set ${c.renamedFrom} is renamed to ${c.name}, which replaces it and its AWSReservedSSO_${c.renamedFrom}_* roles`,
      };
    });
}
