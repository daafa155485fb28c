/**
 * Safety rails checked against the generated files and the output directory (deletion protection,
 * removed keys, orphaned state), and review.md, which opens with the rails a run was allowed to
 * break. Loads @cdktf/hcl2json: only `generate`, `synth` and the library's rails load this entry.
 */
export { enforceModelRails, enforceRails, type Allowance, type RailsInput, type RailsResult } from './enforce';
export { deletionWindowFindings, preventDestroyFindings, KEY_RESOURCE_TYPES, type DeletionFinding } from './deletion-protection';
export { renderUnsafeSection } from './review-section';
export { outputFacts, removedKeys, removedKeyMessage, type KeyFact, type RemovedKey } from './key-removal';
export { renderModelReview } from './model-review';
