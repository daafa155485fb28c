/** The resolve stage: a validated model and the policy engine's keys become the IR (model/ir.ts). */
export { resolveWithIssues } from './resolve';
