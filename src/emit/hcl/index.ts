export { emitHcl } from './emit';
export { commentText, hclString } from './private/escape';
export { applicationAssignmentKey, applicationScopeKey, membershipKey } from './private/names';
export { keyIdentifiers } from './view-common';
