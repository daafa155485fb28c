/**
 * Terraform identifiers (module, data source and provider alias names) and computed for_each keys
 * derived from model names. Each is a one-to-one function of the name alone, so adding a name never
 * moves another; where an earlier idcgen gave a name another address, the views write `moved` blocks
 * from it (previousKeyIdentifiers, previousMembershipKey).
 */
import { createHash } from 'node:crypto';
import { compareKeys } from '../../../model';

/** `identity-center` → `identity_center`; anything outside [A-Za-z0-9_] becomes `_`. */
function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Module name of a key (`key_<…>`; its data source in other roots has the same name). Key names
 * are letters, digits, `.`, `_` and `-` (PATTERNS.handle).
 * - A plain name — letters, digits and `-` only, without `-replica-` — keeps the name it always had:
 *   `key_` and the name with `-` as `_` (`identity-center` → `key_identity_center`). One to one, as
 *   no plain name holds `_`.
 * - Any other name is `key-` and the name with `-` as `--`, `.` as `-d` and `_` as `-u`: one to one,
 *   and unlike any plain name's (they start `key_`). It holds no `_`, so its replicas' names
 *   (`<key>_replica_<region>`) cannot be another key's either; plain names cannot hold `_replica_`.
 */
export function keyIdentifier(name: string): string {
  if (/^[A-Za-z0-9-]+$/.test(name) && !name.includes('-replica-')) return `key_${name.replace(/-/g, '_')}`;
  return `key-${name.replace(/[-._]/g, (c) => ({ '-': '--', '.': '-d', _: '-u' })[c] as string)}`;
}

/** Module name of a key's replica in a Region. */
export function replicaIdentifier(keyIdent: string, region: string): string {
  return `${keyIdent}_replica_${regionIdentifier(region)}`;
}

function shortHash(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
}

/**
 * The module names earlier idcgen gave the keys of one model: `key_` and the sanitized name, with a
 * hash suffix on every name that sanitized like another (so a name's module depended on the others,
 * and `a_b_<hash>` could still meet `a-b`). Only for `moved` blocks.
 */
export function previousKeyIdentifiers(names: readonly string[]): ReadonlyMap<string, string> {
  const byIdent = new Map<string, string[]>();
  for (const name of [...new Set(names)].sort(compareKeys)) {
    const ident = sanitize(name);
    byIdent.set(ident, [...(byIdent.get(ident) ?? []), name]);
  }
  const out = new Map<string, string>();
  for (const [ident, group] of byIdent) {
    for (const name of group) out.set(name, `key_${group.length === 1 ? ident : `${ident}_${shortHash(name)}`}`);
  }
  return out;
}

/** `%` and `/` written as `%25` and `%2F`: identity on names without them. */
function membershipPart(name: string): string {
  return name.replace(/%/g, '%25').replace(/\//g, '%2F');
}

/**
 * The for_each key of a group membership, as modules/identity-store computes it (`<group>/<user>`
 * with `%` and `/` in each name percent-encoded): one to one, and `<group>/<user>` unchanged where
 * neither name holds `%` or `/`.
 */
export function membershipKey(group: string, user: string): string {
  return `${membershipPart(group)}/${membershipPart(user)}`;
}

/**
 * The for_each keys of modules/applications: `<application>/<GROUP|USER>/<principal>` for an
 * assignment and `<application>/<scope>` for an access scope, names encoded as for memberships
 * (scopes hold neither `%` nor `/`). The import plan uses the same keys.
 */
export function applicationAssignmentKey(application: string, principalType: string, principal: string): string {
  return `${membershipPart(application)}/${principalType}/${membershipPart(principal)}`;
}

export function applicationScopeKey(application: string, scope: string): string {
  return `${membershipPart(application)}/${scope}`;
}

/** The key earlier modules gave a membership: `<group>/<user>` (`A/B` + `c` and `A` + `B/c` met). */
export function previousMembershipKey(group: string, user: string): string {
  return `${group}/${user}`;
}

/** Provider alias of a Region: `eu-central-1` → `eu_central_1`. */
export function regionIdentifier(region: string): string {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error(`region '${region}' is not an AWS Region name`);
  return sanitize(region);
}

export interface MovedView {
  readonly from: string;
  readonly to: string;
}

/**
 * `moved` blocks from previous addresses to current ones: only where they differ, the previous
 * address is no current address, and no other object had it (then the old configuration could not
 * be applied, so there is no state to keep). Sorted by `from`.
 */
export function movedBlocks(pairs: readonly { readonly from: string; readonly to: string }[]): MovedView[] {
  const current = new Set(pairs.map((p) => p.to));
  const claims = new Map<string, number>();
  for (const p of pairs) claims.set(p.from, (claims.get(p.from) ?? 0) + 1);
  return pairs.filter((p) => p.from !== p.to && !current.has(p.from) && claims.get(p.from) === 1).sort((a, b) => compareKeys(a.from, b.from));
}
