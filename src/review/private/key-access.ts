/**
 * Who can use a key and how, read from its key policy (and the identity policies that go with it).
 *
 * Reading rules, in this order, for each `Allow` statement (Deny statements only narrow access and
 * are shown in the statement diff instead):
 * - `Principal.Service` values are `service` access;
 * - a wildcard principal (`"*"` or `AWS: "*"`) is
 *   `managed-applications` when conditioned on `aws:PrincipalIsAWSService`,
 *   each `aws:PrincipalArn` value when conditioned on it,
 *   `org-principals` when conditioned on `aws:PrincipalOrgID`,
 *   the account when conditioned on `aws:PrincipalAccount`,
 *   and `wildcard` otherwise;
 * - other AWS principals are narrowed to their `aws:PrincipalArn` values when present (the
 *   documented permission set pattern: account root + `AWSReservedSSO_<name>_*`), else taken as is;
 * - a principal that may call `kms:PutKeyPolicy` is an `administrator`: it can change who uses the
 *   key, so losing all of them locks the key.
 * Entries with the same kind and principal are merged.
 */
import { compareKeys, type ResolvedKey, type ResolvedPermissionSet } from '../../model/ir';
import { isPolicyRef, type StatementJson } from '../../policy/types';
import type { KeyAccess, KeyAccessKind } from '../types';
import { conditionValues, isWildcardPrincipal, sortedUnique, valueList } from './canonical';

const KIND_ORDER: readonly KeyAccessKind[] = ['service', 'administrator', 'principal', 'org-principals', 'managed-applications', 'wildcard'];

function actionPattern(p: string): RegExp {
  const body = p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether the statement's Action (or NotAction) covers `action`. */
export function allowsAction(s: StatementJson, action: string): boolean {
  if (s.Action !== undefined) return valueList(s.Action).some((p) => actionPattern(p).test(action));
  if (s.NotAction !== undefined) return !valueList(s.NotAction).some((p) => actionPattern(p).test(action));
  return false;
}

function actionsOf(s: StatementJson): string[] {
  if (s.Action !== undefined) return valueList(s.Action);
  return valueList(s.NotAction).map((a) => `all except ${a}`);
}

function principalsOf(s: StatementJson): { kind: KeyAccessKind; principal: string }[] {
  const out: { kind: KeyAccessKind; principal: string }[] = [];
  const p = s.Principal;
  if (p === undefined) return out;
  if (p !== '*') for (const svc of valueList(p.Service)) out.push({ kind: 'service', principal: svc });
  const principalArns = conditionValues(s, 'aws:PrincipalArn');
  if (isWildcardPrincipal(p)) {
    if (conditionValues(s, 'aws:PrincipalIsAWSService').includes('true')) {
      const org = conditionValues(s, 'aws:SourceOrgID');
      const accounts = conditionValues(s, 'aws:SourceAccount');
      const scope = org.length > 0 ? ` in organization ${org.join(', ')}` : accounts.length > 0 ? ` in account ${accounts.join(', ')}` : '';
      out.push({ kind: 'managed-applications', principal: `aws services${scope}` });
    } else if (principalArns.length > 0) {
      for (const arn of principalArns) out.push({ kind: 'principal', principal: arn });
    } else if (conditionValues(s, 'aws:PrincipalOrgID').length > 0) {
      out.push({ kind: 'org-principals', principal: `principals in organization ${conditionValues(s, 'aws:PrincipalOrgID').join(', ')}` });
    } else if (conditionValues(s, 'aws:PrincipalAccount').length > 0) {
      out.push({ kind: 'principal', principal: `principals in account ${conditionValues(s, 'aws:PrincipalAccount').join(', ')}` });
    } else {
      out.push({ kind: 'wildcard', principal: '*' });
    }
    return out;
  }
  const aws = p === '*' ? [] : valueList(p.AWS);
  for (const arn of principalArns.length > 0 && aws.length > 0 ? principalArns : aws) out.push({ kind: 'principal', principal: arn });
  return out;
}

/** `arn:aws:iam::<account>:…` → account id. */
function accountOf(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[2] === 'iam' ? parts[4] : undefined;
}

const PERMISSION_SET_ROLE = /\/AWSReservedSSO_(.+)_\*$/;

function referencesKey(ps: ResolvedPermissionSet, keyName: string): boolean {
  for (const s of ps.inlinePolicy?.Statement ?? []) {
    const resources = s.Resource === undefined ? [] : Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    if (resources.some((r) => isPolicyRef(r) && r.key === keyName)) return true;
  }
  return false;
}

/** The identity policies a principal outside the key policy's own grant relies on. */
function identityPoliciesFor(principal: string, key: ResolvedKey, permissionSets: readonly ResolvedPermissionSet[]): string[] {
  const out: string[] = [];
  const account = accountOf(principal);
  if (account === undefined) return out;
  const roleName = /:role\/(?:.*\/)?([^/]+)$/.exec(principal)?.[1];
  for (const ip of key.identityPolicies) {
    if (ip.accountId !== account) continue;
    if (ip.attachToRoles.length === 0 || (roleName !== undefined && ip.attachToRoles.includes(roleName))) out.push(`${ip.accountName}/${ip.policyName}`);
  }
  const psName = PERMISSION_SET_ROLE.exec(principal)?.[1];
  const ps = psName === undefined ? undefined : permissionSets.find((p) => p.name === psName);
  if (ps && referencesKey(ps, key.name)) out.push(`permission set ${ps.name} inline policy`);
  return sortedUnique(out);
}

export function keyAccess(key: ResolvedKey, permissionSets: readonly ResolvedPermissionSet[]): KeyAccess[] {
  const merged = new Map<string, { kind: KeyAccessKind; principal: string; actions: string[]; via: string[]; anyPath: boolean; statements: string[]; useCases: string[] }>();
  key.keyPolicy.Statement.forEach((s, i) => {
    if (s.Effect !== 'Allow') return;
    const admin = allowsAction(s, 'kms:PutKeyPolicy');
    const source = key.statementSources[i];
    const label = s.Sid || source?.sid || `statement ${i + 1}`;
    for (const { kind: k, principal } of principalsOf(s)) {
      const kind: KeyAccessKind = k === 'principal' && admin ? 'administrator' : k;
      const id = `${kind}\u0000${principal}`;
      const e = merged.get(id) ?? { kind, principal, actions: [], via: [], anyPath: false, statements: [], useCases: [] };
      e.actions.push(...actionsOf(s));
      const via = conditionValues(s, 'kms:ViaService');
      // One statement without kms:ViaService opens every caller path, whatever the others narrow.
      if (via.length === 0) e.anyPath = true;
      e.via.push(...via);
      e.statements.push(label);
      if (source) e.useCases.push(source.useCase);
      merged.set(id, e);
    }
  });
  return [...merged.values()]
    .map(
      (e): KeyAccess => ({
        key: key.name,
        kind: e.kind,
        principal: e.principal,
        actions: sortedUnique(e.actions),
        via: e.anyPath ? [] : sortedUnique(e.via),
        statements: sortedUnique(e.statements),
        useCases: sortedUnique(e.useCases),
        identityPolicies: identityPoliciesFor(e.principal, key, permissionSets),
      }),
    )
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareKeys(a.principal, b.principal));
}
