/**
 * The opt-in encryption step both emitters render: its command is the `idcgen encryption enable`
 * form the CLI accepts, and there is no step unless the model opts in with a key.
 */
import yargs from 'yargs';
import { encryptionStep } from '../../src/emit/encryption-step';
import { checkArgs, makeEncryptionCommand, type EncryptionArgs } from '../../src/cli/cmds/encryption';
import type { ResolvedModel } from '../../src/model/ir';
import { minimalIr } from '../fixtures/ir/minimal';

const optedIn: ResolvedModel = {
  ...minimalIr,
  identityCenter: { ...minimalIr.identityCenter, manageEncryption: true },
};

describe('encryptionStep', () => {
  test('runs idcgen encryption enable with the region literal and the ARNs as expressions', () => {
    const step = encryptionStep(optedIn);
    expect(step).toBeDefined();
    expect(step?.keyName).toBe('identity-center');
    expect(step?.region).toBe('eu-west-1');
    expect(step?.command('${aws_kms_key.this.arn}', '${local.instance_arn}')).toBe(
      'idcgen encryption enable --region eu-west-1 --instance-arn ${local.instance_arn} --key-arn ${aws_kms_key.this.arn} --yes',
    );
  });

  test('is absent when the model does not opt in', () => {
    expect(encryptionStep(minimalIr)).toBeUndefined();
  });

  test('is absent when the model opts in but keeps the AWS owned key', () => {
    expect(encryptionStep({ ...optedIn, identityCenter: { ...optedIn.identityCenter, encryptionKey: undefined } })).toBeUndefined();
  });

  test('produces a command the idcgen CLI accepts once Terraform fills in the ARNs', async () => {
    // GIVEN the command as Terraform runs it, with the expressions evaluated
    const keyArn = 'arn:aws:kms:eu-west-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef';
    const instanceArn = 'arn:aws:sso:::instance/ssoins-1111222233334444';
    const line = encryptionStep(optedIn)!.command(keyArn, instanceArn);
    const [program, ...argv] = line.split(' ');
    expect(program).toBe('idcgen');
    // WHEN the encryption command parses it
    let parsed: EncryptionArgs | undefined;
    await yargs(argv)
      .command({ ...makeEncryptionCommand(), handler: (a) => void (parsed = a) })
      .strict()
      .fail((msg) => {
        throw new Error(`usage error: ${msg}`);
      })
      .parseAsync();
    // THEN it is a non-interactive enable of that key on that instance, valid as usage
    expect(parsed).toMatchObject({
      action: 'enable',
      region: 'eu-west-1',
      'instance-arn': instanceArn,
      'key-arn': keyArn,
      yes: true,
      'dry-run': false,
    });
    expect(checkArgs(parsed!)).toBe(true);
  });
});
