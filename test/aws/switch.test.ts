/**
 * enable / disable: UpdateInstance is called once with exactly one encryption configuration,
 * the instance is polled until ENABLED or UPDATE_FAILED, and nothing is written when the
 * instance is already in the wanted state, on a dry run, or without confirmation.
 */
import { AccessDeniedException, DescribeInstanceCommand, ListInstancesCommand, ThrottlingException, UpdateInstanceCommand } from '@aws-sdk/client-sso-admin';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { UsageError } from '../../src/aws/encryption';
import { ACCOUNT, ALIAS, HEALTHY_KEY, INSTANCE_ARN, KEY_ARN, REGION, describeInstance, errors, harness } from './harness';

const CMK_UPDATING = describeInstance({
  KeyType: 'CUSTOMER_MANAGED_KEY',
  KmsKeyArn: KEY_ARN,
  EncryptionStatus: 'UPDATING',
});
const CMK_ENABLED = describeInstance({
  KeyType: 'CUSTOMER_MANAGED_KEY',
  KmsKeyArn: KEY_ARN,
  EncryptionStatus: 'ENABLED',
});
const OWNED_ENABLED = describeInstance({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' });

const throttled = () => new ThrottlingException({ message: 'Rate exceeded', $metadata: {} });

describe('enable', () => {
  test('switches to the key and waits through UPDATING until ENABLED', async () => {
    // GIVEN an instance on the AWS owned key that reports UPDATING twice after the switch
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolvesOnce(OWNED_ENABLED).resolvesOnce(CMK_UPDATING).resolvesOnce(CMK_UPDATING).resolves(CMK_ENABLED);
    // WHEN enable runs on a terminal
    const code = await h.run({ action: 'enable' }, { tty: true });
    // THEN exactly one UpdateInstance names the key, and the poll ends on ENABLED
    expect(code).toBe(0);
    const calls = h.sso.commandCalls(UpdateInstanceCommand);
    expect(calls.map((c) => c.args[0].input)).toEqual([
      { InstanceArn: INSTANCE_ARN, EncryptionConfiguration: { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: KEY_ARN } },
    ]);
    expect(h.captured.sleeps).toEqual([5000, 5000]);
    expect(h.captured.progress).toEqual(['waiting for identity center encryption: UPDATING (0s)', 'waiting for identity center encryption: UPDATING (5s)']);
    expect(h.captured.out).toContain(`identity center now uses CUSTOMER_MANAGED_KEY ${KEY_ARN} (ENABLED)`);
  });

  test('draws no progress line when stderr is not a terminal', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolvesOnce(OWNED_ENABLED).resolvesOnce(CMK_UPDATING).resolves(CMK_ENABLED);
    expect(await h.run({ action: 'enable' })).toBe(0);
    expect(h.captured.progress).toEqual([]);
  });

  test('resolves an alias to the key ARN before calling UpdateInstance', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolvesOnce(OWNED_ENABLED).resolves(CMK_ENABLED);
    expect(await h.run({ action: 'enable', key: ALIAS })).toBe(0);
    expect(h.kms.commandCalls(DescribeKeyCommand)[0].args[0].input).toEqual({ KeyId: ALIAS });
    expect(h.sso.commandCalls(UpdateInstanceCommand)[0].args[0].input.EncryptionConfiguration).toEqual({
      KeyType: 'CUSTOMER_MANAGED_KEY',
      KmsKeyArn: KEY_ARN,
    });
  });

  test('fails with the reason when the switch ends in UPDATE_FAILED', async () => {
    const h = harness();
    const reason = 'KMS key access denied: kms:GenerateDataKeyWithoutPlaintext not allowed for sso.amazonaws.com';
    h.sso
      .on(DescribeInstanceCommand)
      .resolvesOnce(OWNED_ENABLED)
      .resolvesOnce(CMK_UPDATING)
      .resolves(
        describeInstance({
          KeyType: 'CUSTOMER_MANAGED_KEY',
          KmsKeyArn: KEY_ARN,
          EncryptionStatus: 'UPDATE_FAILED',
          EncryptionStatusReason: reason,
        }),
      );
    const code = await h.run({ action: 'enable' });
    expect(code).toBe(1);
    expect(errors(h.captured)).toEqual([expect.stringMatching(new RegExp(`^key switch failed: UPDATE_FAILED: ${reason}; the previous key stays in use`))]);
  });

  test('fails after the timeout when the switch never finishes', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolvesOnce(OWNED_ENABLED).resolves(CMK_UPDATING);
    const code = await h.run({ action: 'enable', timeoutSeconds: 12, pollIntervalSeconds: 5 });
    expect(code).toBe(1);
    // 5 + 5 + 2: the last sleep is cut to end at the timeout
    expect(h.captured.sleeps).toEqual([5000, 5000, 2000]);
    expect(errors(h.captured)[0]).toMatch(/^timed out after 12s waiting for ENABLED \(last: CUSTOMER_MANAGED_KEY .* UPDATING\)/);
  });

  test('does not count ENABLED on the previous key as done', async () => {
    // DescribeInstance may still show the old key right after UpdateInstance
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolvesOnce(OWNED_ENABLED).resolvesOnce(OWNED_ENABLED).resolves(CMK_ENABLED);
    expect(await h.run({ action: 'enable' })).toBe(0);
    expect(h.captured.sleeps).toEqual([5000]);
  });

  test('is a no-op when the instance already uses the key', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolves(CMK_ENABLED);
    const code = await h.run({ action: 'enable' });
    expect(code).toBe(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
    expect(h.captured.out).toContain(`identity center already uses CUSTOMER_MANAGED_KEY ${KEY_ARN}: nothing to do`);
  });

  test('waits without writing when a switch to the same key is already in progress', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolvesOnce(CMK_UPDATING).resolvesOnce(CMK_UPDATING).resolves(CMK_ENABLED);
    expect(await h.run({ action: 'enable' })).toBe(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('fails if a switch to another key is in progress', async () => {
    const h = harness();
    const other = `arn:aws:kms:${REGION}:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
    h.sso.on(DescribeInstanceCommand).resolves(describeInstance({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: other, EncryptionStatus: 'UPDATING' }));
    expect(await h.run({ action: 'enable' })).toBe(1);
    expect(errors(h.captured)[0]).toMatch(/^another key switch is in progress/);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('retries the switch after an earlier UPDATE_FAILED', async () => {
    const h = harness();
    const failed = describeInstance({
      KeyType: 'CUSTOMER_MANAGED_KEY',
      KmsKeyArn: KEY_ARN,
      EncryptionStatus: 'UPDATE_FAILED',
      EncryptionStatusReason: 'key disabled',
    });
    h.sso.on(DescribeInstanceCommand).resolvesOnce(failed).resolves(CMK_ENABLED);
    expect(await h.run({ action: 'enable' })).toBe(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(1);
  });

  test('makes no write call on a dry run', async () => {
    const h = harness();
    expect(await h.run({ action: 'enable', dryRun: true, yes: false })).toBe(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
    expect(h.captured.questions).toEqual([]);
  });

  test('fails if stdin is not a terminal and --yes was not given', async () => {
    const h = harness();
    const code = await h.run({ action: 'enable', yes: false });
    expect(code).toBe(1);
    expect(errors(h.captured)).toEqual(['refusing to switch the key without confirmation: stdin is not a terminal; pass --yes to confirm']);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('asks before switching, and writes nothing when the answer is no', async () => {
    const declined = harness();
    expect(await declined.run({ action: 'enable', yes: false }, { answer: false })).toBe(1);
    expect(declined.captured.questions).toEqual([`switch identity center ${INSTANCE_ARN} from AWS_OWNED_KMS_KEY ENABLED to CUSTOMER_MANAGED_KEY ${KEY_ARN}?`]);
    expect(declined.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);

    const accepted = harness();
    accepted.sso.on(DescribeInstanceCommand).resolvesOnce(OWNED_ENABLED).resolves(CMK_ENABLED);
    expect(await accepted.run({ action: 'enable', yes: false }, { answer: true })).toBe(0);
    expect(accepted.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(1);
  });

  test('retries throttled calls with backoff, then succeeds', async () => {
    // GIVEN KMS and sso-admin both throttle before answering
    const h = harness();
    h.kms
      .on(DescribeKeyCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ KeyMetadata: HEALTHY_KEY });
    h.sso.on(UpdateInstanceCommand).rejectsOnce(throttled()).resolves({});
    h.sso.on(DescribeInstanceCommand).resolvesOnce(OWNED_ENABLED).resolves(CMK_ENABLED);
    // WHEN enable runs
    const code = await h.run({ action: 'enable' });
    // THEN each throttled call was repeated after a growing wait (jitter fixed at its midpoint)
    expect(code).toBe(0);
    expect(h.kms.commandCalls(DescribeKeyCommand)).toHaveLength(3);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(2);
    expect(h.captured.sleeps).toEqual([750, 1500, 750]);
  });

  test('fails with a clear message when throttling outlasts the retries', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).rejects(throttled());
    const code = await h.run({ action: 'enable' });
    expect(code).toBe(1);
    expect(h.sso.commandCalls(DescribeInstanceCommand)).toHaveLength(6);
    expect(errors(h.captured)).toEqual(['DescribeInstance was throttled (ThrottlingException) and retries ran out: try again later']);
  });

  test('names the missing permission and the KMS permissions the caller needs when UpdateInstance is denied', async () => {
    const h = harness();
    h.sso.on(UpdateInstanceCommand).rejects(
      new AccessDeniedException({
        message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci is not authorized to perform: sso:UpdateInstance on resource: ${INSTANCE_ARN}`,
        $metadata: {},
      }),
    );
    expect(await h.run({ action: 'enable' })).toBe(1);
    expect(errors(h.captured)[0]).toMatch(
      new RegExp(
        `^access denied: arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci is missing sso:UpdateInstance on ${INSTANCE_ARN} \\(UpdateInstance\\).*; the caller of UpdateInstance also needs kms:Decrypt, kms:DescribeKey, kms:Encrypt, kms:GenerateDataKey on the key`,
      ),
    );
  });

  test('fails if enable has no key', async () => {
    const h = harness();
    await expect(h.run({ action: 'enable', key: undefined })).rejects.toThrow(UsageError);
  });
});

