/**
 * What group membership changes do: a user joining a group gains what the group is assigned, one
 * leaving loses it. A members list diff ("members removed: bob") hides that bob no longer reaches
 * IdentityCenterAdmin in management, and that this role administered the key; this says so.
 *
 * Per membership change (user, group): the group's assignments (head when joining, base when
 * leaving), less the permission sets and accounts the user reaches through another path (a direct
 * assignment, or another group) on the other side: already had before joining, still has after
 * leaving. Grouped by permission set.
 */
import { compareKeys, principalAssignments, type ResolvedAssignment, type ResolvedModel } from '../../model';
import type { AccountRef, MembershipEffect, PrincipalChange } from '../types';
import { permissionSetIn } from './labels';

interface Side {
  readonly ir: ResolvedModel;
  /** `permission set <name> in <account>` for every key administrator of the model. */
  readonly keyAdmins: ReadonlySet<string>;
}

/** `<permission set>\0<account>` the user reaches in a model other than through `except`. */
function otherPaths(ir: ResolvedModel, user: string, except: string): Set<string> {
  const out = new Set<string>();
  const add = (list: readonly ResolvedAssignment[]) => list.forEach((a) => out.add(`${a.permissionSet}\u0000${a.accountName}`));
  add(principalAssignments(ir, 'USER', user));
  for (const g of ir.groups) if (g.name !== except && g.members.includes(user)) add(principalAssignments(ir, 'GROUP', g.name));
  return out;
}

function effects(
  side: Side,
  other: ResolvedModel,
  user: string,
  group: string,
  change: MembershipEffect['change'],
  accounts: ReadonlyMap<string, AccountRef>,
): MembershipEffect[] {
  const kept = otherPaths(other, user, group);
  const byPs = new Map<string, AccountRef[]>();
  for (const a of principalAssignments(side.ir, 'GROUP', group)) {
    if (kept.has(`${a.permissionSet}\u0000${a.accountName}`)) continue;
    const list = byPs.get(a.permissionSet) ?? [];
    list.push({ name: a.accountName, id: a.accountId, production: accounts.get(a.accountName)?.production ?? false });
    byPs.set(a.permissionSet, list);
  }
  return [...byPs.keys()].sort(compareKeys).map((permissionSet) => {
    const list = byPs.get(permissionSet)!.sort((x, y) => compareKeys(x.name, y.name));
    return {
      userName: user,
      group,
      change,
      permissionSet,
      accounts: list,
      keyAdministratorIn: list.map((a) => a.name).filter((n) => side.keyAdmins.has(permissionSetIn(permissionSet, n))),
    };
  });
}

export function membershipEffects(
  base: Side,
  head: Side,
  principals: readonly PrincipalChange[],
  accounts: ReadonlyMap<string, AccountRef>,
): MembershipEffect[] {
  const out: MembershipEffect[] = [];
  for (const p of principals) {
    if (p.principalType !== 'GROUP') continue;
    for (const user of p.members.added) out.push(...effects(head, base.ir, user, p.name, 'gains', accounts));
    for (const user of p.members.removed) out.push(...effects(base, head.ir, user, p.name, 'loses', accounts));
  }
  return out.sort(
    (x, y) =>
      compareKeys(x.userName, y.userName) || compareKeys(x.group, y.group) || compareKeys(x.change, y.change) || compareKeys(x.permissionSet, y.permissionSet),
  );
}
