export { changedSinceProblem, changedSinceSource } from './base-source';
export { describePlan, planAgainst, planIncremental, unitsToKeep, type IncrementalInput, type IncrementalPlan } from './changed-since';
export { generatedFrom, generatedFromDifference, type GeneratedFrom } from './generated-from';
