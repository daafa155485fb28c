/**
 * The target grammar: which accounts an assignment (or anything else that selects accounts) reaches.
 *
 * Expansion is static: it reads only the accounts declared in the model, never AWS, so the same
 * model always selects the same accounts and the selection can be reviewed in a pull request.
 *
 * Rules (each default says why):
 * - The selectors `accounts`, `ous` and `tags` are a union: an account is selected when any of them
 *   selects it (as org-formation's OrganizationBinding does). `exclude` then removes accounts.
 * - `accounts:` names accounts, by name or by 12-digit account id. An unknown name or id is a
 *   problem. Naming the management account here selects it explicitly, even without
 *   `includeManagementAccount`, because naming it is the deliberate act that rule asks for.
 * - `ous:` entries may also be OU ids (`ou-ab12-34cd56ef`) or the root id (`r-ab12`), which
 *   `organizationalUnits` maps to paths (private/target-refs.ts); they select like that path.
 * - `ous:` entries are OU paths below the root (`Workloads/Prod`; a leading `Root/` is accepted and
 *   dropped) or globs. A plain path is recursive by default: it selects that OU and every OU below
 *   it, because that is what users ask for and the non-recursive behaviour of LZA and the
 *   single-stage pipeline is their top complaint. `{ path: Workloads, recursive: false }` selects
 *   only the accounts directly in that OU. `Root` selects the whole organization (recursive) or the
 *   accounts directly under the root (non-recursive).
 * - Globs: `*` matches within one path segment (`Workloads/*` = OUs one level below Workloads;
 *   `Team-*`), `**` matches whole segments: `Workloads/**` = every OU at any depth below Workloads
 *   (not Workloads itself, as in .gitignore), `**` in the middle or at the start matches zero or
 *   more segments. A glob is not recursive by default because it already says how deep it goes;
 *   `{ path: 'Workloads/*', recursive: true }` adds everything below each matched OU.
 * - `tags:` is all-of: an account must carry every key with the given value; a list value is any-of
 *   for that key (`env: [prod, staging]`). Any-of across keys is a second assignment: a reserved
 *   `anyOf:` key would shadow a real tag of that name.
 * - `exclude:` uses the same grammar (accounts, ous, tags) and removes every account it matches;
 *   it wins over every selector, including an explicitly named account.
 * - The management account is never selected by `ous` or `tags` unless `includeManagementAccount:
 *   true`: access there reaches the organization itself, so it must be asked for.
 * - Every selector (and every exclusion) that matches no account is a problem, and so is a target
 *   that ends up selecting nothing: a typo must not silently grant or revoke nothing.
 *
 * Output is sorted by account name; each account's reasons are sorted and unique.
 */
import { compareKeys, type ResolvedAccount } from './ir';
import type { OuSelector, TagSelector, TargetInput } from './schema';
import { hasEmptySegment } from './paths';
import { emptySegmentMessage } from './private/describe';
import { accountIndex, displayOu, normOu, type AccountIndex } from './private/account-index';
import { accountRef, isOuId, listOf, noOuMatch, noTagsMatch, ouIdPath, type OuIds } from './private/target-refs';

/** How reasons name an account's OU: its path below the root, or `Root`. */
export { displayOu };
import { segmentWildcard } from './wildcard';

// The target's shape is the schema's (z.infer); re-exported for the callers of selectAccounts.
export type { OuSelector, TagSelector, TargetInput };

export interface SelectedAccount {
  account: ResolvedAccount;
  reasons: string[];
}

/** Path relative to the target object, e.g. `['ous', 1]` or `['exclude', 'tags', 'env']`. */
export interface TargetProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Select the accounts a target reaches, with the reasons for each; see the module comment.
 * @param ouIds OU id → path, from the model's `organizationalUnits` (default: none known)
 */
