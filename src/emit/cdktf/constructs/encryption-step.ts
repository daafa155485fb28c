/**
 * The opt-in step that switches Identity Center to the key (see src/emit/encryption-step.ts): a
 * `terraform_data` with a local-exec provisioner, run once the key policy and every replica exist,
 * and again whenever the key ARN changes. Its address is the one the HCL emitter uses, so state and
 * reviews read the same in both outputs.
 */
import { Construct, DataResource } from '../cdktf';
import type { ITerraformDependable } from '../cdktf';
import { ENCRYPTION_STEP_NAME, type EncryptionStep } from '../../encryption-step';

/** Props of {@link IdentityCenterEncryption}. */
export interface IdentityCenterEncryptionProps {
  readonly step: EncryptionStep;
  /** Terraform expression of the key ARN. */
  readonly keyArn: string;
  /** Terraform expression of the instance ARN. */
  readonly instanceArn: string;
  /** The key policy and the replicas: switching before they exist locks Identity Center out. */
  readonly dependsOn: readonly ITerraformDependable[];
}

/** The opt-in step that runs `idcgen encryption enable` once the key policy exists (`identityCenter.encryption.manage`). */
export class IdentityCenterEncryption extends Construct {
  readonly resource: DataResource;

  constructor(scope: Construct, id: string, props: IdentityCenterEncryptionProps) {
    super(scope, id);
    this.resource = new DataResource(this, 'Step', {
      provisioners: [{ type: 'local-exec', command: props.step.command(props.keyArn, props.instanceArn) }],
      dependsOn: [...props.dependsOn],
    });
    // A one-element list, as the HCL emitter writes it, so both plan the same value. cdktf types
    // triggers_replace as a map and would turn a list into {"0": …}, hence the override.
    this.resource.addOverride('triggers_replace', [props.keyArn]);
    this.resource.overrideLogicalId(ENCRYPTION_STEP_NAME);
  }
}
