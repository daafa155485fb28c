/**
 * The `idcgen encryption` command: arguments map onto the request, usage errors exit 2, and the
 * exact form the generated Terraform step runs switches the instance.
 */
import yargs from 'yargs';
import { DescribeInstanceCommand, ListInstancesCommand, UpdateInstanceCommand } from '@aws-sdk/client-sso-admin';
import { DescribeKeyCommand, GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { buildRequest, checkArgs, makeEncryptionCommand, type EncryptionArgs } from '../../src/cli/cmds/encryption';
import { targetFromModel, type ModelTarget } from '../../src/aws/model-target';
import type { ResolvedModel } from '../../src/model/ir';
import { loadResolved } from '../../src/pipeline';
import { minimalIr } from '../fixtures/ir/minimal';
import { ACCOUNT, INSTANCE_ARN, KEY_ARN, REGION, baselinePolicy, describeInstance, harness } from './harness';

const ARGS: EncryptionArgs = {
  action: 'enable',
  region: REGION,
  'key-arn': KEY_ARN,
  'confirm-apps': [],
  'dry-run': false,
  yes: false,
  timeout: 600,
  'poll-interval': 5,
};

/** Runs the command as the CLI entry would; returns the exit code and the usage message, if any. */
async function cli(
  argv: string[],
  setup: (h: ReturnType<typeof harness>) => void = () => undefined,
  files: Record<string, string> = {},
  loadTarget: (file: string) => ModelTarget = () => {
    throw new Error('no model in this test');
  },
) {
  const h = harness();
  setup(h);
  let code = 0;
  let usage: string | undefined;
  const command = makeEncryptionCommand(() => ({
    api: () => h.api,
    clock: { now: () => 0, sleep: async () => undefined },
    io: { out: (l) => h.captured.out.push(l), err: (l) => h.captured.err.push(l) },
    readFile: (path) => files[path],
    loadTarget,
    setExitCode: (c) => {
      code = c;
    },
  }));
  await yargs(argv)
    .command(command)
    .strict()
    .fail((msg) => {
      usage = msg;
      code = 2;
    })
    .parseAsync();
  return { code, usage, h };
}

describe('idcgen encryption', () => {
  test('runs the exact command of the generated Terraform step', async () => {
    const { code, usage, h } = await cli(['encryption', 'enable', '--region', REGION, '--instance-arn', INSTANCE_ARN, '--key-arn', KEY_ARN, '--yes'], (h) =>
      h.sso
        .on(DescribeInstanceCommand)
        .resolvesOnce(describeInstance())
        .resolves(describeInstance({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: KEY_ARN, EncryptionStatus: 'ENABLED' })),
    );
    expect(usage).toBeUndefined();
    expect(code).toBe(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(1);
  });

  test('compares with the policy file given by --expected-policy', async () => {
    const expected = baselinePolicy();
    expected.Statement[0] = { ...expected.Statement[0], Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } };
    const { code, h } = await cli(['encryption', 'status', '--region', REGION, '--key-arn', KEY_ARN, '--expected-policy', 'policy.json'], () => undefined, {
      'policy.json': JSON.stringify(expected),
    });
    expect(code).toBe(1);
    expect(h.captured.err[0]).toMatch(
      /^error: key policy statement 'AllowIdentityCenterAdminAccounts' differs from the model: Principal.AWS unexpected 'arn:aws:iam::222222222222:root'/,
    );
  });

  test('splits --confirm-apps on commas and across repeats', async () => {
    const parsed = await yargs(['encryption', 'status', '--region', REGION, '--confirm-apps', 'arn:a, arn:b', '--confirm-apps', 'arn:c'])
      .command({ ...makeEncryptionCommand(), handler: () => undefined })
      .parseAsync();
    expect(parsed['confirm-apps']).toEqual(['arn:a', 'arn:b', 'arn:c']);
  });

  test.each<[string, Partial<EncryptionArgs>, string]>([
    ['no region and no model', { region: undefined }, '--region is required without a model'],
    [
      'a malformed instance arn',
      { 'instance-arn': 'arn:aws:sso:::instance/nope' },
      "--instance-arn 'arn:aws:sso:::instance/nope' is not an identity center instance arn",
    ],
    [
      'an arn that is not a key',
      { 'key-arn': 'arn:aws:iam::111111111111:role/x' },
      "--key-arn 'arn:aws:iam::111111111111:role/x' is not a kms key arn or alias arn",
    ],
    ['enable without a key', { 'key-arn': undefined }, 'enable needs --key-arn'],
    ['disable with a key', { action: 'disable' }, 'disable switches to the aws owned key: --key-arn does not apply'],
    ['a model and an expected policy', { model: 'org.yaml', 'expected-policy': 'p.json' }, '--expected-policy replaces the model'],
    ['a zero timeout', { timeout: 0 }, '--timeout and --poll-interval must be positive'],
  ])('fails as usage if given %s', (_what, change, message) => {
    expect(checkArgs({ ...ARGS, ...change })).toEqual(expect.stringContaining(message));
  });

  test('accepts key ids, aliases and alias arns', () => {
    for (const key of ['alias/identity-center', 'mrk-0123456789abcdef0123456789abcdef', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/identity-center`]) {
      expect(checkArgs({ ...ARGS, 'key-arn': key })).toBe(true);
    }
  });

  test('exits 2 on a usage error, before any AWS call', async () => {
    const { code, usage, h } = await cli(['encryption', 'enable', '--region', REGION]);
    expect(usage).toBeUndefined();
    expect(code).toBe(2);
    expect(h.captured.err[0]).toMatch(/^idcgen: enable needs --key-arn/);
    expect(h.sso.commandCalls(DescribeInstanceCommand)).toHaveLength(0);
  });

  test('exits 2 when a flag contradicts the model', async () => {
    const target = targetFromModel(loadResolved('examples/typical.yaml').ir);
    const { code, h } = await cli(
      ['encryption', 'status', 'examples/typical.yaml', '--region', 'us-east-1'],
      () => undefined,
      {},
      () => target,
    );
    expect(code).toBe(2);
    expect(h.captured.err[0]).toMatch(/^idcgen: --region us-east-1 contradicts the model's identity center region eu-west-1/);
  });
});

describe('model target', () => {
  const ir: ResolvedModel = {
    ...minimalIr,
    keys: [
      {
        ...minimalIr.keys[0],
        keyPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AllowIdentityCenterToUseTheKMSKey',
              Effect: 'Allow',
              Principal: { Service: 'sso.amazonaws.com' },
              Action: 'kms:Decrypt',
              Resource: { ref: 'key-arn', key: 'identity-center' },
              Condition: { StringEquals: { 'kms:EncryptionContext:aws:sso:instance-arn': { ref: 'instance-arn' } } },
            },
          ],
        },
      },
    ],
  };

  test('takes region, instance, management account, organization and key alias from the model', () => {
    const target = targetFromModel(ir);
    expect({ ...target, expectedPolicy: undefined }).toEqual({
      region: 'eu-west-1',
      instanceArn: INSTANCE_ARN,
      managementAccountId: ACCOUNT,
      organizationId: ir.organization.id,
      key: 'alias/identity-center',
      expectedPolicy: undefined,
    });
  });

  test('renders the expected key policy with the live key and instance', () => {
    const policy = targetFromModel(ir).expectedPolicy?.({
      keyArn: KEY_ARN,
      instanceArn: INSTANCE_ARN,
      identityStoreArn: 'unused',
    }) as (typeof ir.keys)[0]['keyPolicy'];
    expect(policy.Statement[0].Resource).toBe(KEY_ARN);
    expect(policy.Statement[0].Condition).toEqual({
      StringEquals: { 'kms:EncryptionContext:aws:sso:instance-arn': INSTANCE_ARN },
    });
  });

  test('has no key when the model keeps the AWS owned key', () => {
    const target = targetFromModel({ ...ir, identityCenter: { ...ir.identityCenter, encryptionKey: undefined } });
    expect(target.key).toBeUndefined();
    expect(target.expectedPolicy).toBeUndefined();
  });

  test('fails as usage if a flag contradicts the model', () => {
    const target = targetFromModel(ir);
    expect(() => buildRequest({ ...ARGS, model: 'org.yaml', region: 'us-east-1' }, target)).toThrow(
      "--region us-east-1 contradicts the model's identity center region eu-west-1",
    );
  });

  test('lets an explicit key arn override the model alias, and keeps the model policy', () => {
    const target = targetFromModel(ir);
    const request = buildRequest({ ...ARGS, model: 'org.yaml', region: undefined }, target);
    expect(request.key).toBe(KEY_ARN);
    expect(request.expectedPolicy).toBe(target.expectedPolicy);
    expect(request.managementAccountId).toBe(ACCOUNT);
    expect(buildRequest({ ...ARGS, model: 'org.yaml', 'key-arn': undefined }, target).key).toBe('alias/identity-center');
  });
});

describe('idcgen encryption <model>', () => {
  test('checks the live key policy against the policy the example model generates', async () => {
    // GIVEN the example model, and a live key whose policy is exactly what idcgen generates for it
    const { ir } = loadResolved('examples/typical.yaml');
    const target = targetFromModel(ir);
    const generated = target.expectedPolicy!({
      keyArn: KEY_ARN,
      instanceArn: INSTANCE_ARN,
      identityStoreArn: `arn:aws:identitystore::${ACCOUNT}:identitystore/d-1111222233`,
    });
    // WHEN a dry run checks it through the model
    const { code, h } = await cli(
      ['encryption', 'enable', 'examples/typical.yaml', '--dry-run'],
      (h) => h.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(generated) }),
      {},
      () => target,
    );
    // THEN the key is looked up by the model's alias, the policy matches, and nothing is written
    expect(h.captured.err).toEqual([]);
    expect(code).toBe(0);
    expect(h.kms.commandCalls(DescribeKeyCommand)[0].args[0].input).toEqual({ KeyId: 'alias/identity-center' });
    expect(h.sso.commandCalls(ListInstancesCommand)).toHaveLength(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('fails if the live key policy lacks a statement the model generates', async () => {
    const target = targetFromModel(loadResolved('examples/typical.yaml').ir);
    // the live policy is the AWS baseline for another delegated admin account: not what the model says
    const { code, h } = await cli(
      ['encryption', 'status', 'examples/typical.yaml'],
      () => undefined,
      {},
      () => target,
    );
    expect(code).toBe(1);
    expect(h.captured.err.some((l) => /^error: key policy statement '.*' (is missing|differs from the model)/.test(l))).toBe(true);
  });
});
