/**
 * A key's policy profile: `baseline` (the newest consolidated AWS key policy) or `least-privilege`
 * (the per-use-case statements). The schema, the policy engine and import read this list. A leaf of
 * its own so the schema can read it without importing the IR (which reads the schema's use case ids).
 */
export const POLICY_PROFILES = ['baseline', 'least-privilege'] as const;
export type PolicyProfile = (typeof POLICY_PROFILES)[number];