describe('instance lookup', () => {
  test('finds the only instance of the region with ListInstances', async () => {
    const h = harness();
    expect(await h.run({ action: 'enable', dryRun: true, instanceArn: undefined })).toBe(0);
    expect(h.sso.commandCalls(ListInstancesCommand)).toHaveLength(1);
    expect(h.sso.commandCalls(DescribeInstanceCommand)[0].args[0].input).toEqual({ InstanceArn: INSTANCE_ARN });
  });

  test('skips ListInstances when the instance ARN is given', async () => {
    const h = harness();
    expect(await h.run({ action: 'enable', dryRun: true, instanceArn: INSTANCE_ARN })).toBe(0);
    expect(h.sso.commandCalls(ListInstancesCommand)).toHaveLength(0);
  });

  test.each([
    [[], `no identity center instance found in ${REGION}: check the region`],
    [
      [{ InstanceArn: INSTANCE_ARN }, { InstanceArn: 'arn:aws:sso:::instance/ssoins-5555666677778888' }],
      `2 identity center instances found in ${REGION} (${INSTANCE_ARN}, arn:aws:sso:::instance/ssoins-5555666677778888): pass --instance-arn`,
    ],
  ])('fails if the region does not hold exactly one instance (%#)', async (instances, message) => {
    const h = harness();
    h.sso.on(ListInstancesCommand).resolves({ Instances: instances });
    expect(await h.run({ action: 'enable', dryRun: true })).toBe(1);
    expect(errors(h.captured)).toEqual([message]);
  });
});

