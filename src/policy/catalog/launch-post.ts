// https://aws.amazon.com/blogs/aws/aws-iam-identity-center-now-supports-customer-managed-kms-keys-for-encryption-at-rest/
/**
 * The launch post's statements (shared/reference/launch-post-policies.md), the first published
 * per-use-case policy. idcgen does not emit them: the `least-privilege` profile uses the G2
 * statements that superseded them (same grants, plus encryption-context conditions, per-service
 * splits and PrincipalArn patterns). They stay in the catalog as the reference the profile is
 * proven against: test/policy checks by simulation that least-privilege allows every request the
 * launch post allows for its use cases, and denies what it denies.
 */
import type { PolicyValue } from '../../model';
import { PolicyStatement } from '../statement';
import { ACTIONS, CONDITION_KEYS, SERVICE_PRINCIPALS, VIA_SERVICE } from './aws';

export const LAUNCH_POST_KEY_POLICY_ID = 'key-consolepolicy-3';

/** Part 1: Identity Center administrator role and the two services. */
export function launchPostKeyPolicyStatements(adminRoleArn: PolicyValue, identityCenterAccountId: string): PolicyStatement[] {
  const services = [SERVICE_PRINCIPALS.sso, SERVICE_PRINCIPALS.identityStore];
  return [
    new PolicyStatement({
      sid: 'Allow_IAMIdentityCenter_Admin_to_use_the_KMS_key_via_IdentityCenter_and_IdentityStore',
      awsPrincipals: [adminRoleArn],
      actions: ACTIONS.adminUse,
      resources: ['*'],
      conditions: { StringLike: { [CONDITION_KEYS.viaService]: [VIA_SERVICE.sso, VIA_SERVICE.identityStore] } },
    }),
    new PolicyStatement({
      sid: 'Allow_IdentityCenter_admin_to_describe_the_KMS_key',
      awsPrincipals: [adminRoleArn],
      actions: ACTIONS.describe,
      resources: ['*'],
    }),
    new PolicyStatement({
      sid: 'Allow_IdentityCenter_and_IdentityStore_to_use_the_KMS_key',
      servicePrincipals: services,
      actions: ACTIONS.serviceUse,
      resources: ['*'],
      conditions: { StringEquals: { [CONDITION_KEYS.sourceAccount]: identityCenterAccountId } },
    }),
    new PolicyStatement({
      sid: 'Allow_IdentityCenter_and_IdentityStore_to_describe_the_KMS_key',
      servicePrincipals: services,
      actions: ACTIONS.describe,
      resources: ['*'],
    }),
  ];
}

/** Part 1, additional: application administrators and AWS managed applications of the organization. */
export function launchPostManagedAppStatements(orgId: string): PolicyStatement[] {
  const via = [VIA_SERVICE.sso, VIA_SERVICE.identityStore];
  return [
    new PolicyStatement({
      sid: 'Allow_AWS_app_admins_in_the_same_AWS_organization_to_use_the_KMS_key',
      anyPrincipal: true,
      actions: ACTIONS.decrypt,
      resources: ['*'],
      conditions: { StringEquals: { [CONDITION_KEYS.principalOrgId]: orgId }, StringLike: { [CONDITION_KEYS.viaService]: via } },
    }),
    new PolicyStatement({
      sid: 'Allow_managed_apps_to_use_the_KMS_Key',
      anyPrincipal: true,
      actions: ACTIONS.decrypt,
      resources: ['*'],
      conditions: {
        Bool: { [CONDITION_KEYS.principalIsAwsService]: 'true' },
        StringLike: { [CONDITION_KEYS.viaService]: via },
        StringEquals: { [CONDITION_KEYS.sourceOrgId]: orgId },
      },
    }),
  ];
}

/** Part 2: identity policy of application administrators in another account. */
export function launchPostAppAdminIdentityStatement(keyArn: PolicyValue): PolicyStatement {
  return new PolicyStatement({
    sid: 'Allow_app_admins_to_use_the_KMS_key_via_IdentityCenter_and_IdentityStore',
    actions: ACTIONS.decrypt,
    resources: [keyArn],
    conditions: { StringLike: { [CONDITION_KEYS.viaService]: [VIA_SERVICE.sso, VIA_SERVICE.identityStore] } },
  });
}
