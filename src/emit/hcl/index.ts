export { emitHcl } from './emit';
export { hclString } from './private/escape';
export { applicationAssignmentKey, applicationScopeKey, membershipKey } from './private/names';
export { keyIdentifiers } from './view-common';
