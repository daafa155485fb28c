import { DataResource, TerraformStack, Testing } from '../../../src/emit/cdktf/cdktf';
import { IdentityCenterEncryption } from '../../../src/emit/cdktf/constructs/encryption-step';
import { ManagementStack } from '../../../src/emit/cdktf/stacks/management-stack';
import { ENCRYPTION_STEP_NAME, encryptionStep } from '../../../src/emit/encryption-step';
import type { ResolvedModel } from '../../../src/model/ir';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';
import { unitNamed } from '../../support/units';
import { blocks } from './helpers';

function managementSynth(ir: ResolvedModel): string {
  const stack = new ManagementStack(Testing.app(), 'management', { ir, unit: unitNamed(ir, 'management', 'management') });
  return Testing.synth(stack as TerraformStack);
}

describe('IdentityCenterEncryption', () => {
  test('runs `idcgen encryption enable` with the key and instance ARNs, replaced when the key ARN changes', () => {
    const step = encryptionStep(fullIr)!;
    const s = Testing.synthScope((scope) => {
      new IdentityCenterEncryption(scope, 'Encryption', {
        step,
        keyArn: 'KEY',
        instanceArn: 'INSTANCE',
        dependsOn: [],
      });
    });
    expect(s).toHaveResourceWithProperties(DataResource, {
      triggers_replace: ['KEY'],
      provisioner: [{ 'local-exec': { command: 'idcgen encryption enable --region eu-west-1 --instance-arn INSTANCE --key-arn KEY --yes' } }],
    });
    expect(Object.keys(blocks(s, 'terraform_data'))).toEqual([ENCRYPTION_STEP_NAME]);
  });

  test('in the management stack it waits for the key policy and every replica', () => {
    const step = blocks(managementSynth(fullIr), 'terraform_data')[ENCRYPTION_STEP_NAME];
    expect(step.depends_on).toEqual([
      expect.stringMatching(/^aws_kms_key_policy\./),
      expect.stringMatching(/^aws_kms_replica_key\..*eu-central-1/),
      expect.stringMatching(/^aws_kms_replica_key\..*us-east-1/),
    ]);
    const command = (step.provisioner as { 'local-exec': { command: string } }[])[0]['local-exec'].command;
    expect(command).toMatch(
      /^idcgen encryption enable --region eu-west-1 --instance-arn \$\{one\(data\.aws_ssoadmin_instances\.[\w-]+\.arns\)\} --key-arn \$\{aws_kms_key\.[\w-]+\.arn\} --yes$/,
    );
  });

  test('is absent when the model does not opt in', () => {
    expect(managementSynth(minimalIr)).not.toHaveResource(DataResource);
  });
});
