/**
 * How a target names accounts and OUs besides names and paths, and the messages targets.ts reports:
 * - an `accounts:` entry is an account name, or the 12-digit id of an account in the model;
 * - an `ous:` entry of the form of an OU id (`ou-ab12-34cd56ef`) or a root id (`r-ab12`) is read as
 *   that id, and `organizationalUnits` (OU path → id, filled by `idcgen accounts sync`) says which
 *   OU it is. An OU named like an OU id would be read as an id: Organizations' own ids never clash
 *   with a real OU name in practice, and the model must be unambiguous.
 */
import { compareKeys, type ResolvedAccount } from '../ir';
import { PATTERNS } from '../aws-patterns';
import type { AccountIndex } from './account-index';

/** OU id (or root id) → OU path relative to the root (`''` for the root). */
export type OuIds = ReadonlyMap<string, string>;

/** How many known names a message lists before it says "and N more". */
const LIST_IN_MESSAGE = 10;

export function listOf(items: readonly string[]): string {
  if (items.length === 0) return '(none)';
  if (items.length <= LIST_IN_MESSAGE) return items.join(', ');
  return `${items.slice(0, LIST_IN_MESSAGE).join(', ')} and ${items.length - LIST_IN_MESSAGE} more`;
}

/** The account an `accounts:` entry names, with the reason to show, or why it names none. */
export function accountRef(ref: string, index: AccountIndex): { account: ResolvedAccount; reason: string } | { message: string } {
  const byName = index.byName.get(ref);
  if (byName) return { account: byName, reason: `account ${ref}` };
  if (PATTERNS.accountId.re.test(ref)) {
    const byId = index.byId.get(ref);
    if (byId) return { account: byId, reason: `account ${ref} (${byId.name})` };
    return { message: unknownAccountId(ref, index.sortedIds) };
  }
  const near = index.byLowerName.get(ref.toLowerCase());
  const hint = near ? ` (did you mean ${near}?)` : '';
  return { message: `account '${ref}' is not in accounts${hint}; known accounts: ${listOf(index.sortedNames)}` };
}

/** Validation and targets say the same about an id no account has. */
export function unknownAccountId(id: string, knownIds: readonly string[]): string {
  return `account id '${id}' is not in accounts; known account ids: ${listOf(knownIds)}`;
}

export function isOuId(s: string): boolean {
  return PATTERNS.ouId.re.test(s) || PATTERNS.rootId.re.test(s);
}

/** The OU path an OU id stands for, or why it stands for none. */
export function ouIdPath(id: string, ouIds: OuIds): { path: string } | { message: string } {
  const path = ouIds.get(id);
  if (path !== undefined) return { path };
  return {
    message: `ou id '${id}' is not in organizationalUnits; add it there (idcgen accounts sync fills organizationalUnits) or write the ou path; ou ids known: ${listOf([...ouIds.keys()].sort(compareKeys))}`,
  };
}

export function noTagsMatch(text: string, hits: readonly ResolvedAccount[]): string {
  if (hits.length > 0) {
    return `tags ${text} match only the management account '${hits[0].name}'; set includeManagementAccount: true or name it under accounts`;
  }
  return `tags ${text} match no account together (every key must match); check each key's values`;
}

export function noOuMatch(label: string, hits: readonly ResolvedAccount[], index: AccountIndex): string {
  if (hits.length > 0) {
    return `ou ${label} matches only the management account '${hits[0].name}'; set includeManagementAccount: true or name it under accounts`;
  }
  return `ou ${label} matches no account; ous that hold accounts: ${listOf(index.ousHeld)}`;
}
