/** The model stage: load (YAML hardened), schema, validate, and the IR types and helpers every later stage reads. */
export {
  ACCOUNT_ROOT_ARN,
  accountPrincipalArnPattern,
  accountRootArn,
  ALIAS_ARN,
  applicationProviderArn,
  DEFAULT_APPLICATION_PROVIDER,
  arnPartition,
  EXAMPLE_ARNS,
  iamArnAccount,
  iamPrincipalIdentity,
  identityCenterRolesArnPattern,
  identityCenterSamlProvidersArnPattern,
  identityStoreArn,
  identityStoreArnPrefix,
  inAllRegions,
  instanceArn,
  isArn,
  isAwsManagedApplicationProvider,
  isConcreteRoleArn,
  KEY_ARN,
  keyArn,
  keyArnAllRegions,
  keyArnAllRegionsPrefix,
  parseCallerArn,
  parsePermissionSetRoleArn,
  partitionOf,
  PERMISSION_SET_ROLE,
  permissionSetRoleArn,
  permissionSetRoleArnPattern,
  ROLE_ARN,
  roleArn,
  rootManagedPolicyName,
  wholeAccountOf,
} from './arns';
export { ALIAS, PATTERNS, sessionDurationSeconds, toHandle } from './aws-patterns';
export { IDENTITY_CENTER_RULES, type IdentityCenterRule, PRINCIPAL_TAG } from './identity-center-rules';
export {
  type AccessControlAttribute,
  type AddedUseCaseId,
  type ApplicationPortal,
  type ApplicationsUnit,
  type ApplicationSwitch,
  type AssignmentsUnit,
  type BackendConfig,
  compareKeys,
  type CustomerManagedPolicyRef,
  type CustomerManagedPolicyToCreate,
  type DeploymentUnit,
  type IdentityStoreUnit,
  isPolicyUnit,
  type KeyIdentityPolicy,
  type KeyPrincipalRef,
  type ManagementUnit,
  type MemberUnit,
  type PermissionSetsUnit,
  type PermissionsBoundary,
  type PolicyUnit,
  type PrincipalType,
  type ResolvedAccessScope,
  type ResolvedAccount,
  type ResolvedApplication,
  type ResolvedApplicationAssignment,
  type ResolvedAssignment,
  type ResolvedGroup,
  type ResolvedKey,
  type ResolvedModel,
  type ResolvedPermissionSet,
  type ResolvedUser,
  type S3Backend,
  type StatementSource,
  type Tags,
  type UnitKind,
  type UnitOfKind,
  type UseCaseId,
  USER_TEXT_ATTRIBUTES,
  type UserAddress,
  type UserContact,
} from './ir';
export {
  applicationUnit,
  assignmentsByKey,
  assignmentsByPrincipal,
  principalAssignments,
  groupUnit,
  permissionSetUnit,
  unitApplications,
  unitAssignments,
  unitGroups,
  unitMemberLookups,
  unitPermissionSets,
  unitUsers,
  userUnit,
} from './ir-index';
export { formatIssue, type Issue, issueCollector, ModelError, type Severity, sortIssues } from './issues';
export { modelDigest } from './digest';
export { canonicalJson, sortedRecord, toArray } from './json-values';
export { LIMITS, rangeMessage } from './limits';
export { ALL_LINT_RULES } from './lint-rules';
export { type LoadedModel, loadModel, type ModelPath } from './load';
export { LINT_RULES, type LintRule } from './policy-lint-rules';
export {
  type ConditionDraft,
  isPolicyRef,
  type PolicyDocumentJson,
  type PolicyRef,
  type PolicyRefKind,
  type PolicyValue,
  type PolicyValues,
  type PrincipalJson,
  type StatementDraft,
  type StatementJson,
} from './policy-types';
export { normOu } from './private/account-index';
export { accountPolicyNameIssues } from './private/check-account-policies';
export { ouIdMap } from './private/check-ous';
export { normalizeIamPath } from './private/check-permission-sets';
export { delegatedAdminPrincipals, keysWithDelegatedAdmin, managedFromManagement, MANAGEMENT_ASSIGNMENTS_UNIT } from './private/delegated-admin';
export { patternMessage, unknownRef } from './private/describe';
export { nonWhitespaceBytes } from './private/policy-size';
export { type OuIds } from './private/target-refs';
export { parseGuarded } from './private/yaml-guard';
export { hasEmptySegment, trimSlashes } from './paths';
export { isProduction } from './production';
export { otherPartitionMessage, unknownRegionMessage } from './regions';
export {
  type AccountInput,
  POLICY_PROFILES,
  type PolicyProfile,
  type ApplicationInput,
  type AssignmentInput,
  type KeyInput,
  modelJsonSchema,
  type ModelUseCaseId,
  type OrgModel,
  type PermissionSetInput,
  type PrincipalInput,
  type TagSelector,
  type UseCaseConfig,
  type UseCaseInput,
  type UserInput,
} from './schema';
export { buildUnits, type PolicyToCreate, shardAssignments } from './shard';
export { displayOu, type OuSelector, selectAccounts, type TargetInput } from './targets';
export { uniqueNames } from './unique-names';
export { unitOrder, type UnitOrder } from './unit-graph';
export { accessControlResources, applicationResources, groupResources, keyResources, permissionSetResources, userResources } from './unit-resources';
export { parseModel, validateModel } from './validate';
export { ADMIN_BROAD_MAX_MEMBERS, ADMIN_SESSION_MAX, WELL_ARCHITECTED_RULES, type WellArchitectedRule } from './well-architected-rules';
export { iamActionPattern, wildcard } from './wildcard';
