export { changedSinceProblem, changedSinceSource } from './base-source';
export { describePlan, planAgainst, planIncremental, type IncrementalInput, type IncrementalPlan } from './changed-since';
export { generatedFrom, generatedFromDifference, modelDigest, type GeneratedFrom } from './generated-from';
