// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
/**
 * The IAM action behind each AWS SDK command idcgen itself sends, by the command that sends it:
 * `idcgen import` (src/import: read-only) and `idcgen encryption` (src/aws, whose own action names
 * for error messages live in src/aws/permissions.ts and are reused here). test/permissions checks
 * that every `new <Name>Command` in those folders is listed, and every action against iam-data.
 */
import { API_PERMISSIONS, ENABLE_CALLER_KMS_PERMISSIONS } from '../aws';

/** SDK command name (without `Command`) → IAM action, for `idcgen import`. */
export const IMPORT_ACTIONS: Readonly<Record<string, string>> = {
  // organizations: the OU tree, accounts and their tags
  DescribeOrganization: 'organizations:DescribeOrganization',
  ListRoots: 'organizations:ListRoots',
  ListOrganizationalUnitsForParent: 'organizations:ListOrganizationalUnitsForParent',
  ListAccountsForParent: 'organizations:ListAccountsForParent',
  ListOrgTags: 'organizations:ListTagsForResource',
  // sso-admin (prefix sso)
  ListInstances: 'sso:ListInstances',
  DescribeInstance: 'sso:DescribeInstance',
  ListPermissionSets: 'sso:ListPermissionSets',
  DescribePermissionSet: 'sso:DescribePermissionSet',
  ListSsoTags: 'sso:ListTagsForResource',
  ListManagedPoliciesInPermissionSet: 'sso:ListManagedPoliciesInPermissionSet',
  ListCustomerManagedPolicyReferencesInPermissionSet: 'sso:ListCustomerManagedPolicyReferencesInPermissionSet',
  GetInlinePolicyForPermissionSet: 'sso:GetInlinePolicyForPermissionSet',
  GetPermissionsBoundaryForPermissionSet: 'sso:GetPermissionsBoundaryForPermissionSet',
  ListAccountsForProvisionedPermissionSet: 'sso:ListAccountsForProvisionedPermissionSet',
  ListAccountAssignments: 'sso:ListAccountAssignments',
  // applications (ListApplications is in API_PERMISSIONS) and attributes for access control
  GetApplicationAssignmentConfiguration: 'sso:GetApplicationAssignmentConfiguration',
  ListApplicationAssignments: 'sso:ListApplicationAssignments',
  ListApplicationAccessScopes: 'sso:ListApplicationAccessScopes',
  DescribeInstanceAccessControlAttributeConfiguration: 'sso:DescribeInstanceAccessControlAttributeConfiguration',
  // identitystore
  ListGroups: 'identitystore:ListGroups',
  ListUsers: 'identitystore:ListUsers',
  ListGroupMemberships: 'identitystore:ListGroupMemberships',
  // kms: the instance's key
  DescribeKey: 'kms:DescribeKey',
  GetKeyPolicy: 'kms:GetKeyPolicy',
  GetKeyRotationStatus: 'kms:GetKeyRotationStatus',
  ListAliases: 'kms:ListAliases',
  ListResourceTags: 'kms:ListResourceTags',
};

/** `idcgen encryption enable|disable|status` (and the generated step that runs it). */
export const ENCRYPTION_ACTIONS: readonly string[] = [...Object.values(API_PERMISSIONS), ...ENABLE_CALLER_KMS_PERMISSIONS];
