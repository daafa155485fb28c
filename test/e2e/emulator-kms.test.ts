/**
 * The emulator extension on its own (seed and KMS): each place where stock moto deviates from AWS
 * answers as the AWS documentation says (the page is named in test/e2e/emulator/ext_kms.py), and
 * is no more permissive than AWS. Talks to the emulator with the AWS SDK idcgen itself uses.
 */
import { ListGroupsCommand } from '@aws-sdk/client-identitystore';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type KMSClient,
  ListResourceTagsCommand,
  ReplicateKeyCommand,
} from '@aws-sdk/client-kms';
import { DescribeOrganizationCommand, ListAccountsCommand, ListTagsForResourceCommand as ListOrgTagsCommand } from '@aws-sdk/client-organizations';
import { DescribeInstanceCommand, ListInstancesCommand } from '@aws-sdk/client-sso-admin';
import { KEY_ARN } from '../../src/aws/facts';
import { describeWithEmulator } from './support/emulator';
import { errorName, INSTANCE, MANAGEMENT, MEMBER, REGION, servicePolicy, STORE, useEmulator } from './support/emulator-fixture';

describeWithEmulator('AWS emulator: seed and kms', () => {
  const emulator = useEmulator();
  const c = () => emulator().clients(REGION);
  const kmsIn = (region: string): KMSClient => emulator().clients(region).kms;

  describe('seed', () => {
    test('requests signed with the deployer key run in the management account, whose organization holds the model accounts at their ids, with their tags', async () => {
      const org = await c().organizations.send(new DescribeOrganizationCommand({}));
      expect(org.Organization).toMatchObject({ Id: 'o-a1b2c3d4e5', MasterAccountId: MANAGEMENT });
      const accounts = await c().organizations.send(new ListAccountsCommand({}));
      expect(accounts.Accounts?.map((a) => [a.Id, a.Name]).sort()).toEqual([
        [MANAGEMENT, 'management'],
        [MEMBER, 'prod-app'],
      ]);
      const tags = await c().organizations.send(new ListOrgTagsCommand({ ResourceId: MEMBER }));
      expect(tags.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    });

    test('the seeded identity center instance is the only one, on the AWS owned key', async () => {
      const list = await c().ssoAdmin.send(new ListInstancesCommand({}));
      expect(list.Instances?.map((i) => [i.InstanceArn, i.IdentityStoreId])).toEqual([[INSTANCE, STORE]]);
      expect((await emulator().clients('us-east-1').ssoAdmin.send(new ListInstancesCommand({}))).Instances).toEqual([]);
      const d = await c().ssoAdmin.send(new DescribeInstanceCommand({ InstanceArn: INSTANCE }));
      expect(d).toMatchObject({
        OwnerAccountId: MANAGEMENT,
        Status: 'ACTIVE',
        EncryptionConfigurationDetails: { KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' },
      });
    });

    test('an external group reads back as synced by an identity provider (ExternalIds)', async () => {
      const groups = await c().identityStore.send(new ListGroupsCommand({ IdentityStoreId: STORE }));
      expect(groups.Groups).toHaveLength(1);
      expect(groups.Groups?.[0].DisplayName).toBe('Auditors');
      expect(groups.Groups?.[0].ExternalIds?.length).toBe(1);
    });
  });

  describe('kms', () => {
    test('multi-Region key ids are mrk- and 32 hex digits, single-Region ids UUIDs; both pass the key ARN pattern', async () => {
      const mrk = await kmsIn(REGION).send(new CreateKeyCommand({ MultiRegion: true }));
      const single = await kmsIn(REGION).send(new CreateKeyCommand({}));
      expect(mrk.KeyMetadata?.KeyId).toMatch(/^mrk-[0-9a-f]{32}$/);
      expect(single.KeyMetadata?.KeyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      for (const k of [mrk, single]) {
        expect(k.KeyMetadata?.Arn).toMatch(KEY_ARN);
        // reachable by the raw id, which stock moto's check refused for the mrk- form
        await expect(kmsIn(REGION).send(new GetKeyRotationStatusCommand({ KeyId: k.KeyMetadata?.KeyId }))).resolves.toBeDefined();
      }
    });

    test.each([
      ['a rotation period of 180 days', 180, 180],
      ['no rotation period', 365, undefined],
    ])('EnableKeyRotation with %s: GetKeyRotationStatus reads back %s days', async (_what, stored, asked) => {
      const key = await kmsIn(REGION).send(new CreateKeyCommand({}));
      const KeyId = key.KeyMetadata?.KeyId;
      await kmsIn(REGION).send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays: asked }));
      const status = await kmsIn(REGION).send(new GetKeyRotationStatusCommand({ KeyId }));
      expect(status).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: stored });
    });

    test.each([89, 2561])('fails if the rotation period is %s days (allowed 90..2560)', async (days) => {
      const key = await kmsIn(REGION).send(new CreateKeyCommand({}));
      expect(await errorName(kmsIn(REGION).send(new EnableKeyRotationCommand({ KeyId: key.KeyMetadata?.KeyId, RotationPeriodInDays: days })))).toBe(
        'ValidationException',
      );
    });

    test('ReplicateKey gives the replica the request policy, description and tags, and leaves the primary as it was', async () => {
      const primary = await kmsIn(REGION).send(new CreateKeyCommand({ MultiRegion: true, Description: 'primary', Policy: servicePolicy() }));
      const KeyId = primary.KeyMetadata?.KeyId as string;
      const replicaPolicy = servicePolicy([
        { Sid: 'ReplicaOnly', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MEMBER}:root` }, Action: 'kms:Decrypt', Resource: '*' },
      ]);
      const r = await kmsIn(REGION).send(
        new ReplicateKeyCommand({
          KeyId,
          ReplicaRegion: 'eu-central-1',
          Policy: replicaPolicy,
          Description: 'replica',
          Tags: [{ TagKey: 'k', TagValue: 'v' }],
        }),
      );
      expect(r.ReplicaKeyMetadata?.Arn).toBe(`arn:aws:kms:eu-central-1:${MANAGEMENT}:key/${KeyId}`);
      expect(JSON.parse(r.ReplicaPolicy as string)).toEqual(JSON.parse(replicaPolicy));

      const eu = kmsIn('eu-central-1');
      expect(JSON.parse((await eu.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy as string)).toEqual(JSON.parse(replicaPolicy));
      const replica = (await eu.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata;
      expect(replica).toMatchObject({ Description: 'replica', MultiRegionConfiguration: { MultiRegionKeyType: 'REPLICA' } });
      expect((await eu.send(new ListResourceTagsCommand({ KeyId }))).Tags).toEqual([{ TagKey: 'k', TagValue: 'v' }]);

      // describing the replica no longer turns the primary into a replica
      const again = (await kmsIn(REGION).send(new DescribeKeyCommand({ KeyId }))).KeyMetadata;
      expect(again).toMatchObject({ Description: 'primary', MultiRegionConfiguration: { MultiRegionKeyType: 'PRIMARY' } });
      expect(again?.MultiRegionConfiguration?.ReplicaKeys).toEqual([{ Arn: replica?.Arn, Region: 'eu-central-1' }]);
      expect(JSON.parse((await kmsIn(REGION).send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy as string)).toEqual(
        JSON.parse(servicePolicy()),
      );
    });

    test('a replica made without a policy gets the default key policy, not the primary policy', async () => {
      const primary = await kmsIn(REGION).send(new CreateKeyCommand({ MultiRegion: true, Policy: servicePolicy() }));
      const KeyId = primary.KeyMetadata?.KeyId as string;
      await kmsIn(REGION).send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'us-east-1' }));
      const policy = JSON.parse((await kmsIn('us-east-1').send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy as string);
      expect(policy.Statement).toEqual([expect.objectContaining({ Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: 'kms:*' })]);
    });

    test.each([
      ['a single-Region key', false, 'UnsupportedOperationException'],
      ['a Region that already holds the key', true, 'AlreadyExistsException'],
    ])('fails if ReplicateKey replicates %s', async (_what, multiRegion, error) => {
      const key = await kmsIn(REGION).send(new CreateKeyCommand({ MultiRegion: multiRegion }));
      const KeyId = key.KeyMetadata?.KeyId as string;
      if (multiRegion) await kmsIn(REGION).send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'eu-north-1' }));
      expect(await errorName(kmsIn(REGION).send(new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'eu-north-1' })))).toBe(error);
    });
  });
});
