/**
 * Entry of the key-power analysis (what a key policy and identity policies let each principal do
 * with a key: ../evaluate.ts, ../key-power.ts), for review and the live-key checks. Apart from
 * policy/index because it loads the AWS managed policy catalogue, which validate and lint do not
 * need (see ARCHITECTURE.md, "Light and heavy entries").
 */
export { actionsAllowedByIdentityPolicies, kmsDecision, type Decision, type IdentityPolicy, type KmsRequest, type Tri, type ContextValue } from '../evaluate';
export { keyPower, KEY_POWER_LEVELS, type KeyPower, type KeyPowerLevel } from '../key-power';
