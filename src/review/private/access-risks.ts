/**
 * Risk flags about who reaches which account: administrator-level access granted, production
 * accounts affected, permission sets renamed. Each flag is one sentence naming what and where.
 */
import { compareKeys, type ResolvedAssignment, type ResolvedModel } from '../../model/ir';
import type { AccountRef, PermissionSetChange, PrincipalChange, RiskFlag } from '../types';
import { adminReasons } from './admin';

function accountList(accounts: readonly AccountRef[]): string {
  return accounts.map((a) => `${a.name} (${a.id})${a.production ? ' [production]' : ''}`).join(', ');
}

function uniqueAccounts(list: readonly ResolvedAssignment[], index: ReadonlyMap<string, AccountRef>): AccountRef[] {
  const seen = new Map<string, AccountRef>();
  for (const a of list) seen.set(`${a.accountName}\u0000${a.accountId}`, { name: a.accountName, id: a.accountId, production: index.get(a.accountName)?.production ?? false });
  return [...seen.keys()].sort(compareKeys).map((k) => seen.get(k)!);
}

function adminFlag(who: string, reasons: string[], how: string, accounts: AccountRef[]): RiskFlag {
  const production = accounts.some((a) => a.production);
  return {
    rule: 'admin-access-granted',
    severity: production ? 'critical' : 'high',
    message: `${who} gains administrator-level access (${reasons.join('; ')}) ${how} in ${accountList(accounts)}`,
  };
}

/**
 * Administrator-level access is gained three ways: a new assignment of an administrator-level
 * permission set, a permission set becoming administrator-level while assigned, and a user joining
 * a group that holds one.
 */
export function adminRisks(
  base: ResolvedModel,
  head: ResolvedModel,
  granted: readonly ResolvedAssignment[],
  principals: readonly PrincipalChange[],
  index: ReadonlyMap<string, AccountRef>,
): RiskFlag[] {
  const out: RiskFlag[] = [];
  const headPs = new Map(head.permissionSets.map((p) => [p.name, p]));
  const basePs = new Map(base.permissionSets.map((p) => [p.name, p]));
  const grantedKeys = new Set(granted.map((a) => a.key));

  const byPrincipalPs = new Map<string, ResolvedAssignment[]>();
  for (const a of granted) {
    if (adminReasons(headPs.get(a.permissionSet)).length === 0) continue;
    const k = `${a.principalType}\u0000${a.principalName}\u0000${a.permissionSet}`;
    byPrincipalPs.set(k, [...(byPrincipalPs.get(k) ?? []), a]);
  }
  for (const k of [...byPrincipalPs.keys()].sort(compareKeys)) {
    const list = byPrincipalPs.get(k)!;
    const a = list[0];
    out.push(adminFlag(`${a.principalType.toLowerCase()} ${a.principalName}`, adminReasons(headPs.get(a.permissionSet)), `through permission set ${a.permissionSet}`, uniqueAccounts(list, index)));
  }

  for (const ps of head.permissionSets) {
    const before = basePs.get(ps.name);
    const reasons = adminReasons(ps);
    if (!before || reasons.length === 0) continue;
    const old = new Set(adminReasons(before));
    const gained = reasons.filter((r) => !old.has(r));
    if (gained.length === 0) continue;
    const kept = head.assignments.filter((a) => a.permissionSet === ps.name && !grantedKeys.has(a.key));
    if (kept.length === 0) continue;
    const who = [...new Set(kept.map((a) => `${a.principalType.toLowerCase()} ${a.principalName}`))].sort(compareKeys).join(', ');
    out.push(adminFlag(who, gained, `as permission set ${ps.name} becomes administrator-level`, uniqueAccounts(kept, index)));
  }

  for (const g of principals) {
    if (g.principalType !== 'GROUP' || g.members.added.length === 0) continue;
    const held = head.assignments.filter((a) => a.principalType === 'GROUP' && a.principalName === g.name && adminReasons(headPs.get(a.permissionSet)).length > 0);
    if (held.length === 0) continue;
    const sets = [...new Set(held.map((a) => a.permissionSet))].sort(compareKeys);
    const reasons = [...new Set(sets.flatMap((s) => adminReasons(headPs.get(s))))].sort(compareKeys);
    const users = g.members.added.map((u) => `user ${u}`).join(', ');
    out.push(adminFlag(users, reasons, `by joining group ${g.name} (permission set ${sets.join(', ')})`, uniqueAccounts(held, index)));
  }
  return out;
}

/** One flag per production account that gains or loses an assignment or whose permission sets change. */
export function productionRisks(
  base: ResolvedModel,
  head: ResolvedModel,
  granted: readonly ResolvedAssignment[],
  revoked: readonly ResolvedAssignment[],
  permissionSets: readonly PermissionSetChange[],
  index: ReadonlyMap<string, AccountRef>,
): RiskFlag[] {
  const changedPs = new Set(permissionSets.filter((c) => c.change === 'changed').map((c) => c.name));
  const what = new Map<string, { granted: number; revoked: number; ps: Set<string> }>();
  const entry = (name: string) => {
    let e = what.get(name);
    if (!e) what.set(name, (e = { granted: 0, revoked: 0, ps: new Set() }));
    return e;
  };
  for (const a of granted) if (index.get(a.accountName)?.production) entry(a.accountName).granted++;
  for (const a of revoked) if (index.get(a.accountName)?.production) entry(a.accountName).revoked++;
  for (const a of [...base.assignments, ...head.assignments]) {
    if (changedPs.has(a.permissionSet) && index.get(a.accountName)?.production) entry(a.accountName).ps.add(a.permissionSet);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [...what.keys()].sort(compareKeys).map((name) => {
    const e = what.get(name)!;
    const parts: string[] = [];
    if (e.granted > 0) parts.push(`${plural(e.granted, 'assignment')} granted`);
    if (e.revoked > 0) parts.push(`${plural(e.revoked, 'assignment')} revoked`);
    if (e.ps.size > 0) parts.push(`permission set ${[...e.ps].sort(compareKeys).join(', ')} changed`);
    return { rule: 'production-affected', severity: 'medium', message: `production account ${name} (${index.get(name)!.id}) is affected: ${parts.join(', ')}` };
  });
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
