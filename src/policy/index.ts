/** The CMK policy engine: typed policies, the use-case catalog, key building and lint. */
export { PolicyStatement, type PolicyStatementProps, type Effect, type Conditions } from './statement';
export { PolicyDocument, policyBytes, policyNonWhitespaceChars, type PolicyDocumentProps } from './document';
export { renderPolicy, type PolicyRefValues, renderStatement } from './render';
export { buildKeys, type KeyBuildResult, type KeyContext, type KeyProblem } from './keys';
export { withKeyStatements } from './inline';
export { lintModel, type LintFinding } from './lint';
export { administratorAccessReasons, customerPolicyDocuments, permissionSetAdminGrants } from './admin-access';
export { ACTIONS, CONDITION_KEYS, DOCS, EC_CONDITION, ENCRYPTION_CONTEXT_KEYS, KEY_SPEC, SERVICE_PRINCIPALS } from './catalog/aws';
export { MODEL_USE_CASE_IDS, type ModelUseCaseId, useCaseEntry, type UseCaseId, useCaseOrder } from './catalog/use-cases';
export { findingPath } from './finding-path';
export { type IdentityCenterFinding, lintIdentityCenter } from './identity-center-lint';
export { lintWellArchitected, type WellArchitectedFinding } from './well-architected';
export * from './json';
export { POLICY_REF_KINDS, refParts, type ApplyTimeValue, type RefContext, type RefPart } from './refs';
