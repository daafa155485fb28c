// https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
/**
 * G2 "Baseline KMS key and IAM policy statements": one set of statements per use case
 * (shared/reference/identity-center-cmk.md §3). The `least-privilege` profile is built from these.
 * Each builder returns fresh, unfrozen statements; Sids are the documented ones.
 */
import type { PolicyValue } from '../../model';
import { PolicyStatement } from '../statement';
import { ACTIONS, CONDITION_KEYS, EC_CONDITION, SERVICE_PRINCIPALS, VIA_SERVICE } from './aws';
import { addPrincipalSet, addViaServiceWithContext, viaServicePair, type EncryptionContextValues, type PrincipalSet } from './shapes';

/** §3.1 statements 1–3: Identity Center administrators (management and delegated-admin accounts). */
export function g2AdminStatements(admins: PrincipalSet, ec?: EncryptionContextValues): PolicyStatement[] {
  return [
    ...viaServicePair('AllowIAMIdentityCenterAdminToUseTheKMSKey', (sid, via) =>
      addViaServiceWithContext(addPrincipalSet(new PolicyStatement({ sid, actions: ACTIONS.adminUse, resources: ['*'] }), admins), via, ec),
    ),
    // DescribeKey cannot be constrained by encryption context (advanced-kms-policy.html).
    addPrincipalSet(new PolicyStatement({ sid: 'AllowIAMIdentityCenterAdminToDescribeTheKMSKey', actions: ACTIONS.describe, resources: ['*'] }), admins),
  ];
}

/** §3.1 statements 4–6: the Identity Center and Identity Store services (required). */
export function g2ServiceStatements(managementAccountId: string, ec?: EncryptionContextValues): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'AllowIAMIdentityCenterToUseTheKMSKey',
      servicePrincipals: [SERVICE_PRINCIPALS.sso],
      actions: ACTIONS.serviceUse,
      resources: ['*'],
      conditions: {
        StringLike: { [EC_CONDITION.instanceArn]: ec?.instanceArn ?? '*' },
        StringEquals: { [CONDITION_KEYS.sourceAccount]: managementAccountId },
      },
    }),
    new PolicyStatement({
      sid: 'AllowIdentityStoreToUseTheKMSKey',
      servicePrincipals: [SERVICE_PRINCIPALS.identityStore],
      actions: ACTIONS.serviceUse,
      resources: ['*'],
      conditions: {
        StringLike: { [EC_CONDITION.identityStoreArn]: ec?.identityStoreArn ?? '*' },
        StringEquals: { [CONDITION_KEYS.sourceAccount]: managementAccountId },
      },
    }),
    new PolicyStatement({
      sid: 'AllowIAMIdentityCenterAndIdentityStoreToDescribeKMSKey',
      servicePrincipals: [SERVICE_PRINCIPALS.identityStore, SERVICE_PRINCIPALS.sso],
      actions: ACTIONS.describe,
      resources: ['*'],
    }),
  ];
}

/**
 * §3.3 statements 1–2: administrators of AWS managed applications in the organization. Without
 * principals this is the documented `"Principal": "*"` + aws:PrincipalOrgID; with principals,
 * "replacing * with specific IAM principals" as the page suggests (the org condition stays).
 */
export function g2AppAdminStatements(orgId: string, principals: PrincipalSet | undefined, ec?: EncryptionContextValues): PolicyStatement[] {
  return viaServicePair('AllowAppAdminsInTheSameOrganizationToUseTheKMSKey', (sid, via) => {
    const s = new PolicyStatement({ sid, actions: ACTIONS.decrypt, resources: ['*'] });
    if (principals) addPrincipalSet(s, principals);
    else s.addAnyPrincipal();
    s.addCondition('StringEquals', CONDITION_KEYS.principalOrgId, orgId);
    return addViaServiceWithContext(s, via, ec);
  });
}

/** §3.3 statements 3–4: AWS managed applications (service principals) in the organization. */
export function g2ManagedAppStatements(orgId: string, ec?: EncryptionContextValues): PolicyStatement[] {
  return viaServicePair('AllowManagedAppsToUseTheKMSKey', (sid, via) => {
    const s = addViaServiceWithContext(new PolicyStatement({ sid, anyPrincipal: true, actions: ACTIONS.decrypt, resources: ['*'] }), via, ec);
    s.addCondition('Bool', CONDITION_KEYS.principalIsAwsService, 'true');
    s.addCondition('StringEquals', CONDITION_KEYS.sourceOrgId, orgId);
    return s;
  });
}

/** §3.5 (Control Tower administrators), §3.6 (SSO to EC2 Windows), §3.8 (custom workflows): Decrypt via each service. */
export const G2_DECRYPT_PAIRS = {
  'control-tower-admins': 'AllowControlTowerAdminRoleToUseTheKMSKey',
  'ec2-windows-sso': 'AllowIAMIdentityCenterPermissionSetRoleToUseTheKMSKey',
  'custom-workflows': 'AllowCustomWorkflowToUseTheKMSKey',
} as const;

export function g2DecryptPair(base: string, principals: PrincipalSet, ec?: EncryptionContextValues): PolicyStatement[] {
  return viaServicePair(base, (sid, via) =>
    addViaServiceWithContext(addPrincipalSet(new PolicyStatement({ sid, actions: ACTIONS.decrypt, resources: ['*'] }), principals), via, ec),
  );
}

/** §3.2: identity policy of Identity Center administrators in another account. */
export function g2AdminIdentityStatements(keyArn: PolicyValue): PolicyStatement[] {
  return [
    new PolicyStatement({ sid: 'IAMPolicyToAllowIAMIdentityCenterAdminToUseKMSkey', actions: ACTIONS.adminIdentityUse, resources: [keyArn] }),
    new PolicyStatement({ sid: 'IAMPolicyToAllowIAMIdentityCenterAdminToListKeyAliases', actions: ACTIONS.listAliases, resources: ['*'] }),
  ];
}

/**
 * §3.4 (managed-application administrators), §3.7 (EC2 Windows permission set), §3.9 (custom
 * workflows): the same Decrypt-via-services statement under different Sids. Control Tower needs
 * none per the docs ("you don't need to configure an IAM policy for its administrators"); the two
 * idcgen Sids cover principals the docs do not foresee (a Control Tower or read-only administrator
 * given as a permission set, whose key policy grant goes through the account root).
 */
export const G2_IDENTITY_DECRYPT_SIDS = {
  'managed-application-admins': 'AllowIAMIdentityCenterAdminToUseTheKMSKeyViaIdentityCenterAndIdentityStore',
  'ec2-windows-sso': 'IAMPolicyToAllowKMSKeyUseViaIdentityCenterAndIdentityStore',
  'custom-workflows': 'AllowCustomWorkflowToUseTheKMSKeyViaIdentityCenterAndIdentityStore',
  'control-tower-admins': 'AllowControlTowerAdminToUseTheKMSKeyViaIdentityCenterAndIdentityStore',
  'read-only-admins': 'AllowReadOnlyAdminToUseTheKMSKeyViaIdentityCenterAndIdentityStore',
} as const;

export function g2IdentityDecryptStatement(sid: string, keyArn: PolicyValue): PolicyStatement {
  return new PolicyStatement({
    sid,
    actions: ACTIONS.decrypt,
    resources: [keyArn],
    conditions: { StringLike: { [CONDITION_KEYS.viaService]: [VIA_SERVICE.sso, VIA_SERVICE.identityStore] } },
  });
}
