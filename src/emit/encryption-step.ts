/**
 * The opt-in step that switches Identity Center to the customer managed key
 * (`identityCenter.encryption.manage: true`). No Terraform provider can set the key on the instance
 * yet (sso-admin UpdateInstance), so both emitters add a `terraform_data` resource that runs
 * `idcgen encryption enable` once the key policy (and every replica) exists, and again whenever the
 * key ARN changes. Both emitters read this one description, so they cannot drift apart.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_UpdateInstance.html
 */
import type { ResolvedModel } from '../model';

/** Terraform resource name of the step, the same in HCL and CDKTF. */
export const ENCRYPTION_STEP_NAME = 'identity_center_encryption';

export interface EncryptionStep {
  /** The key Identity Center should use. */
  readonly keyName: string;
  /** Identity Center Region. */
  readonly region: string;
  /**
   * The shell command, given the Terraform expressions (already in `${...}` form) of the key ARN
   * and the instance ARN. Everything else in it is a plain literal without `${` or `%{`.
   */
  command(keyArnExpr: string, instanceArnExpr: string): string;
}

/** The step, or undefined when the model does not opt in (then nothing is generated). */
export function encryptionStep(ir: ResolvedModel): EncryptionStep | undefined {
  const { manageEncryption, encryptionKey, region } = ir.identityCenter;
  if (!manageEncryption || !encryptionKey) return undefined;
  return {
    keyName: encryptionKey,
    region,
    command: (keyArnExpr, instanceArnExpr) => `idcgen encryption enable --region ${region} --instance-arn ${instanceArnExpr} --key-arn ${keyArnExpr} --yes`,
  };
}
