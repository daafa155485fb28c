/** The CMK policy engine: typed policies, the use-case catalog, key building and lint. */
export { PolicyStatement, type PolicyStatementProps, type Effect, type Conditions } from './statement';
export { PolicyDocument, policyBytes, policyNonWhitespaceChars, type PolicyDocumentProps } from './document';
export { renderPolicy, type PolicyRefValues } from './render';
export { buildKeys, type KeyBuildResult, type KeyContext, type KeyProblem } from './keys';
export { withKeyStatements } from './inline';
export { lintModel, LINT_RULES, type LintFinding, type LintRule } from './lint';
export * from './types';
export * from './json';
export { actionsAllowedByIdentityPolicies, kmsDecision, type Decision, type IdentityPolicy, type KmsRequest, type Tri } from './evaluate';
export { keyPower, KEY_POWER_LEVELS, type KeyPower, type KeyPowerLevel } from './key-power';
export { POLICY_REF_KINDS, refParts, type ApplyTimeValue, type RefContext, type RefPart } from './refs';
