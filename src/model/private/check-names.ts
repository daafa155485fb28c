/**
 * Names that AWS holds unique although the model could give them twice: two objects the model
 * keeps apart would be one object to AWS, and the second create would fail mid-apply.
 * - KMS aliases: unique in the account and Region, and every key lives in the management account
 *   and the Identity Center Region. A key without `alias:` gets `alias/<name>`, which must be a
 *   valid alias too (key names may hold `.`, aliases may not).
 * - IAM policy names: unique in an account whatever their path, compared case-insensitively. One
 *   permission set that needs the same name at two paths can never be provisioned; permission sets
 *   that meet in one account are checked once assignments are expanded (check-account-policies.ts).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
 */
import { ALIAS } from '../aws-patterns';
import { PATTERNS } from '../aws-patterns';
import type { ModelPath } from '../load';
import type { CheckContext } from './context';
import { normalizeIamPath } from './check-permission-sets';

export function checkKeyAliases(ctx: CheckContext): void {
  const first = new Map<string, ModelPath>();
  (ctx.model.keys ?? []).forEach((key, i) => {
    const alias = key.alias ?? `alias/${key.name}`;
    const at: ModelPath = key.alias !== undefined ? ['keys', i, 'alias'] : ['keys', i, 'name'];
    // A key name that is no handle is reported by checkKeys once; its default alias is not a second problem.
    if (key.alias === undefined && !PATTERNS.handle.re.test(key.name)) return;
    if (key.alias === undefined && !ALIAS.pattern.test(alias)) {
      ctx.error(
        at,
        `key name '${key.name}' gives the default alias '${alias}', which kms refuses (allowed: alias/ followed by letters, digits, /, _ and -); set alias: alias/<name>`,
      );
      return;
    }
    const other = first.get(alias);
    if (other !== undefined) {
      ctx.error(
        at,
        `alias '${alias}' is already the alias of the key at ${ctx.ref(other)}; kms aliases are unique in an account and region, so give each key its own alias`,
      );
      return;
    }
    first.set(alias, at);
  });
}

/** One permission set's customer managed policies (and boundary) by name: one path per name. */
export function checkPolicyNamesPerPermissionSet(ctx: CheckContext): void {
  (ctx.model.permissionSets ?? []).forEach((ps, i) => {
    const refs: { at: ModelPath; name: string; path: string }[] = (ps.customerManagedPolicies ?? []).map((r, j) => ({
      at: ['permissionSets', i, 'customerManagedPolicies', j, 'name'],
      name: r.name,
      path: normalizeIamPath(r.path),
    }));
    const boundary = ps.permissionsBoundary;
    if (boundary && 'customerManagedPolicy' in boundary) {
      const b = boundary.customerManagedPolicy;
      refs.push({ at: ['permissionSets', i, 'permissionsBoundary', 'customerManagedPolicy', 'name'], name: b.name, path: normalizeIamPath(b.path) });
    }
    const byName = new Map<string, (typeof refs)[number]>();
    for (const r of refs) {
      const seen = byName.get(r.name.toLowerCase());
      if (seen === undefined) byName.set(r.name.toLowerCase(), r);
      else if (seen.path !== r.path || seen.name !== r.name) {
        ctx.error(
          r.at,
          `permission set '${ps.name}' needs customer managed policies '${seen.path}${seen.name}' and '${r.path}${r.name}' in every account it is assigned to; iam policy names are unique in an account whatever their path or case, so use one path and one spelling`,
        );
      }
    }
  });
}
