/**
 * IAM policy names in each account: unique whatever their path, compared case-insensitively. An
 * account needs every customer managed policy (and boundary) its provisioned permission sets
 * reference, and the key identity policies idcgen creates there; two of them with one name but
 * another path or spelling cannot both exist, and the assignment or apply that needs the second
 * would fail. Reported once per pair, at the permission set's reference, naming the first account
 * where they meet. (Pairs inside one permission set are check-names.ts's.)
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html
 */
import { compareKeys, type KeyIdentityPolicy } from '../ir';
import type { Issue } from '../issues';
import type { LoadedModel, ModelPath } from '../load';
import type { OrgModel } from '../schema';
import { normalizeIamPath } from './check-permission-sets';

interface Needed {
  /** `<path><name>` as IAM shows it. */
  readonly id: string;
  readonly name: string;
  /** Who needs it: `permission set 'X'` or `key 'k'`. */
  readonly who: string;
  /** The permission set's reference, or the key an identity policy is for. */
  readonly at: ModelPath;
  /** A key identity policy idcgen creates (not a permission set's reference). */
  readonly own: boolean;
  readonly permissionSet?: string;
}

function referencesByPermissionSet(model: OrgModel): Map<string, Needed[]> {
  const out = new Map<string, Needed[]>();
  (model.permissionSets ?? []).forEach((ps, i) => {
    const refs: Needed[] = (ps.customerManagedPolicies ?? []).map((r, j) => ({
      id: `${normalizeIamPath(r.path)}${r.name}`,
      name: r.name,
      who: `permission set '${ps.name}'`,
      at: ['permissionSets', i, 'customerManagedPolicies', j, 'name'],
      own: false,
      permissionSet: ps.name,
    }));
    const b = ps.permissionsBoundary;
    if (b && 'customerManagedPolicy' in b) {
      const r = b.customerManagedPolicy;
      refs.push({
        id: `${normalizeIamPath(r.path)}${r.name}`,
        name: r.name,
        who: `permission set '${ps.name}'`,
        at: ['permissionSets', i, 'permissionsBoundary', 'customerManagedPolicy', 'name'],
        own: false,
        permissionSet: ps.name,
      });
    }
    if (refs.length > 0) out.set(ps.name, refs);
  });
  return out;
}

export function accountPolicyNameIssues(
  loaded: LoadedModel,
  model: OrgModel,
  assignments: readonly { readonly permissionSet: string; readonly accountName: string }[],
  identityPolicies: readonly KeyIdentityPolicy[],
): Issue[] {
  const refs = referencesByPermissionSet(model);
  const perAccount = new Map<string, Map<string, Needed>>();
  const needs = (account: string): Map<string, Needed> => {
    let m = perAccount.get(account);
    if (!m) perAccount.set(account, (m = new Map()));
    return m;
  };
  const keyIndex = new Map((model.keys ?? []).map((k, i) => [k.name, i]));
  for (const p of identityPolicies) {
    const at: ModelPath = ['keys', keyIndex.get(p.keyName) ?? 0, 'name'];
    needs(p.accountName).set(`/${p.policyName}`, { id: `/${p.policyName}`, name: p.policyName, who: `key '${p.keyName}'`, at, own: true });
  }
  for (const a of assignments) for (const r of refs.get(a.permissionSet) ?? []) needs(a.accountName).set(`${r.permissionSet} ${r.id}`, r);

  const issues: Issue[] = [];
  const reported = new Set<string>();
  for (const account of [...perAccount.keys()].sort(compareKeys)) {
    const byName = new Map<string, Needed>();
    // idcgen's own policies first, so a reference that meets one is reported at the reference.
    const all = [...(perAccount.get(account) as Map<string, Needed>).values()].sort((x, y) => Number(y.own) - Number(x.own) || compareKeys(x.id, y.id));
    for (const n of all) {
      const first = byName.get(n.name.toLowerCase());
      if (first === undefined) {
        byName.set(n.name.toLowerCase(), n);
        continue;
      }
      if (first.id === n.id || (first.permissionSet !== undefined && first.permissionSet === n.permissionSet)) continue;
      const pair = `${first.who} ${first.id}|${n.who} ${n.id}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      const text = (x: Needed): string =>
        x.own ? `the identity policy '${x.id}' idcgen creates for ${x.who}` : `customer managed policy '${x.id}' of ${x.who}`;
      issues.push(
        loaded.issue(
          n.at,
          `${text(n)} and ${text(first)} are both needed in account '${account}'; iam policy names are unique in an account whatever their path or case, so use one path and one spelling or another name`,
        ),
      );
    }
  }
  return issues;
}
