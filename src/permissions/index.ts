export { commandDocuments, unitDocuments } from './deployer';
export type { Mode, PermissionDocument, UnitTypes } from './deployer';
export { ENCRYPTION_ACTIONS, IMPORT_ACTIONS } from './sdk-actions';
export { TERRAFORM_ACTIONS } from './terraform-actions';
export type { TypeActions } from './terraform-actions';
export { unitTypes } from './unit-types';
