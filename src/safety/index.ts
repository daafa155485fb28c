/**
 * The product's safety rails, light entry: the rail catalogue and the rails lint findings pass
 * through (every command that resolves a model loads this). The rails checked against generated
 * files and the output directory load HashiCorp's HCL parser: their entry is safety/output.
 */
export { applyRail, type RailOptions } from './lint-rails';
export { allowedMessage, isRail, LINT_RAILS, RAIL_IDS, refusedMessage, SAFETY_RAILS, type RailId, type RailSpec } from './rails';
