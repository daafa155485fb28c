/**
 * Pre-flight: each requirement on the key, the instance and the key policy fails the run on its
 * own (exit 1, no write call), with a message naming what was found and what is allowed.
 */
import { UpdateInstanceCommand, DescribeInstanceCommand, ListApplicationsCommand } from '@aws-sdk/client-sso-admin';
import { DescribeKeyCommand, GetKeyPolicyCommand, NotFoundException, type KeyMetadata } from '@aws-sdk/client-kms';
import {
  ACCOUNT,
  ALIAS,
  DELEGATED,
  HEALTHY_KEY,
  INSTANCE_ARN,
  KEY_ARN,
  KEY_ID,
  REGION,
  baselinePolicy,
  describeInstance,
  errors,
  harness,
  warnings,
} from './harness';

const expectedPolicy = () => baselinePolicy();

describe('pre-flight (enable --dry-run)', () => {
  test('passes for a usable key whose policy matches the model, and writes nothing', async () => {
    // GIVEN a healthy account WHEN a dry run checks the key
    const h = harness();
    const code = await h.run({ dryRun: true, expectedPolicy });
    // THEN it passes and says what it would do, without UpdateInstance
    expect(errors(h.captured)).toEqual([]);
    expect(code).toBe(0);
    expect(h.captured.out).toContain('pre-flight: ok');
    expect(h.captured.out.some((l) => l.startsWith('dry run: would call UpdateInstance'))).toBe(true);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test.each<[string, Partial<KeyMetadata>, RegExp]>([
    ['disabled', { Enabled: false, KeyState: 'Disabled' }, /key .* is disabled: enable it \(kms:EnableKey\)/],
    [
      'pending deletion',
      { Enabled: false, KeyState: 'PendingDeletion', DeletionDate: new Date('2026-11-30T00:00:00Z') },
      /is pending deletion on 2026-11-30T00:00:00.000Z: cancel the deletion \(kms:CancelKeyDeletion\)/,
    ],
    ['in another state', { Enabled: false, KeyState: 'PendingImport' }, /has state 'PendingImport'; allowed: Enabled/],
    ['asymmetric', { KeySpec: 'RSA_2048' }, /key spec 'RSA_2048' .* allowed: SYMMETRIC_DEFAULT/],
    ['for signing', { KeyUsage: 'SIGN_VERIFY' }, /key usage 'SIGN_VERIFY' .* allowed: ENCRYPT_DECRYPT/],
    ['of external origin', { Origin: 'EXTERNAL' }, /key origin 'EXTERNAL' .* allowed: AWS_KMS/],
    ['aws managed', { KeyManager: 'AWS' }, /is managed by 'AWS'; allowed: CUSTOMER/],
    [
      'in another account',
      { AWSAccountId: '999999999999', Arn: `arn:aws:kms:${REGION}:999999999999:key/${KEY_ID}` },
      /is in account 999999999999, but the identity center instance is in account 111111111111/,
    ],
    [
      'in another region',
      { Arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}` },
      /is in region us-east-1, but the identity center instance is in eu-west-1/,
    ],
  ])('fails if the key is %s', async (_what, change, message) => {
    const h = harness();
    h.kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { ...HEALTHY_KEY, ...change } });
    const code = await h.run({ dryRun: true, expectedPolicy });
    expect(code).toBe(1);
    expect(errors(h.captured)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    expect(errors(h.captured)).toContain('pre-flight failed: nothing changed');
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('fails if the key does not exist', async () => {
    const h = harness();
    h.kms.on(DescribeKeyCommand).rejects(new NotFoundException({ message: `Alias ${ALIAS} is not found.`, $metadata: {} }));
    const code = await h.run({ key: ALIAS, dryRun: true });
    expect(code).toBe(1);
    expect(errors(h.captured)[0]).toBe(`key '${ALIAS}' was not found in ${REGION}: create it (or fix the alias) before switching`);
    expect(h.kms.commandCalls(GetKeyPolicyCommand)).toHaveLength(0);
  });

  test('fails if the service statement is missing, naming it', async () => {
    // GIVEN someone removed the statement that lets the services use the key
    const h = harness();
    const live = baselinePolicy();
    live.Statement = live.Statement.filter((s) => s.Sid !== 'AllowIdentityCenterAndIdentityStoreToUseKey');
    h.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(live) });
    // WHEN the pre-flight compares it with the model
    const code = await h.run({ dryRun: true, expectedPolicy });
    // THEN both the model comparison and the service check report it
    expect(code).toBe(1);
    expect(errors(h.captured)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^key policy statement 'AllowIdentityCenterAndIdentityStoreToUseKey' for the identity center and identity store service is missing/,
        ),
        expect.stringMatching(
          /^key policy does not allow identity center \(sso.amazonaws.com\) kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncryptFrom, kms:ReEncryptTo/,
        ),
      ]),
    );
  });

  test('fails if the service statement is missing even without a model', async () => {
    const h = harness();
    const live = baselinePolicy();
    live.Statement = live.Statement.filter((s) => !String(s.Sid).startsWith('AllowIdentityCenterAndIdentityStore'));
    h.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(live) });
    const code = await h.run({ dryRun: true });
    expect(code).toBe(1);
    expect(errors(h.captured).filter((m) => m.startsWith('key policy does not allow'))).toHaveLength(2);
  });

  test('fails if the admin statement was changed, listing the difference', async () => {
    const h = harness();
    const live = baselinePolicy();
    live.Statement[0] = {
      ...live.Statement[0],
      Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, 'arn:aws:iam::333333333333:root'] },
    };
    h.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(live) });
    const code = await h.run({ dryRun: true, expectedPolicy });
    expect(code).toBe(1);
    expect(errors(h.captured)[0]).toBe(
      `key policy statement 'AllowIdentityCenterAdminAccounts' differs from the model: Principal.AWS missing 'arn:aws:iam::${DELEGATED}:root', unexpected 'arn:aws:iam::333333333333:root'`,
    );
  });

  test('fails if the instance is not owned by the model management account', async () => {
    const h = harness();
    h.sso.on(DescribeInstanceCommand).resolves({ ...describeInstance(), OwnerAccountId: '444444444444' });
    h.kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: {
        ...HEALTHY_KEY,
        AWSAccountId: '444444444444',
        Arn: `arn:aws:kms:${REGION}:444444444444:key/${KEY_ID}`,
      },
    });
    const code = await h.run({ dryRun: true, managementAccountId: ACCOUNT });
    expect(code).toBe(1);
    expect(errors(h.captured)[0]).toMatch(
      new RegExp(`^identity center instance ${INSTANCE_ARN} is owned by account 444444444444, not the model's management account ${ACCOUNT}`),
    );
  });

  test('fails if the key policy cannot be read, naming the permission and the principal', async () => {
    const h = harness();
    const denied = Object.assign(
      new Error(
        `User: arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci is not authorized to perform: kms:GetKeyPolicy on resource: ${KEY_ARN} because no identity-based policy allows the kms:GetKeyPolicy action`,
      ),
      { name: 'AccessDeniedException' },
    );
    h.kms.on(GetKeyPolicyCommand).rejects(denied);
    const code = await h.run({ dryRun: true });
    expect(code).toBe(1);
    expect(errors(h.captured)[0]).toMatch(
      new RegExp(`^access denied: arn:aws:sts::${ACCOUNT}:assumed-role/Deploy/ci is missing kms:GetKeyPolicy on ${KEY_ARN} \\(GetKeyPolicy\\)`),
    );
  });

  test('warns about unconfirmed aws managed applications but does not fail', async () => {
    const h = harness();
    const qApp = `arn:aws:sso::${ACCOUNT}:application/ssoins-1111222233334444/apl-q`;
    h.sso.on(ListApplicationsCommand).resolves({
      Applications: [
        {
          ApplicationArn: qApp,
          Name: 'QBusiness',
          ApplicationProviderArn: 'arn:aws:sso::aws:applicationProvider/qbusiness',
        },
        {
          ApplicationArn: `arn:aws:sso::${ACCOUNT}:application/ssoins-1111222233334444/apl-own`,
          Name: 'OwnPortal',
          ApplicationProviderArn: 'arn:aws:sso::aws:applicationProvider/custom',
        },
      ],
    });
    expect(await h.run({ dryRun: true })).toBe(0);
    expect(warnings(h.captured)).toHaveLength(1);
    expect(warnings(h.captured)[0]).toMatch(/^aws managed application 'QBusiness' .* pass --confirm-apps arn:aws:sso::111111111111:application/);

    const confirmed = harness();
    confirmed.sso.on(ListApplicationsCommand).resolves({
      Applications: [
        {
          ApplicationArn: qApp,
          Name: 'QBusiness',
          ApplicationProviderArn: 'arn:aws:sso::aws:applicationProvider/qbusiness',
        },
      ],
    });
    expect(await confirmed.run({ dryRun: true, confirmedApps: [qApp] })).toBe(0);
    expect(warnings(confirmed.captured)).toEqual([]);
  });

  test('reads the default policy of the resolved key arn, not the alias', async () => {
    const h = harness();
    await h.run({ dryRun: true, key: ALIAS });
    expect(h.kms.commandCalls(GetKeyPolicyCommand)[0].args[0].input).toEqual({ KeyId: KEY_ARN, PolicyName: 'default' });
  });
});
