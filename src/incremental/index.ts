export { changedSinceProblem, changedSinceSource } from './base-source';
export { describePlan, loadChangedSinceBase, planAgainst, planIncremental, unitsToKeep, type IncrementalInput, type IncrementalPlan } from './changed-since';
export { generatedFrom, generatedFromDifference, type GeneratedFrom } from './generated-from';
