export { emitHcl, hclModuleCalls } from './emit';
export { HCL_MODULES, moduleSource, type HclModule, type HclModuleCall } from './module-calls';
export { commentText, hclString } from './private/escape';
export { applicationAssignmentKey, applicationScopeKey, membershipKey } from './private/names';
export { keyIdentifiers } from './view-common';
