/** `idcgen import`: read an existing Identity Center estate into a model and an import plan. */
export { Caller, createClients, isThrottle, mapLimit, RATE_LIMITS, RETRY, type CallerOptions, type ImportClients, type Service } from './aws';
export type * from './estate';
export { inferTarget, TargetInference, type InferredTarget } from './infer-targets';
export { IMPORT_PLAN_FORMAT, IMPORT_PLAN_VERSION, ImportResourceType, parseImportPlan, renderImportPlan, type ImportPlan, type ImportResource } from './plan';
export { Progress, type ProgressStream } from './progress';
export { readEstate, type ReadOptions, readOrganization } from './read';
export { runImport, type ImportDeps, type ImportOptions, type ImportOutput } from './run';
export { estateToModel, type ImportResult, ouString } from './to-model';
export { renderModelYaml, AMBIGUOUS } from './yaml';
export { compareExternalPermissionSets } from './external-compare';
export { planPathFor, withImportPlan } from './with-plan';
