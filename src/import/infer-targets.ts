/**
 * Find the shortest target that selects exactly a given set of accounts, for `idcgen import`.
 *
 * Candidates, each checked with `selectAccounts` (a candidate that does not reproduce the set
 * exactly is dropped, so the importer can never widen or narrow access):
 * - ou cover: every OU whose whole subtree is in the set and whose parent's is not (a recursive
 *   path); then OUs whose direct accounts are all in the set (`recursive: false`); the rest by name;
 * - one tag key whose values, among the set, select exactly the set;
 * - the smallest OU holding the whole set, minus the accounts not in it (`exclude: accounts`).
 * The shortest wins (entries counted: ous, accounts, tag selectors, exclusions). On a tie explicit
 * accounts win, then the ou cover, then the tag: selectors also pick up accounts added later, so
 * the importer infers them only where they are strictly shorter, that is where the existing
 * assignments clearly follow a structure (an OU or tag that selects one account never wins).
 * The management account is never selected by ous or tags (see targets.ts), so it is always
 * named under accounts.
 */
import { compareKeys, type ResolvedAccount } from '../model/ir';
import { selectAccounts, type OuSelector, type TargetInput } from '../model/targets';

export interface InferredTarget {
  accounts?: string[];
  ous?: OuSelector[];
  tags?: Record<string, string | string[]>;
  exclude?: { accounts: string[] };
}

/** '' for the root, else `A/B`. */
function ouOf(a: ResolvedAccount): string {
  return a.ou === 'Root' ? '' : a.ou;
}

function parentOf(ou: string): string | undefined {
  if (ou === '') return undefined;
  const i = ou.lastIndexOf('/');
  return i < 0 ? '' : ou.slice(0, i);
}

function inSubtree(ou: string, top: string): boolean {
  return top === '' || ou === top || ou.startsWith(`${top}/`);
}

function label(ou: string): string {
  return ou === '' ? 'Root' : ou;
}

function size(t: InferredTarget): number {
  return (t.accounts?.length ?? 0) + (t.ous?.length ?? 0) + (t.tags ? 1 : 0) + (t.exclude?.accounts.length ?? 0);
}

/** The shortest exact target for `names` (non-empty), or explicit accounts when nothing shorter is exact. */
export function inferTarget(names: readonly string[], accounts: readonly ResolvedAccount[], managementAccountName: string): InferredTarget {
  const wanted = new Set(names);
  const members = accounts.filter((a) => a.name !== managementAccountName);
  const wantedMembers = members.filter((a) => wanted.has(a.name));
  const explicit: InferredTarget = { accounts: [...wanted].sort(compareKeys) };
  if (wantedMembers.length < 2) return explicit;
  const mgmt = wanted.has(managementAccountName) ? [managementAccountName] : [];

  const candidates = [ouCover(wantedMembers, members, mgmt), tagTarget(wantedMembers, members, mgmt), ouMinus(wantedMembers, members, mgmt)];
  let best = explicit;
  for (const c of candidates) {
    if (c && size(c) < size(best) && selects(c, wanted, accounts, managementAccountName)) best = c;
  }
  return best;
}

function selects(t: InferredTarget, wanted: ReadonlySet<string>, accounts: readonly ResolvedAccount[], mgmt: string): boolean {
  const { selected, problems } = selectAccounts(t as TargetInput, accounts, mgmt);
  return problems.length === 0 && selected.length === wanted.size && selected.every((s) => wanted.has(s.account.name));
}

function withAccounts(t: InferredTarget, accounts: string[]): InferredTarget {
  return accounts.length > 0 ? { accounts: [...accounts].sort(compareKeys), ...t } : t;
}

function ouCover(wanted: readonly ResolvedAccount[], members: readonly ResolvedAccount[], mgmt: string[]): InferredTarget | undefined {
  const wantedNames = new Set(wanted.map((a) => a.name));
  const allOus = new Set<string>();
  for (const a of members) {
    for (let ou: string | undefined = ouOf(a); ou !== undefined; ou = parentOf(ou)) allOus.add(ou);
  }
  const subtree = (ou: string): ResolvedAccount[] => members.filter((a) => inSubtree(ouOf(a), ou));
  const full = (ou: string): boolean => {
    const s = subtree(ou);
    return s.length > 0 && s.every((a) => wantedNames.has(a.name));
  };
  const ous: OuSelector[] = [];
  const covered = new Set<string>();
  for (const ou of [...allOus].sort(compareKeys)) {
    const parent = parentOf(ou);
    if (!full(ou) || (parent !== undefined && full(parent))) continue;
    const s = subtree(ou);
    if (s.length < 2) continue;
    ous.push(label(ou));
    for (const a of s) covered.add(a.name);
  }
  const left = wanted.filter((a) => !covered.has(a.name));
  const byOu = new Map<string, ResolvedAccount[]>();
  for (const a of left) byOu.set(ouOf(a), [...(byOu.get(ouOf(a)) ?? []), a]);
  const rest: string[] = [...mgmt];
  for (const [ou, list] of [...byOu].sort(([x], [y]) => compareKeys(x, y))) {
    const direct = members.filter((a) => ouOf(a) === ou);
    if (list.length >= 2 && list.length === direct.length) {
      ous.push({ path: label(ou), recursive: false });
    } else {
      rest.push(...list.map((a) => a.name));
    }
  }
  if (ous.length === 0) return undefined;
  return withAccounts({ ous }, rest);
}

function tagTarget(wanted: readonly ResolvedAccount[], members: readonly ResolvedAccount[], mgmt: string[]): InferredTarget | undefined {
  const keys = Object.keys(wanted[0].tags).filter((k) => wanted.every((a) => Object.hasOwn(a.tags, k)));
  for (const k of keys.sort(compareKeys)) {
    const values = [...new Set(wanted.map((a) => a.tags[k]))].sort(compareKeys);
    const hits = members.filter((a) => Object.hasOwn(a.tags, k) && values.includes(a.tags[k]));
    if (hits.length === wanted.length) return withAccounts({ tags: { [k]: values.length === 1 ? values[0] : values } }, mgmt);
  }
  return undefined;
}

function ouMinus(wanted: readonly ResolvedAccount[], members: readonly ResolvedAccount[], mgmt: string[]): InferredTarget | undefined {
  const paths = wanted.map((a) => (ouOf(a) === '' ? [] : ouOf(a).split('/')));
  const common: string[] = [];
  for (let i = 0; paths.every((p) => i < p.length && p[i] === paths[0][i]); i++) common.push(paths[0][i]);
  const top = common.join('/');
  const wantedNames = new Set(wanted.map((a) => a.name));
  const outside = members.filter((a) => inSubtree(ouOf(a), top) && !wantedNames.has(a.name)).map((a) => a.name);
  if (outside.length === 0) return undefined;
  return withAccounts({ ous: [label(top)], exclude: { accounts: outside.sort(compareKeys) } }, mgmt);
}
