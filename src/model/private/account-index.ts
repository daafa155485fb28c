/**
 * Look-ups over a model's accounts, built once per accounts list: target expansion runs once per
 * assignment entry (thousands in a large model), and scanning every account for every selector,
 * or sorting every name again for every message, made it the slowest step of loading a
 * 2,000-account model.
 */
import { trimSlashes } from '../paths';
import { compareKeys, type ResolvedAccount } from '../ir';

export interface AccountIndex {
  readonly byName: ReadonlyMap<string, ResolvedAccount>;
  /** By 12-digit account id. */
  readonly byId: ReadonlyMap<string, ResolvedAccount>;
  /** Every account id, sorted. */
  readonly sortedIds: readonly string[];
  /** Every account name, sorted. */
  readonly sortedNames: readonly string[];
  /** Lowercased name → the first name (in sorted order) that lowercases to it. */
  readonly byLowerName: ReadonlyMap<string, string>;
  /** OU path relative to the root ('' for the root) → positions of its accounts in the list, ascending. */
  readonly byOu: ReadonlyMap<string, readonly number[]>;
  /** OUs that hold accounts as shown in messages (`Root` for the root), sorted. */
  readonly ousHeld: readonly string[];
  /** Tag key → value → positions of the accounts carrying it, ascending. */
  readonly byTag: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
  /** Tag keys in use, sorted. */
  readonly tagKeys: readonly string[];
}

/** An account's OU path relative to the root: `''` for accounts directly under the root. */
export function normOu(ou: string): string {
  const p = trimSlashes(ou);
  if (p === 'Root') return '';
  return p.startsWith('Root/') ? p.slice('Root/'.length) : p;
}

export function displayOu(ou: string): string {
  const p = normOu(ou);
  return p === '' ? 'Root' : p;
}

const cache = new WeakMap<readonly ResolvedAccount[], AccountIndex>();

export function accountIndex(accounts: readonly ResolvedAccount[]): AccountIndex {
  let index = cache.get(accounts);
  if (index) return index;
  const sortedNames = accounts.map((a) => a.name).sort(compareKeys);
  const byLowerName = new Map<string, string>();
  for (const n of sortedNames) if (!byLowerName.has(n.toLowerCase())) byLowerName.set(n.toLowerCase(), n);
  const byOu = new Map<string, number[]>();
  const byTag = new Map<string, Map<string, number[]>>();
  accounts.forEach((a, i) => {
    const ou = normOu(a.ou);
    let list = byOu.get(ou);
    if (!list) byOu.set(ou, (list = []));
    list.push(i);
    for (const [k, v] of Object.entries(a.tags)) {
      let values = byTag.get(k);
      if (!values) byTag.set(k, (values = new Map()));
      let at = values.get(v);
      if (!at) values.set(v, (at = []));
      at.push(i);
    }
  });
  index = {
    byName: new Map(accounts.map((a) => [a.name, a])),
    byId: new Map(accounts.map((a) => [a.id, a])),
    sortedIds: accounts.map((a) => a.id).sort(compareKeys),
    sortedNames,
    byLowerName,
    byOu,
    ousHeld: [...byOu.keys()].map((ou) => (ou === '' ? 'Root' : ou)).sort(compareKeys),
    byTag,
    tagKeys: [...byTag.keys()].sort(compareKeys),
  };
  cache.set(accounts, index);
  return index;
}