describe('disable', () => {
  test('switches back to the AWS owned key without naming a key', async () => {
    const h = harness();
    h.sso
      .on(DescribeInstanceCommand)
      .resolvesOnce(CMK_ENABLED)
      .resolvesOnce(describeInstance({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'UPDATING' }))
      .resolves(OWNED_ENABLED);
    const code = await h.run({ action: 'disable', key: undefined });
    expect(code).toBe(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand).map((c) => c.args[0].input)).toEqual([
      { InstanceArn: INSTANCE_ARN, EncryptionConfiguration: { KeyType: 'AWS_OWNED_KMS_KEY' } },
    ]);
    // the AWS owned key always works: the customer key is not inspected
    expect(h.kms.commandCalls(DescribeKeyCommand)).toHaveLength(0);
    expect(h.captured.out).toContain('identity center now uses AWS_OWNED_KMS_KEY (ENABLED)');
  });

  test('is a no-op when the instance already uses the AWS owned key', async () => {
    const h = harness();
    expect(await h.run({ action: 'disable' })).toBe(0);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('fails if stdin is not a terminal and --yes was not given', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolves(CMK_ENABLED);
    expect(await h.run({ action: 'disable', yes: false })).toBe(1);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });
});

describe('status', () => {
  test('checks the key in use and passes when it is healthy', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolves(CMK_ENABLED);
    expect(await h.run({ action: 'status', key: undefined })).toBe(0);
    expect(h.captured.out).toEqual([
      `instance: ${INSTANCE_ARN} (account ${ACCOUNT}, region ${REGION})`,
      `encryption: CUSTOMER_MANAGED_KEY ${KEY_ARN} ENABLED`,
      'pre-flight: ok',
    ]);
    expect(h.kms.commandCalls(DescribeKeyCommand)[0].args[0].input).toEqual({ KeyId: KEY_ARN });
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('fails and shows the reason after a failed switch', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolves(
      describeInstance({
        KeyType: 'CUSTOMER_MANAGED_KEY',
        KmsKeyArn: KEY_ARN,
        EncryptionStatus: 'UPDATE_FAILED',
        EncryptionStatusReason: 'The KMS key is disabled',
      }),
    );
    expect(await h.run({ action: 'status', key: undefined })).toBe(1);
    expect(h.captured.out).toContain(`encryption: CUSTOMER_MANAGED_KEY ${KEY_ARN} UPDATE_FAILED: The KMS key is disabled`);
  });

  test('says when the model key is not in use yet', async () => {
    const h = harness();
    expect(await h.run({ action: 'status' })).toBe(0);
    expect(h.captured.out).toContain(`identity center does not use ${KEY_ARN} yet: run 'idcgen encryption enable' to switch`);
  });
});
