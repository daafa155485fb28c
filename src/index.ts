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
export { formatIssue, ModelError } from './model';
export type { Issue, Severity } from './model';
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
} from './model';
export { isPolicyUnit } from './model';
export { unitOrder } from './model';
export type { UnitOrder } from './model';

export { IdentityCenterStacks } from './emit/cdktf';
export type { IdentityCenterStacksProps } from './emit/cdktf';
export type { BackendConfigurer, UnitStackConfig } from './emit/cdktf';
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
export { IdentityStoreStack } from './emit/cdktf';
export type { IdentityStoreStackConfig } from './emit/cdktf';
export { PermissionSetsStack } from './emit/cdktf';
export type { PermissionSetsStackConfig } from './emit/cdktf';
export { unitsFile } from './emit/apply-order';
export type { UnitEntry, UnitsFile } from './emit/apply-order';
