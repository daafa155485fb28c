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
 *   documented permission set pattern: account root + `AWSReservedSSO_<name>_<16 × ?>`), else taken as is;
 * - a principal that may call `kms:PutKeyPolicy` is an `administrator`: it can change who uses the
 *   key, so losing all of them locks the key;
 * - an account root (or an organization-wide grant) hands the key to identity policies, so the
 *   permission sets and roles those name are added (identity-access.ts).
 * Entries with the same principal are merged.
 */
import {
  compareKeys,
  type ResolvedAccount,
  type ResolvedKey,
  type ResolvedModel,
  type ResolvedPermissionSet,
  parsePermissionSetRoleArn,
  type StatementJson,
} from '../../model';
import type { KeyAccess, KeyAccessKind } from '../types';
import { allowsAction, conditionValues as conditionPolicyValues, isAnyPrincipal, sortedUnique, valueList } from '../../policy';
import { actionLabels } from './actions';
import { inlinePolicyOf, permissionSetIn } from './labels';
import { delegatedAccess, keyStatements, ROOT, type AccessEntry } from './identity-access';

/** The values a condition key is tested against, as shown (sorted, refs by label). */
const conditionValues = (s: StatementJson, key: string): string[] => valueList(conditionPolicyValues(s, key));

const KIND_ORDER: readonly KeyAccessKind[] = ['service', 'administrator', 'principal', 'org-principals', 'managed-applications', 'wildcard'];

function principalsOf(s: StatementJson): { kind: KeyAccessKind; principal: string }[] {
  const out: { kind: KeyAccessKind; principal: string }[] = [];
  const p = s.Principal;
  if (p === undefined) return out;
  if (p !== '*') for (const svc of valueList(p.Service)) out.push({ kind: 'service', principal: svc });
  const principalArns = conditionValues(s, 'aws:PrincipalArn');
  if (isAnyPrincipal(p)) {
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

/** The permission set a key policy's `AWSReservedSSO_<name>_<wildcard suffix>` pattern stands for. */
function permissionSetOfPattern(principal: string): string | undefined {
  const role = parsePermissionSetRoleArn(principal);
  return role?.pattern ? role.permissionSet : undefined;
}

/**
 * A permission set role pattern (`…/AWSReservedSSO_<name>_????????????????` in a known account) reads as
 * `permission set <name> in <account>`: the same words whether the key policy names the role
 * (least-privilege) or the account root hands it the key through its inline policy (baseline), so
 * switching profiles does not show one principal as lost and gained.
 */
function displayName(principal: string, accountId: string | undefined, accounts: readonly ResolvedAccount[]): string {
  const ps = permissionSetOfPattern(principal);
  const account = accounts.find((a) => a.id === accountId);
  return ps !== undefined && account !== undefined ? permissionSetIn(ps, account.name) : principal;
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
  const psName = permissionSetOfPattern(principal);
  const ps = psName === undefined ? undefined : permissionSets.find((p) => p.name === psName);
  if (ps && keyStatements(ps.inlinePolicy, key.name).length > 0) out.push(inlinePolicyOf(ps.name));
  return sortedUnique(out);
}

export function keyAccess(key: ResolvedKey, ir: Pick<ResolvedModel, 'permissionSets' | 'assignments' | 'accounts'>): KeyAccess[] {
  const merged = new Map<string, AccessEntry>();
  const add = (e: AccessEntry) => {
    // One entry per principal: any statement that makes it an administrator makes it one.
    const old = merged.get(e.principal);
    if (!old) merged.set(e.principal, e);
    else {
      if (e.kind === 'administrator' && old.kind === 'principal') old.kind = 'administrator';
      old.actions.push(...e.actions);
      old.via.push(...e.via);
      old.anyPath ||= e.anyPath;
      old.statements.push(...e.statements);
      old.useCases.push(...e.useCases);
      old.identityPolicies.push(...e.identityPolicies);
    }
  };
  key.keyPolicy.Statement.forEach((s, i) => {
    if (s.Effect !== 'Allow') return;
    const admin = allowsAction(s, 'kms:PutKeyPolicy');
    const source = key.statementSources[i];
    const label = s.Sid || source?.sid || `statement ${i + 1}`;
    const via = conditionValues(s, 'kms:ViaService');
    for (const { kind, principal } of principalsOf(s)) {
      const accountId = accountOf(principal);
      add({
        kind: kind === 'principal' && admin ? 'administrator' : kind,
        principal: displayName(principal, accountId, ir.accounts),
        ...(accountId !== undefined ? { accountId } : {}),
        actions: actionLabels(s),
        via,
        anyPath: via.length === 0,
        statements: [label],
        useCases: source ? [source.useCase] : [],
        identityPolicies: identityPoliciesFor(principal, key, ir.permissionSets),
      });
    }
  });
  // Account roots and organization-wide grants hand the key to IAM policies: the principals those
  // policies name are the ones that really use it (G3 baseline grants roots `kms:*`).
  const grants = [...merged.values()].filter((e) => ROOT.test(e.principal) || e.kind === 'org-principals');
  for (const e of delegatedAccess(key, ir, grants)) add(e);
  return [...merged.values()]
    .map((e): KeyAccess => ({
      key: key.name,
      kind: e.kind,
      principal: e.principal,
      ...(e.accountId !== undefined ? { accountId: e.accountId } : {}),
      actions: sortedUnique(e.actions),
      via: e.anyPath ? [] : sortedUnique(e.via),
      statements: sortedUnique(e.statements),
      useCases: sortedUnique(e.useCases),
      identityPolicies: sortedUnique(e.identityPolicies),
    }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareKeys(a.principal, b.principal));
}
