/**
 * The only module that imports cdktf, constructs and the prebuilt AWS provider. Everything else in
 * src/emit/cdktf/ imports from here.
 *
 * Why one module:
 * - HashiCorp archived terraform-cdk on 2025-12-10. The community fork CDK Terrain ships the same
 *   class names under the same `lib/<name>` paths; only the package names differ. Moving to it is a
 *   change to this file alone: replace `'cdktf'` with `'cdktn'` and `'@cdktf/provider-aws/lib/'`
 *   with `'@cdktn/provider-aws/lib/'` below (and the dependencies in package.json; the fork's CLI
 *   needs Node >= 22). `constructs` stays.
 * - Each provider class comes from its own `lib/<name>` path: the package barrel loads 2,211
 *   modules and makes synth ten times slower (TOOLING.md).
 */
export { Construct } from 'constructs';

export {
  App,
  DataResource,
  Fn,
  LocalBackend,
  S3Backend,
  TerraformDataSource,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Testing,
  Token,
} from 'cdktf';
// The logical-id function cdktf allocates every element's id with (TerraformStack.allocateLogicalId),
// for blocks written as JSON without constructs (private/assignment-blocks.ts). Not re-exported by
// the package index; CDK Terrain keeps the same path.
export { makeUniqueId } from 'cdktf/lib/private/unique';
export type { ITerraformDependable } from 'cdktf';

export { AwsProvider } from '@cdktf/provider-aws/lib/provider';
export { DataAwsIdentitystoreGroup } from '@cdktf/provider-aws/lib/data-aws-identitystore-group';
export { DataAwsIdentitystoreUser } from '@cdktf/provider-aws/lib/data-aws-identitystore-user';
export { DataAwsKmsAlias } from '@cdktf/provider-aws/lib/data-aws-kms-alias';
export { DataAwsSsoadminInstances } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-instances';
export { DataAwsSsoadminPermissionSet } from '@cdktf/provider-aws/lib/data-aws-ssoadmin-permission-set';
export { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
export { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
export { IdentitystoreGroup } from '@cdktf/provider-aws/lib/identitystore-group';
export { IdentitystoreGroupMembership } from '@cdktf/provider-aws/lib/identitystore-group-membership';
export { IdentitystoreUser, type IdentitystoreUserConfig } from '@cdktf/provider-aws/lib/identitystore-user';
export { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
export { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
export { KmsKeyPolicy } from '@cdktf/provider-aws/lib/kms-key-policy';
export { KmsReplicaKey } from '@cdktf/provider-aws/lib/kms-replica-key';
export { SsoadminAccountAssignment } from '@cdktf/provider-aws/lib/ssoadmin-account-assignment';
export { SsoadminApplication } from '@cdktf/provider-aws/lib/ssoadmin-application';
export { SsoadminApplicationAccessScope } from '@cdktf/provider-aws/lib/ssoadmin-application-access-scope';
export { SsoadminApplicationAssignment } from '@cdktf/provider-aws/lib/ssoadmin-application-assignment';
export { SsoadminApplicationAssignmentConfiguration } from '@cdktf/provider-aws/lib/ssoadmin-application-assignment-configuration';
export { SsoadminInstanceAccessControlAttributes } from '@cdktf/provider-aws/lib/ssoadmin-instance-access-control-attributes';
export { SsoadminCustomerManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-customer-managed-policy-attachment';
export { SsoadminManagedPolicyAttachment } from '@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment';
export { SsoadminPermissionSet } from '@cdktf/provider-aws/lib/ssoadmin-permission-set';
export { SsoadminPermissionSetInlinePolicy } from '@cdktf/provider-aws/lib/ssoadmin-permission-set-inline-policy';
export { SsoadminPermissionsBoundaryAttachment } from '@cdktf/provider-aws/lib/ssoadmin-permissions-boundary-attachment';
