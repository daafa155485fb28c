/**
 * A permission set's inline policy: the user's policy with the KMS statements the permission set
 * needs as a key principal appended.
 */
import type { PolicyDocumentJson, StatementJson } from '../model';
import { dedupeStatements, mergeStatements } from './private/merge-statements';
import { canonicalJson } from './json';

/**
 * - The user's statements are kept as written, in their order (only exact duplicates go).
 * - `extra` statements are merged among themselves (merge-statements.ts rules) and appended;
 *   one identical to a user statement is not added twice.
 * - An extra statement whose Sid the user already uses for something else is renamed
 *   `<Sid>Kms`, then `<Sid>Kms2`, … so Sids stay unique, as IAM requires.
 * Returns undefined when there is neither a user policy nor an extra statement.
 */
export function withKeyStatements(user: PolicyDocumentJson | undefined, extra: readonly StatementJson[]): PolicyDocumentJson | undefined {
  if (user === undefined && extra.length === 0) return undefined;
  const own = dedupeStatements(user?.Statement ?? []);
  const present = new Set(own.map((s) => canonicalJson(s)));
  const sids = new Set(own.map((s) => s.Sid).filter((s): s is string => s !== undefined));
  const added: StatementJson[] = [];
  for (const s of mergeStatements(extra)) {
    if (present.has(canonicalJson(s))) continue;
    let sid = s.Sid;
    if (sid !== undefined && sids.has(sid)) {
      let n = 1;
      while (sids.has(`${s.Sid}Kms${n === 1 ? '' : n}`)) n++;
      sid = `${s.Sid}Kms${n === 1 ? '' : n}`;
    }
    if (sid !== undefined) sids.add(sid);
    added.push(sid === s.Sid ? s : { ...s, Sid: sid });
  }
  const out: PolicyDocumentJson = { Version: '2012-10-17', Statement: [...own, ...added] };
  return user?.Id !== undefined ? { Version: out.Version, Id: user.Id, Statement: out.Statement } : out;
}