export function selectAccounts(
  target: TargetInput,
  accounts: readonly ResolvedAccount[],
  managementAccountName: string,
  ouIds: OuIds = new Map(),
): { selected: SelectedAccount[]; problems: TargetProblem[] } {
  const problems: TargetProblem[] = [];
  const reasons = new Map<string, Set<string>>();
  const index = accountIndex(accounts);
  const byName = index.byName;
  const add = (a: ResolvedAccount, reason: string): void => {
    let set = reasons.get(a.name);
    if (!set) reasons.set(a.name, (set = new Set()));
    set.add(reason);
  };
  const isManagement = (a: ResolvedAccount): boolean => a.name === managementAccountName;
  const includeManagement = target.includeManagementAccount === true;

  if (!target.accounts?.length && !target.ous?.length && !target.tags) {
    problems.push({ path: [], message: 'target selects no account; give accounts, ous or tags' });
    return { selected: [], problems };
  }

  (target.accounts ?? []).forEach((ref, i) => {
    const r = accountRef(ref, index);
    if ('account' in r) add(r.account, r.reason);
    else problems.push({ path: ['accounts', i], message: r.message });
  });

  (target.ous ?? []).forEach((sel, i) => {
    const m = compileOu(sel, ouIds);
    if (typeof m === 'string') {
      problems.push({ path: ['ous', i], message: m });
      return;
    }
    const hits = ouHits(m, accounts, index);
    const eligible = hits.filter((a) => includeManagement || !isManagement(a));
    for (const a of eligible) add(a, displayOu(a.ou) === m.label ? `ou ${m.label}` : `ou ${m.label} (${displayOu(a.ou)})`);
    if (eligible.length === 0) problems.push({ path: ['ous', i], message: noOuMatch(m.described, hits, index) });
  });

  if (target.tags) {
    const tagProblems = checkTags(target.tags, index, ['tags']);
    for (const p of tagProblems) problems.push(p);
    if (tagProblems.length === 0) {
      const hits = tagHits(target.tags, accounts, index);
      const eligible = hits.filter((a) => includeManagement || !isManagement(a));
      for (const a of eligible) add(a, tagReason(target.tags, a));
      if (eligible.length === 0) problems.push({ path: ['tags'], message: noTagsMatch(tagsText(target.tags), hits) });
    }
  }

  const excluded = excludedAccounts(target.exclude, accounts, problems, ouIds);
  const selected: SelectedAccount[] = [...reasons.keys()]
    .filter((name) => !excluded.has(name))
    .sort(compareKeys)
    .map((name) => ({
      account: byName.get(name) as ResolvedAccount,
      reasons: [...(reasons.get(name) as Set<string>)].sort(compareKeys),
    }));

  if (selected.length === 0 && reasons.size > 0) {
    const names = [...reasons.keys()].sort(compareKeys);
    problems.push({ path: ['exclude'], message: `exclude removes every selected account (${listOf(names)}); the target selects nothing` });
  }
  return { selected, problems };
}

/** Names of the accounts `exclude` removes; reports exclusions that match no account. */
function excludedAccounts(exclude: TargetInput['exclude'], accounts: readonly ResolvedAccount[], problems: TargetProblem[], ouIds: OuIds): Set<string> {
  const out = new Set<string>();
  if (!exclude) return out;
  const index = accountIndex(accounts);
  (exclude.accounts ?? []).forEach((ref, i) => {
    const r = accountRef(ref, index);
    if ('account' in r) out.add(r.account.name);
    else problems.push({ path: ['exclude', 'accounts', i], message: r.message });
  });
  (exclude.ous ?? []).forEach((sel, i) => {
    const m = compileOu(sel, ouIds);
    if (typeof m === 'string') {
      problems.push({ path: ['exclude', 'ous', i], message: m });
      return;
    }
    const hits = ouHits(m, accounts, index);
    for (const a of hits) out.add(a.name);
    if (hits.length === 0) problems.push({ path: ['exclude', 'ous', i], message: noOuMatch(m.described, hits, index) });
  });
  if (exclude.tags) {
    const tagProblems = checkTags(exclude.tags, index, ['exclude', 'tags']);
    for (const p of tagProblems) problems.push(p);
    if (tagProblems.length === 0) {
      const hits = tagHits(exclude.tags, accounts, index);
      for (const a of hits) out.add(a.name);
      if (hits.length === 0) problems.push({ path: ['exclude', 'tags'], message: noTagsMatch(tagsText(exclude.tags), hits) });
    }
  }
  return out;
}

interface OuMatcher {
  /** The selector as written (normalised), for reasons. */
  readonly label: string;
  /** For messages: the label, and the OU path when the selector is an OU id. */
  readonly described: string;
  /** Whether an OU path (relative to the root, '' for the root) is selected. */
  matches(ou: string): boolean;
}

/** Accounts in the OUs a matcher selects, in list order: each OU that holds accounts is tested once. */
function ouHits(m: OuMatcher, accounts: readonly ResolvedAccount[], index: AccountIndex): ResolvedAccount[] {
  const at: number[] = [];
  for (const [ou, list] of index.byOu) if (m.matches(ou)) for (const i of list) at.push(i);
  return at.sort((x, y) => x - y).map((i) => accounts[i]);
}

/** Accounts carrying every tag of the selector, in list order, found through the first key's values. */
function tagHits(sel: TagSelector, accounts: readonly ResolvedAccount[], index: AccountIndex): ResolvedAccount[] {
  const [first] = Object.keys(sel).sort(compareKeys);
  const values = index.byTag.get(first);
  const at = new Set<number>();
  for (const v of tagValues(sel[first])) for (const i of values?.get(v) ?? []) at.add(i);
  return [...at]
    .sort((x, y) => x - y)
    .map((i) => accounts[i])
    .filter((a) => tagsMatch(sel, a));
}

