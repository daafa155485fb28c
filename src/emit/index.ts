/**
 * What both emitters share and is light to load: file maps, Terraform settings, the encryption step.
 * The emitters have their own entries: emit/cdktf (loads cdktf and the AWS provider), emit/hcl,
 * emit/apply-order.
 */
export { type FileMap, keptFiles, type KeptUnits, mergeFileMaps, unitOfPath } from './files';
export { unescapeTemplate } from './template-text';
