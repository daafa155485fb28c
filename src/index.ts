/**
 * idcgen as a library: load an organization model and add its Identity Center stacks, or single
 * constructs, to a CDKTF app of your own. Everything here is public and documented; anything
 * imported from another path of the package is internal and may change.
 *
 * @example
 * import { App } from 'cdktf';
 * import { IdentityCenterStacks, loadModel } from 'idcgen';
 *
 * const app = new App();
 * new IdentityCenterStacks(app, { model: loadModel('org.yaml').model });
 * app.synth();
 *
 * @packageDocumentation
 */
export { loadModel } from './library';
export type { LoadedOrgModel, LoadModelOptions } from './library';
export type { RailId } from './safety';
export { formatIssue, ModelError } from './model/issues';
export type { Issue, Severity } from './model/issues';
export type {
  AccessControlAttribute,
  AddedUseCaseId,
  ApplicationPortal,
  ApplicationsUnit,
  ApplicationSwitch,
  AssignmentsUnit,
  BackendConfig,
  CustomerManagedPolicyRef,
  CustomerManagedPolicyToCreate,
  DeploymentUnit,
  IdentityStoreUnit,
  KeyIdentityPolicy,
  ManagementUnit,
  MemberUnit,
  PermissionSetsUnit,
  PermissionsBoundary,
  PolicyUnit,
  PrincipalType,
  ResolvedAccessScope,
  ResolvedAccount,
  ResolvedApplication,
  ResolvedApplicationAssignment,
  ResolvedAssignment,
  ResolvedGroup,
  ResolvedKey,
  ResolvedModel,
  ResolvedPermissionSet,
  ResolvedUser,
  S3Backend,
  StatementSource,
  Tags,
  UnitKind,
  UnitOfKind,
  UseCaseId,
} from './model/ir';
export { isPolicyUnit } from './model/ir';
export { unitOrder } from './model/unit-graph';
export type { UnitOrder } from './model/unit-graph';

export { IdentityCenterStacks } from './emit/cdktf/identity-center-stacks';
export type { IdentityCenterStacksProps } from './emit/cdktf/identity-center-stacks';
export type { BackendConfigurer, UnitStackConfig } from './emit/cdktf/private/stack-setup';
export {
  AccessControlAttributes,
  AccountAssignments,
  Applications,
  ApplicationsStack,
  AssignmentsStack,
  IdentityCenterEncryption,
  IdentityCenterInstance,
  IdentityCenterKey,
  IdentityStore,
  KeyUserPolicies,
  ManagementStack,
  MemberAccountStack,
  PermissionSets,
} from './emit/cdktf';
export type {
  AccessControlAttributesProps,
  AccountAssignmentsProps,
  ApplicationsProps,
  ApplicationsStackConfig,
  AssignmentsStackConfig,
  IdentityCenterEncryptionProps,
  IdentityCenterInstanceProps,
  IdentityCenterKeyProps,
  IdentityStoreProps,
  KeyUserPoliciesProps,
  ManagementStackConfig,
  MemberAccountStackConfig,
  PermissionSetsProps,
} from './emit/cdktf';
export { IdentityStoreStack } from './emit/cdktf/stacks/identity-store-stack';
export type { IdentityStoreStackConfig } from './emit/cdktf/stacks/identity-store-stack';
export { PermissionSetsStack } from './emit/cdktf/stacks/permission-sets-stack';
export type { PermissionSetsStackConfig } from './emit/cdktf/stacks/permission-sets-stack';
export { unitsFile } from './emit/apply-order';
export type { UnitEntry, UnitsFile } from './emit/apply-order';
