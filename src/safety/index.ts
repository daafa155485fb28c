export { applyRail, type RailOptions } from './lint-rails';
export { enforceRails, type Allowance, type RailsInput, type RailsResult } from './enforce';
export { allowedMessage, isRail, LINT_RAILS, RAIL_IDS, refusedMessage, SAFETY_RAILS, type RailId, type RailSpec } from './rails';
export { deletionWindowFindings, preventDestroyFindings, KEY_RESOURCE_TYPES, type DeletionFinding } from './deletion-protection';
export { renderUnsafeSection } from './review-section';
export { recoverInterruptedWrites, tempPrefix } from './interrupted-output';
export { parseGuarded, type YamlBudget, type YamlExcess } from './yaml-guard';
export { indentationTabAtFirstError } from './yaml-tabs';
export { fileIdentity, realPathOutside } from './inside-directory';
