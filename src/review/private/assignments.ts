/**
 * Assignments granted and revoked between two models, grouped by principal and permission set
 * with the list of accounts, which is how a reviewer reads them ("Auditors get ReadOnly in …").
 */
import { compareKeys, type ResolvedAssignment } from '../../model/ir';
import type { AccountRef, AssignmentGroup } from '../types';

/**
 * An assignment is identified by its stable key and the account id: an account whose id changes
 * under the same name is a different AWS account, so access moves from one to the other.
 */
function identity(a: ResolvedAssignment): string {
  return `${a.key}\u0000${a.accountId}`;
}

export function assignmentDelta(
  base: readonly ResolvedAssignment[],
  head: readonly ResolvedAssignment[],
): { granted: ResolvedAssignment[]; revoked: ResolvedAssignment[] } {
  const b = new Set(base.map(identity));
  const h = new Set(head.map(identity));
  return {
    granted: head.filter((a) => !b.has(identity(a))),
    revoked: base.filter((a) => !h.has(identity(a))),
  };
}

export function groupAssignments(list: readonly ResolvedAssignment[], accounts: ReadonlyMap<string, AccountRef>): AssignmentGroup[] {
  const groups = new Map<string, { principalType: ResolvedAssignment['principalType']; principalName: string; permissionSet: string; accounts: AccountRef[] }>();
  for (const a of list) {
    const k = `${a.principalType}\u0000${a.principalName}\u0000${a.permissionSet}`;
    let g = groups.get(k);
    if (!g) {
      g = { principalType: a.principalType, principalName: a.principalName, permissionSet: a.permissionSet, accounts: [] };
      groups.set(k, g);
    }
    const known = accounts.get(a.accountName);
    g.accounts.push({ name: a.accountName, id: a.accountId, production: known?.production ?? false });
  }
  return [...groups.keys()].sort(compareKeys).map((k) => {
    const g = groups.get(k)!;
    return { ...g, accounts: g.accounts.sort((x, y) => compareKeys(x.name, y.name) || compareKeys(x.id, y.id)) };
  });
}
