/**
 * The identity-policy side of a key: KMS allows a request only when the key policy allows it and,
 * for a principal granted through its account root or from another account, an IAM policy of
 * that principal allows it too (kms/latest/developerguide/key-policy-modifying-external-accounts.html).
 */
import { compareKeys, type KeyIdentityPolicy, type PolicyProfile, type PolicyRef, type StatementJson } from '../../model';
import { PolicyStatement } from '../statement';
import { CONDITION_KEYS } from '../catalog/aws';
import { canonicalJson } from '../json';
import { g2AdminIdentityStatements, g2IdentityDecryptStatement, G2_IDENTITY_DECRYPT_SIDS } from '../catalog/g2';
import { g3CrossAccountStatements } from '../catalog/g3';
import { keyAdministrationIdentityStatement } from '../catalog/key-administration';
import { useCaseEntry, useCaseOrder, type UseCaseId } from '../catalog/use-cases';
import type { KeyPrincipal } from '../principals';
import { mergeStatements } from './merge-statements';

export interface IdentityNeedInputs {
  readonly profile: PolicyProfile;
  readonly managementAccountId: string;
  /** Accounts whose root the key policy grants kms:* (baseline). */
  readonly adminAccountIds: ReadonlySet<string>;
  readonly administrators: readonly KeyPrincipal[];
  readonly useCases: ReadonlyMap<UseCaseId, readonly KeyPrincipal[]>;
}

export interface IdentityNeed {
  readonly principal: KeyPrincipal;
  readonly useCase: UseCaseId;
}

/**
 * Which principals need an identity policy for which use case:
 * - a permission set or an account root always (the key policy names the account root, which
 *   delegates to IAM);
 * - a role named by ARN when it is in another account than the key, or, in the baseline profile,
 *   when its grant is the `kms:*` of its account root (administration and key administration).
 * Use cases with nothing on the identity side (managed applications, restrictions) never need one.
 */
export function identityNeeds(inputs: IdentityNeedInputs): IdentityNeed[] {
  const needs: IdentityNeed[] = [];
  const consider = (principal: KeyPrincipal, useCase: UseCaseId, viaAccountRoot: boolean) => {
    if (principal.kind !== 'role' || principal.accountId !== inputs.managementAccountId || viaAccountRoot) needs.push({ principal, useCase });
  };
  for (const p of inputs.administrators) {
    consider(p, 'key-administration', inputs.profile === 'baseline' && inputs.adminAccountIds.has(p.accountId));
  }
  // Catalog order, not the model's: statements are appended in this order (found by the shuffle property)
  for (const [useCase, principals] of [...inputs.useCases].sort(([a], [b]) => useCaseOrder(a) - useCaseOrder(b))) {
    const access = useCaseEntry(useCase).identityAccess;
    if (access === 'none') continue;
    for (const p of principals) consider(p, useCase, inputs.profile === 'baseline' && access === 'administration');
  }
  return needs;
}

/** The catalog statements one need calls for. */
export function identityStatements(profile: PolicyProfile, useCase: UseCaseId, keyArn: PolicyRef): PolicyStatement[] {
  if (useCase === 'key-administration') return [keyAdministrationIdentityStatement(keyArn)];
  const access = useCaseEntry(useCase).identityAccess;
  if (profile === 'baseline') return access === 'none' ? [] : g3CrossAccountStatements(keyArn, access);
  if (access === 'administration') return g2AdminIdentityStatements(keyArn);
  const sid = G2_IDENTITY_DECRYPT_SIDS[useCase as keyof typeof G2_IDENTITY_DECRYPT_SIDS];
  return sid !== undefined ? [g2IdentityDecryptStatement(sid, keyArn)] : [];
}

export interface IdentityResult {
  readonly identityPolicies: KeyIdentityPolicy[];
  /** Permission set name → statements for its inline policy. */
  readonly permissionSetStatements: Map<string, StatementJson[]>;
}

/**
 * Groups needs: permission sets by name (the inline policy applies wherever the permission set is
 * provisioned, and the Resource is this key only); roles and account roots by account, one IAM
 * policy per account and key, attached to the roles named there.
 */
export function groupIdentityNeeds(keyName: string, profile: PolicyProfile, keyArn: PolicyRef, needs: readonly IdentityNeed[]): IdentityResult {
  // permission set → statement (canonical JSON) → the statement and the accounts it was generated for
  const byPermissionSet = new Map<string, Map<string, { statement: StatementJson; accounts: Set<string> }>>();
  const byAccount = new Map<string, { accountName: string; accountId: string; roles: Set<string>; statements: StatementJson[]; useCases: Set<UseCaseId> }>();
  for (const need of needs) {
    const statements = identityStatements(profile, need.useCase, keyArn).map((s) => s.toJSON());
    if (statements.length === 0) continue;
    const p = need.principal;
    if (p.kind === 'permission-set') {
      const own = byPermissionSet.get(p.permissionSet) ?? new Map<string, { statement: StatementJson; accounts: Set<string> }>();
      for (const statement of statements) {
        const entry = own.get(canonicalJson(statement)) ?? { statement, accounts: new Set<string>() };
        entry.accounts.add(p.accountId);
        own.set(canonicalJson(statement), entry);
      }
      byPermissionSet.set(p.permissionSet, own);
      continue;
    }
    const entry = byAccount.get(p.accountName) ?? { accountName: p.accountName, accountId: p.accountId, roles: new Set(), statements: [], useCases: new Set() };
    if (p.kind === 'role') entry.roles.add(p.roleName);
    entry.statements.push(...statements);
    entry.useCases.add(need.useCase);
    byAccount.set(p.accountName, entry);
  }
  const identityPolicies = [...byAccount.values()]
    .sort((a, b) => compareKeys(a.accountName, b.accountName))
    .map((e): KeyIdentityPolicy => ({
      keyName,
      accountName: e.accountName,
      accountId: e.accountId,
      policyName: identityPolicyName(keyName),
      attachToRoles: [...e.roles].sort(compareKeys),
      document: { Version: '2012-10-17', Statement: mergeStatements(e.statements) },
      useCases: [...e.useCases].sort((a, b) => useCaseOrder(a) - useCaseOrder(b)),
    }));
  const permissionSetStatements = new Map<string, StatementJson[]>();
  for (const name of [...byPermissionSet.keys()].sort(compareKeys)) {
    const statements = [...(byPermissionSet.get(name)?.values() ?? [])].map((e) => inAccounts(e.statement, [...e.accounts].sort(compareKeys)));
    permissionSetStatements.set(name, mergeStatements(statements));
  }
  return { identityPolicies, permissionSetStatements };
}

/**
 * A permission set's inline policy is the same in every account it is provisioned in, but a key
 * principal is one permission set in one account: `aws:PrincipalAccount` keeps the statement to
 * the accounts the model named. (Member-account identity policies need no such condition: an IAM
 * policy created in an account can only be attached to that account's roles.)
 */
function inAccounts(statement: StatementJson, accountIds: readonly string[]): StatementJson {
  return PolicyStatement.fromJson(statement)
    .addCondition('StringEquals', CONDITION_KEYS.principalAccount, [...accountIds])
    .toJSON();
}

/** IAM policy name of a key's identity policy in a member account. */
export function identityPolicyName(keyName: string): string {
  return `idcgen-${keyName}-key-use`;
}
