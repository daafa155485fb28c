/**
 * Terraform settings both emitters write, from one place so the HCL roots and the CDKTF stacks
 * cannot disagree.
 */
import { type BackendConfig, trimSlashes } from '../model';

/**
 * AWS provider versions admitted: 5.100 is the oldest tested (the output uses no per-resource
 * `region`, a 6.x addition), 6.x is admitted (the prebuilt CDKTF provider pins 6.25.0 exactly).
 */
export const AWS_PROVIDER_VERSION = '>= 5.100.0, < 7.0.0';

/**
 * Oldest Terraform the modules and a root run on: 1.5 (import and check blocks). Every versions.tf in modules/
 * write the same constraints (test/architecture/module-versions.test.ts holds them to these).
 */
export const TERRAFORM_VERSION = '>= 1.5.0';

/**
 * Oldest Terraform a root runs on: TERRAFORM_VERSION, or 1.10 with the S3 backend, whose
 * `use_lockfile` appeared in 1.10.
 * @see https://developer.hashicorp.com/terraform/language/backend/s3#state-locking
 */
export function requiredTerraformVersion(backend: BackendConfig): string {
  return backend.type === 's3' ? '>= 1.10.0' : TERRAFORM_VERSION;
}

/**
 * Bool variable of member-account roots whose plan role differs from the apply role: true while
 * planning (`TF_VAR_idcgen_plan=true`), so the provider assumes `deployment.planRoleName`.
 */
export const PLAN_VARIABLE = 'idcgen_plan';

/** S3 state key of a unit: `<keyPrefix>/<unit>/terraform.tfstate` (no leading `/` without a prefix). */
export function stateKey(keyPrefix: string, unit: string): string {
  const prefix = trimSlashes(keyPrefix);
  return prefix ? `${prefix}/${unit}/terraform.tfstate` : `${unit}/terraform.tfstate`;
}

/** The local backend's state path, relative to the root (or stack) directory. */
export const LOCAL_STATE_PATH = 'terraform.tfstate';
