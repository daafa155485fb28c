export { applyRail, type RailOptions } from './lint-rails';
export { enforceModelRails, enforceRails, type Allowance, type RailsInput, type RailsResult } from './enforce';
export { allowedMessage, isRail, LINT_RAILS, RAIL_IDS, refusedMessage, SAFETY_RAILS, type RailId, type RailSpec } from './rails';
export { deletionWindowFindings, preventDestroyFindings, KEY_RESOURCE_TYPES, type DeletionFinding } from './deletion-protection';
export { renderUnsafeSection } from './review-section';
export { outputFacts, removedKeys, removedKeyMessage, type KeyFact, type RemovedKey } from './key-removal';
export { renderModelReview } from './model-review';
