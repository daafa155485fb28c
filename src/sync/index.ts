/** `idcgen accounts`: keep the model's accounts in step with AWS Organizations. */
export { type EditedFile, type SourceText } from './accounts-file';
export { syncAccounts, type SyncDeps } from './run';