/** A matcher for an OU selector, or the message saying why the selector is not valid. */
function compileOu(sel: OuSelector, ouIds: OuIds): OuMatcher | string {
  const raw = typeof sel === 'string' ? sel : sel.path;
  if (isOuId(raw.trim())) {
    const id = raw.trim();
    const found = ouIdPath(id, ouIds);
    if ('message' in found) return found.message;
    // An id names one OU (never a glob, whatever its name holds): recursive unless told otherwise.
    const recursive = typeof sel === 'string' ? true : (sel.recursive ?? true);
    return { label: id, described: `${id} (${found.path === '' ? 'Root' : found.path})`, matches: pathMatcher(found.path, recursive) };
  }
  const path = normOu(raw);
  const label = path === '' ? 'Root' : path;
  const segments = path === '' ? [] : path.split('/');
  if (raw.trim() === '') return `ou path is empty; give an ou path such as Workloads/Prod, a glob such as Workloads/*, or Root`;
  if (path !== '' && hasEmptySegment(path)) return emptySegmentMessage('ou', raw);
  const bad = segments.find((s) => s.includes('**') && s !== '**');
  if (bad !== undefined) return `ou glob '${raw}' is not valid: '**' must be a whole path segment, found '${bad}'`;

  const isGlob = path.includes('*');
  const recursive = typeof sel === 'string' ? !isGlob : (sel.recursive ?? !isGlob);
  if (!isGlob) return { label, described: label, matches: pathMatcher(path, recursive) };
  const glob = ouGlob(segments);
  const matches = (ou: string): boolean => {
    if (ou === '') return false; // a glob names OUs below the root, never the root itself
    const parts = ou.split('/');
    if (!recursive) return glob(parts);
    return parts.some((_, i) => glob(parts.slice(0, i + 1)));
  };
  return { label, described: label, matches };
}

/** An OU path ('' for the root): that OU, and with `recursive` every OU below it. */
function pathMatcher(path: string, recursive: boolean): (ou: string) => boolean {
  return (ou) => (recursive ? path === '' || ou === path || ou.startsWith(`${path}/`) : ou === path);
}

/**
 * `*` = any characters within a segment; `**` = whole segments: none or more in the middle or at
 * the start, one or more at the end (`Workloads/**` is below Workloads, not Workloads itself).
 * Matched segment by segment without regular expressions (src/model/wildcard.ts), so no glob can
 * make matching slow.
 */
function ouGlob(segments: readonly string[]): (parts: readonly string[]) => boolean {
  const trailing = segments[segments.length - 1] === '**';
  return segmentWildcard(trailing ? [...segments.slice(0, -1), '*', '**'] : segments);
}

function tagValues(v: string | string[]): string[] {
  return typeof v === 'string' ? [v] : v;
}

function tagsMatch(sel: TagSelector, a: ResolvedAccount): boolean {
  return Object.entries(sel).every(([k, v]) => Object.hasOwn(a.tags, k) && tagValues(v).includes(a.tags[k]));
}

/** `tag env=prod` for one key, `tags env=prod, team=a` for all-of; the account's actual values. */
function tagReason(sel: TagSelector, a: ResolvedAccount): string {
  const keys = Object.keys(sel).sort(compareKeys);
  return `${keys.length === 1 ? 'tag' : 'tags'} ${keys.map((k) => `${k}=${a.tags[k]}`).join(', ')}`;
}

/** Per-key problems: an empty selector, an empty value list, a key/value no account carries. */
function checkTags(sel: TagSelector, index: AccountIndex, at: (string | number)[]): TargetProblem[] {
  const keys = Object.keys(sel).sort(compareKeys);
  if (keys.length === 0) return [{ path: at, message: 'tags selector is empty; give at least one tag key and value' }];
  const problems: TargetProblem[] = [];
  for (const k of keys) {
    const values = tagValues(sel[k]);
    if (values.length === 0) {
      problems.push({ path: [...at, k], message: `tag ${k} lists no values; give a value or a list of values` });
      continue;
    }
    const present = [...(index.byTag.get(k)?.keys() ?? [])].sort(compareKeys);
    if (present.length === 0) {
      problems.push({ path: [...at, k], message: `no account has tag ${k}; tag keys in use: ${listOf(index.tagKeys)}` });
    } else if (!values.some((v) => present.includes(v))) {
      problems.push({ path: [...at, k], message: `tag ${k}=${values.join('|')} matches no account; values of ${k} in use: ${listOf(present)}` });
    }
  }
  return problems;
}

/** `env=prod|staging, team=a` for messages. */
function tagsText(sel: TagSelector): string {
  return Object.keys(sel)
    .sort(compareKeys)
    .map((k) => `${k}=${tagValues(sel[k]).join('|')}`)
    .join(', ');
}
