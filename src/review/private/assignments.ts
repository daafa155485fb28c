/**
 * Assignments granted and revoked between two models, grouped by principal and permission set
 * with the accounts they reach and the selectors that reach them, which is how a reviewer reads
 * them ("Auditors get ReadOnly in 40 accounts, by ou Workloads/*").
 */
import { compareKeys, type ResolvedAccount, type ResolvedAssignment, displayOu } from '../../model';
import type { AccountRef, AssignmentGroup } from '../types';

/**
 * An assignment is identified by its stable key and the account id: an account whose id changes
 * under the same name is a different AWS account, so access moves from one to the other. Keys are
 * unique within a model (resolve merges entries that reach the same triple), so the account id
 * found under a key is compared directly: no identity text built per assignment (200,000 of them
 * in an enterprise review).
 */
export function assignmentDelta(
  base: readonly ResolvedAssignment[],
  head: readonly ResolvedAssignment[],
): { granted: ResolvedAssignment[]; revoked: ResolvedAssignment[] } {
  const b = new Map(base.map((a) => [a.key, a.accountId]));
  const h = new Map(head.map((a) => [a.key, a.accountId]));
  return {
    granted: head.filter((a) => b.get(a.key) !== a.accountId),
    revoked: base.filter((a) => h.get(a.key) !== a.accountId),
  };
}

/**
 * The selector behind a reason: `ou Workloads (Workloads/Prod/BU01)` is `ou Workloads` (the
 * account's own OU in brackets is dropped, it differs per account), every `account <name>` is
 * `accounts by name`; tag reasons are kept (they name the matched values).
 */
function selectorOf(reason: string, ou: string | undefined): string {
  if (reason.startsWith('account ')) return 'accounts by name';
  const own = ou === undefined ? undefined : ` (${displayOu(ou)})`;
  return own !== undefined && reason.startsWith('ou ') && reason.endsWith(own) ? reason.slice(0, -own.length) : reason;
}

export function groupAssignments(
  list: readonly ResolvedAssignment[],
  accounts: ReadonlyMap<string, AccountRef>,
  ous: ReadonlyMap<string, string> = new Map(),
): AssignmentGroup[] {
  const groups = new Map<string, { g: Omit<AssignmentGroup, 'selectors'> & { accounts: AccountRef[] }; selectors: Map<string, number> }>();
  for (const a of list) {
    const k = `${a.principalType}\u0000${a.principalName}\u0000${a.permissionSet}`;
    let entry = groups.get(k);
    if (!entry) {
      entry = { g: { principalType: a.principalType, principalName: a.principalName, permissionSet: a.permissionSet, accounts: [] }, selectors: new Map() };
      groups.set(k, entry);
    }
    const known = accounts.get(a.accountName);
    entry.g.accounts.push({ name: a.accountName, id: a.accountId, production: known?.production ?? false });
    for (const s of new Set(a.reasons.map((r) => selectorOf(r, ous.get(a.accountName))))) entry.selectors.set(s, (entry.selectors.get(s) ?? 0) + 1);
  }
  return [...groups.keys()].sort(compareKeys).map((k) => {
    const { g, selectors } = groups.get(k)!;
    return {
      ...g,
      accounts: g.accounts.sort((x, y) => compareKeys(x.name, y.name) || compareKeys(x.id, y.id)),
      selectors: [...selectors.keys()].sort(compareKeys).map((selector) => ({ selector, accounts: selectors.get(selector)! })),
    };
  });
}

/** Account name → OU as written, head over base (the selectors a reason names are read against it). */
export function ouIndex(...models: { readonly accounts: readonly ResolvedAccount[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of models) for (const a of m.accounts) out.set(a.name, a.ou);
  return out;
}
