/**
 * Assembles one key's policy from the catalog, per profile. Every statement is tagged with the
 * catalog use case it serves, so the IR can say where each statement comes from.
 */
import { accountRootArn, partitionOf, compareKeys, type PolicyProfile, type StatementSource } from '../../model';
import { PolicyDocument } from '../document';
import type { PolicyStatement } from '../statement';
import { DOCS } from '../catalog/aws';
import { deletionGuardStatement } from '../catalog/deletion-guard';
import { deployerUseStatements } from '../catalog/deployer';
import { readOnlyAdminStatements, restrictedAppStatements, type RestrictedAppsProps } from '../catalog/advanced';
import { g2AdminStatements, g2AppAdminStatements, g2DecryptPair, g2ManagedAppStatements, g2ServiceStatements, G2_DECRYPT_PAIRS } from '../catalog/g2';
import { g3AdminAccountsStatement, g3ManagedAppsStatements, g3OrgPrincipalsStatements, g3ServiceStatements } from '../catalog/g3';
import { keyAdministrationStatement } from '../catalog/key-administration';
import type { EncryptionContextValues } from '../catalog/shapes';
import { useCaseEntry, type ModelUseCaseId, type UseCaseId } from '../catalog/use-cases';
import { principalArnPattern, principalSet, uniquePrincipals, type KeyPrincipal } from '../principals';

export interface KeyPolicyInputs {
  readonly profile: PolicyProfile;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly region: string;
  /** Administrators of a multi-Region key may also replicate it. */
  readonly multiRegion: boolean;
  readonly administrators: readonly KeyPrincipal[];
  /** deployment.deployer as a role principal (management account). */
  readonly deployer?: KeyPrincipal;
  /** Identity Center uses this key: the deployer also gets the administrators' use through it. */
  readonly usedByIdentityCenter: boolean;
  /** Deny deletion, disabling and policy changes to all but the administrators and the deployer (catalog/deletion-guard.ts). */
  readonly deletionGuard: boolean;
  /** Principals per use case the key lists (empty array when it has none). */
  readonly useCases: ReadonlyMap<ModelUseCaseId, readonly KeyPrincipal[]>;
  readonly restrictedApps?: RestrictedAppsProps;
  /** The instance's own encryption-context values (literal or refs). */
  readonly instanceContext: EncryptionContextValues;
}

export interface KeyPolicyResult {
  readonly document: PolicyDocument;
  readonly sources: StatementSource[];
  /**
   * Accounts whose root the policy grants `kms:*` (baseline statement 1): principals there
   * reach the key through IAM policies of their account.
   */
  readonly adminAccountIds: ReadonlySet<string>;
}

export function buildKeyPolicy(inputs: KeyPolicyInputs): KeyPolicyResult {
  const doc = new PolicyDocument();
  const sources: StatementSource[] = [];
  const add = (useCase: UseCaseId, statements: readonly PolicyStatement[], docUrl = useCaseEntry(useCase).docUrl) => {
    for (const s of statements) {
      const before = doc.statementCount;
      doc.addStatements(s);
      // An identical statement is kept once, and so is its source.
      if (doc.statementCount > before) sources.push({ sid: s.sid ?? '', useCase, docUrl });
    }
  };
  const has = (u: ModelUseCaseId) => inputs.useCases.has(u);
  const principalsOf = (...ids: ModelUseCaseId[]) => uniquePrincipals(ids.flatMap((u) => inputs.useCases.get(u) ?? []));
  const set = (principals: readonly KeyPrincipal[]) => principalSet(principals, inputs.region);
  // The G2 "*" context values stay unless the model asks to restrict to this instance.
  const ec = has('restrict-to-instance') ? inputs.instanceContext : undefined;
  const adminAccountIds = new Set<string>();

  if (inputs.profile === 'baseline') {
    adminAccountIds.add(inputs.managementAccountId);
    for (const p of inputs.useCases.get('delegated-admins') ?? []) adminAccountIds.add(p.accountId);
    add(
      'key-administration',
      [g3AdminAccountsStatement([...adminAccountIds].sort(compareKeys).map((id) => accountRootArn(id, partitionOf(inputs.region))))],
      DOCS.baseline,
    );
    // Administrators elsewhere would otherwise have no way to manage the key.
    const outside = inputs.administrators.filter((p) => !adminAccountIds.has(p.accountId));
    if (outside.length > 0) add('key-administration', [keyAdministrationStatement(set(outside), inputs.multiRegion)]);
    add('identity-center-service', g3ServiceStatements());
  } else {
    // The deployer applies this policy, so it must be able to apply it again (KMS's lockout check).
    const keyAdmins = uniquePrincipals([...inputs.administrators, ...(inputs.deployer ? [inputs.deployer] : [])]);
    if (keyAdmins.length > 0) add('key-administration', [keyAdministrationStatement(set(keyAdmins), inputs.multiRegion)]);
    const admins = principalsOf('identity-center-admins', 'delegated-admins');
    if (admins.length > 0) {
      add(has('identity-center-admins') ? 'identity-center-admins' : 'delegated-admins', g2AdminStatements(set(admins), ec));
    }
    // Once Identity Center encrypts with this key, the deployer's Identity Center calls need it too.
    if (inputs.deployer && inputs.usedByIdentityCenter) add('deployer', deployerUseStatements(set([inputs.deployer]), ec));
    add('identity-center-service', g2ServiceStatements(inputs.managementAccountId, ec));
  }

  if (has('read-only-admins')) add('read-only-admins', readOnlyAdminStatements(set(principalsOf('read-only-admins')), inputs.instanceContext));

  if (inputs.profile === 'baseline') {
    add('identity-center-service', g3OrgPrincipalsStatements(ec));
    if (inputs.restrictedApps) add('restrict-managed-applications', restrictedAppStatements(inputs.restrictedApps, inputs.instanceContext));
    else if (has('managed-applications')) add('managed-applications', g3ManagedAppsStatements(ec));
  } else {
    if (has('managed-application-admins')) {
      const appAdmins = principalsOf('managed-application-admins');
      add('managed-application-admins', g2AppAdminStatements(inputs.organizationId, appAdmins.length > 0 ? set(appAdmins) : undefined, ec));
    }
    if (inputs.restrictedApps) add('restrict-managed-applications', restrictedAppStatements(inputs.restrictedApps, inputs.instanceContext));
    else if (has('managed-applications')) add('managed-applications', g2ManagedAppStatements(inputs.organizationId, ec));
    for (const [useCase, base] of Object.entries(G2_DECRYPT_PAIRS) as [keyof typeof G2_DECRYPT_PAIRS, string][]) {
      if (has(useCase)) add(useCase, g2DecryptPair(base, set(principalsOf(useCase)), ec));
    }
  }

  if (inputs.deletionGuard) add('deletion-guard', [deletionGuardStatement(guardExemptions(inputs))]);

  doc.freeze();
  return { document: doc, sources, adminAccountIds };
}

/** aws:PrincipalArn values that keep the guarded actions: every administrator and the deployer. */
function guardExemptions(inputs: KeyPolicyInputs): string[] {
  const principals = uniquePrincipals([...inputs.administrators, ...(inputs.deployer ? [inputs.deployer] : [])]);
  return [...new Set(principals.map((p) => principalArnPattern(p, inputs.region)))].sort(compareKeys);
}
