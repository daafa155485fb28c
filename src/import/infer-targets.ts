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
import { compareKeys, type ResolvedAccount, selectAccounts, type OuSelector, type TargetInput } from '../model';

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

function label(ou: string): string {
  return ou === '' ? 'Root' : ou;
}

function size(t: InferredTarget): number {
  return (t.accounts?.length ?? 0) + (t.ous?.length ?? 0) + (t.tags ? 1 : 0) + (t.exclude?.accounts.length ?? 0);
}

/** The shortest exact target for `names` (non-empty), or explicit accounts when nothing shorter is exact. */
export function inferTarget(names: readonly string[], accounts: readonly ResolvedAccount[], managementAccountName: string): InferredTarget {
  return new TargetInference(accounts, managementAccountName).infer(names);
}

/**
 * Inference over one organization: the OU tree is indexed once, so an estate with thousands of
 * principal × permission set pairs costs one pass over each OU's accounts per pair.
 */
export class TargetInference {
  private readonly members: readonly ResolvedAccount[];
  /** OU ('' = root) → accounts in it or below, management account excluded. Sorted by OU. */
  private readonly subtree = new Map<string, ResolvedAccount[]>();
  /** OU → accounts directly in it. */
  private readonly direct = new Map<string, ResolvedAccount[]>();

  constructor(
    private readonly accounts: readonly ResolvedAccount[],
    private readonly managementAccountName: string,
  ) {
    this.members = accounts.filter((a) => a.name !== managementAccountName);
    for (const a of this.members) {
      this.direct.set(ouOf(a), [...(this.direct.get(ouOf(a)) ?? []), a]);
      for (let ou: string | undefined = ouOf(a); ou !== undefined; ou = parentOf(ou)) this.subtree.set(ou, [...(this.subtree.get(ou) ?? []), a]);
    }
    this.subtree = new Map([...this.subtree].sort(([x], [y]) => compareKeys(x, y)));
  }

  infer(names: readonly string[]): InferredTarget {
    const wanted = new Set(names);
    const wantedMembers = this.members.filter((a) => wanted.has(a.name));
    const explicit: InferredTarget = { accounts: [...wanted].sort(compareKeys) };
    if (wantedMembers.length < 2) return explicit;
    const mgmt = wanted.has(this.managementAccountName) ? [this.managementAccountName] : [];
    const candidates = [this.ouCover(wanted, mgmt), this.tagTarget(wantedMembers, mgmt), this.ouMinus(wantedMembers, wanted, mgmt)];
    let best = explicit;
    for (const c of candidates) {
      if (c && size(c) < size(best) && this.selects(c, wanted)) best = c;
    }
    return best;
  }

  private selects(t: InferredTarget, wanted: ReadonlySet<string>): boolean {
    const { selected, problems } = selectAccounts(t as TargetInput, this.accounts, this.managementAccountName);
    return problems.length === 0 && selected.length === wanted.size && selected.every((s) => wanted.has(s.account.name));
  }

  private ouCover(wanted: ReadonlySet<string>, mgmt: string[]): InferredTarget | undefined {
    const full = new Map<string, boolean>();
    for (const [ou, list] of this.subtree)
      full.set(
        ou,
        list.every((a) => wanted.has(a.name)),
      );
    const ous: OuSelector[] = [];
    const covered = new Set<string>();
    for (const [ou, list] of this.subtree) {
      const parent = parentOf(ou);
      if (!full.get(ou) || (parent !== undefined && full.get(parent)) || list.length < 2) continue;
      ous.push(label(ou));
      for (const a of list) covered.add(a.name);
    }
    const rest: string[] = [...mgmt];
    for (const [ou, list] of [...this.direct].sort(([x], [y]) => compareKeys(x, y))) {
      const left = list.filter((a) => wanted.has(a.name) && !covered.has(a.name));
      if (left.length >= 2 && left.length === list.length) ous.push({ path: label(ou), recursive: false });
      else rest.push(...left.map((a) => a.name));
    }
    if (ous.length === 0) return undefined;
    return withAccounts({ ous }, rest);
  }

  private tagTarget(wanted: readonly ResolvedAccount[], mgmt: string[]): InferredTarget | undefined {
    const keys = Object.keys(wanted[0].tags).filter((k) => wanted.every((a) => Object.hasOwn(a.tags, k)));
    for (const k of keys.sort(compareKeys)) {
      const values = [...new Set(wanted.map((a) => a.tags[k]))].sort(compareKeys);
      const hits = this.members.filter((a) => Object.hasOwn(a.tags, k) && values.includes(a.tags[k]));
      if (hits.length === wanted.length) return withAccounts({ tags: { [k]: values.length === 1 ? values[0] : values } }, mgmt);
    }
    return undefined;
  }

  private ouMinus(wanted: readonly ResolvedAccount[], wantedNames: ReadonlySet<string>, mgmt: string[]): InferredTarget | undefined {
    const paths = wanted.map((a) => (ouOf(a) === '' ? [] : ouOf(a).split('/')));
    const common: string[] = [];
    for (let i = 0; paths.every((p) => i < p.length && p[i] === paths[0][i]); i++) common.push(paths[0][i]);
    const top = common.join('/');
    const outside = (this.subtree.get(top) ?? []).filter((a) => !wantedNames.has(a.name)).map((a) => a.name);
    if (outside.length === 0) return undefined;
    return withAccounts({ ous: [label(top)], exclude: { accounts: outside.sort(compareKeys) } }, mgmt);
  }
}

function withAccounts(t: InferredTarget, accounts: string[]): InferredTarget {
  return accounts.length > 0 ? { accounts: [...accounts].sort(compareKeys), ...t } : t;
}
