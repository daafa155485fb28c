/**
 * The emulator extension on its own: each place where stock moto deviates from AWS answers as the
 * AWS documentation says (the page is named in test/e2e/emulator/ext_*.py), and is no more
 * permissive than AWS. Talks to the emulator with the AWS SDK idcgen itself uses.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DescribeGroupMembershipCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-identitystore';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyRotationCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  ReplicateKeyCommand,
} from '@aws-sdk/client-kms';
import { DescribeOrganizationCommand, ListAccountsCommand, ListTagsForResourceCommand as ListOrgTagsCommand } from '@aws-sdk/client-organizations';
import {
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DescribeInstanceCommand,
  DescribePermissionSetProvisioningStatusCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListApplicationsCommand,
  ListInstancesCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ListTagsForResourceCommand,
  ProvisionPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  SSOAdminClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateInstanceCommand,
} from '@aws-sdk/client-sso-admin';
import { KEY_ARN } from '../../src/aws/facts';
import type { ImportClients } from '../../src/import/aws';
import { describeWithEmulator, startEmulator, type Emulator, type EmulatorSeed } from './support/emulator';

const REGION = 'eu-west-1';
const MANAGEMENT = '111111111111';
const MEMBER = '222222222222';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';
const STORE = 'd-1111222233';

const SEED: EmulatorSeed = {
  organization: { id: 'o-a1b2c3d4e5', managementAccountId: MANAGEMENT },
  accounts: [
    { id: MANAGEMENT, name: 'management', ouPath: [], tags: {} },
    { id: MEMBER, name: 'prod-app', ouPath: ['Workloads', 'Prod'], tags: { env: 'prod' } },
  ],
  identityCenter: { region: REGION, instanceArn: INSTANCE, identityStoreId: STORE },
  externalGroups: ['Auditors'],
  externalUsers: [],
  keyRequirements: { servicePrincipals: ['sso.amazonaws.com', 'identitystore.amazonaws.com'], actions: ['kms:Decrypt', 'kms:DescribeKey'] },
};

/** The two service statements the seed's key requirements ask for, and a key administrator. */
function servicePolicy(extra: object[] = []): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Admin', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'Services',
        Effect: 'Allow',
        Principal: { Service: ['sso.amazonaws.com', 'identitystore.amazonaws.com'] },
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': MANAGEMENT } },
      },
      ...extra,
    ],
  });
}

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { name: string }).name;
  }
  return 'no error';
}

describeWithEmulator('AWS emulator extension', () => {
  let emu: Emulator;
  let work: string;
  let c: ImportClients;
  const kmsIn = (region: string): KMSClient => emu.clients(region).kms;
  let sso: SSOAdminClient;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-emulator-'));
    emu = await startEmulator(SEED, work);
    c = emu.clients(REGION);
    sso = c.ssoAdmin;
  });

  afterAll(async () => {
    await emu?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  describe('seed', () => {
    test('requests signed with the deployer key run in the management account, whose organization holds the model accounts at their ids, with their tags', async () => {
      const org = await c.organizations.send(new DescribeOrganizationCommand({}));
      expect(org.Organization).toMatchObject({ Id: 'o-a1b2c3d4e5', MasterAccountId: MANAGEMENT });
      const accounts = await c.organizations.send(new ListAccountsCommand({}));
      expect(accounts.Accounts?.map((a) => [a.Id, a.Name]).sort()).toEqual([
        [MANAGEMENT, 'management'],
        [MEMBER, 'prod-app'],
      ]);
      const tags = await c.organizations.send(new ListOrgTagsCommand({ ResourceId: MEMBER }));
      expect(tags.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    });

    test('the seeded identity center instance is the only one, on the AWS owned key', async () => {
      const list = await sso.send(new ListInstancesCommand({}));
      expect(list.Instances?.map((i) => [i.InstanceArn, i.IdentityStoreId])).toEqual([[INSTANCE, STORE]]);
      expect((await emu.clients('us-east-1').ssoAdmin.send(new ListInstancesCommand({}))).Instances).toEqual([]);
      const d = await sso.send(new DescribeInstanceCommand({ InstanceArn: INSTANCE }));
      expect(d).toMatchObject({ OwnerAccountId: MANAGEMENT, Status: 'ACTIVE', EncryptionConfigurationDetails: { KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' } });
    });

    test('an external group reads back as synced by an identity provider (ExternalIds)', async () => {
      const groups = await c.identityStore.send(new ListGroupsCommand({ IdentityStoreId: STORE }));
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
      [180, 180],
      [undefined, 365],
    ])('rotation period %s is stored and read back as %s', async (asked, stored) => {
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
      const replicaPolicy = servicePolicy([{ Sid: 'ReplicaOnly', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MEMBER}:root` }, Action: 'kms:Decrypt', Resource: '*' }]);
      const r = await kmsIn(REGION).send(
        new ReplicateKeyCommand({ KeyId, ReplicaRegion: 'eu-central-1', Policy: replicaPolicy, Description: 'replica', Tags: [{ TagKey: 'k', TagValue: 'v' }] }),
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

  describe('sso-admin', () => {
    async function permissionSet(name: string, tags?: { Key: string; Value: string }[]): Promise<string> {
      const r = await sso.send(new CreatePermissionSetCommand({ InstanceArn: INSTANCE, Name: name, Tags: tags }));
      return r.PermissionSet?.PermissionSetArn as string;
    }

    test('permission set tags: those given at creation are listed; TagResource adds, UntagResource removes', async () => {
      const ResourceArn = await permissionSet('Tagged', [{ Key: 'team', Value: 'apps' }]);
      const list = async (): Promise<unknown> => (await sso.send(new ListTagsForResourceCommand({ InstanceArn: INSTANCE, ResourceArn }))).Tags;
      expect(await list()).toEqual([{ Key: 'team', Value: 'apps' }]);
      await sso.send(new TagResourceCommand({ InstanceArn: INSTANCE, ResourceArn, Tags: [{ Key: 'env', Value: 'prod' }] }));
      await sso.send(new UntagResourceCommand({ InstanceArn: INSTANCE, ResourceArn, TagKeys: ['team'] }));
      expect(await list()).toEqual([{ Key: 'env', Value: 'prod' }]);
    });

    test('permissions boundary: none is ResourceNotFoundException; put, read back, delete', async () => {
      const PermissionSetArn = await permissionSet('Bounded');
      const ref = { InstanceArn: INSTANCE, PermissionSetArn };
      expect(await errorName(sso.send(new GetPermissionsBoundaryForPermissionSetCommand(ref)))).toBe('ResourceNotFoundException');
      const PermissionsBoundary = { CustomerManagedPolicyReference: { Name: 'Boundary', Path: '/teams/' } };
      await sso.send(new PutPermissionsBoundaryToPermissionSetCommand({ ...ref, PermissionsBoundary }));
      expect((await sso.send(new GetPermissionsBoundaryForPermissionSetCommand(ref))).PermissionsBoundary).toEqual(PermissionsBoundary);
      await sso.send(new DeletePermissionsBoundaryFromPermissionSetCommand(ref));
      expect(await errorName(sso.send(new GetPermissionsBoundaryForPermissionSetCommand(ref)))).toBe('ResourceNotFoundException');
    });

    test('fails if a boundary names both an AWS managed and a customer managed policy', async () => {
      const PermissionSetArn = await permissionSet('TwoBoundaries');
      const PermissionsBoundary = { ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', CustomerManagedPolicyReference: { Name: 'B' } };
      expect(await errorName(sso.send(new PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn: INSTANCE, PermissionSetArn, PermissionsBoundary })))).toBe(
        'ValidationException',
      );
    });

    test('an account assignment provisions its permission set to the target account, and only there', async () => {
      const PermissionSetArn = await permissionSet('Assigned');
      const other = await permissionSet('NotAssigned');
      await sso.send(
        new CreateAccountAssignmentCommand({ InstanceArn: INSTANCE, PermissionSetArn, PrincipalId: 'p-1', PrincipalType: 'GROUP', TargetId: MEMBER, TargetType: 'AWS_ACCOUNT' }),
      );
      const accounts = await sso.send(new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn: INSTANCE, PermissionSetArn }));
      expect(accounts.AccountIds).toEqual([MEMBER]);
      const sets = await sso.send(new ListPermissionSetsProvisionedToAccountCommand({ InstanceArn: INSTANCE, AccountId: MEMBER }));
      expect(sets.PermissionSets).toContain(PermissionSetArn);
      expect(sets.PermissionSets).not.toContain(other);
      const none = await sso.send(new ListPermissionSetsProvisionedToAccountCommand({ InstanceArn: INSTANCE, AccountId: MANAGEMENT }));
      expect(none.PermissionSets).toEqual([]);

      // re-provisioning reaches the same accounts, and its status can be read back
      const p = await sso.send(new ProvisionPermissionSetCommand({ InstanceArn: INSTANCE, PermissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' }));
      const status = await sso.send(
        new DescribePermissionSetProvisioningStatusCommand({ InstanceArn: INSTANCE, ProvisionPermissionSetRequestId: p.PermissionSetProvisioningStatus?.RequestId }),
      );
      expect(status.PermissionSetProvisioningStatus).toMatchObject({ Status: 'SUCCEEDED', PermissionSetArn });
      expect(
        await errorName(sso.send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn: INSTANCE, ProvisionPermissionSetRequestId: 'no-such-request' }))),
      ).toBe('ResourceNotFoundException');
    });

    test('the instance has no applications', async () => {
      expect((await sso.send(new ListApplicationsCommand({ InstanceArn: INSTANCE }))).Applications).toEqual([]);
    });

    test('fails if DescribeInstance names an instance that does not exist', async () => {
      expect(await errorName(sso.send(new DescribeInstanceCommand({ InstanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000' })))).toBe(
        'ResourceNotFoundException',
      );
    });

    describe('UpdateInstance encryption', () => {
      const update = (EncryptionConfiguration: { KeyType: string; KmsKeyArn?: string }, Name?: string): Promise<unknown> =>
        sso.send(new UpdateInstanceCommand({ InstanceArn: INSTANCE, EncryptionConfiguration: EncryptionConfiguration as never, Name }));
      const describeEnc = async (): Promise<Record<string, unknown>> =>
        (await sso.send(new DescribeInstanceCommand({ InstanceArn: INSTANCE }))).EncryptionConfigurationDetails as Record<string, unknown>;

      async function key(region: string, policy?: string): Promise<string> {
        return (await kmsIn(region).send(new CreateKeyCommand({ MultiRegion: true, Policy: policy }))).KeyMetadata?.Arn as string;
      }

      test.each([
        ['an alias ARN', { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: `arn:aws:kms:${REGION}:${MANAGEMENT}:alias/x` }, undefined],
        ['a customer managed key without an ARN', { KeyType: 'CUSTOMER_MANAGED_KEY' }, undefined],
        ['an AWS owned key with an ARN', { KeyType: 'AWS_OWNED_KMS_KEY', KmsKeyArn: `arn:aws:kms:${REGION}:${MANAGEMENT}:key/mrk-${'0'.repeat(32)}` }, undefined],
        ['an unknown key type', { KeyType: 'CUSTOMER_MANAGED_KMS_KEY' }, undefined],
        ['a name in the same request', { KeyType: 'AWS_OWNED_KMS_KEY' }, 'renamed'],
      ])('fails with ValidationException for %s', async (_what, config, name) => {
        expect(await errorName(update(config, name))).toBe('ValidationException');
        expect(await describeEnc()).toEqual({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' });
      });

      test.each([
        ['whose policy does not let the services use it', async () => key(REGION), /does not allow sso\.amazonaws\.com kms:Decrypt, kms:DescribeKey; identitystore\.amazonaws\.com/],
        ['in another Region', async () => key('us-east-1', servicePolicy()), /was not found in account 111111111111, Region eu-west-1/],
        [
          'that is disabled',
          async () => {
            const arn = await key(REGION, servicePolicy());
            await kmsIn(REGION).send(new DisableKeyCommand({ KeyId: arn.split('/')[1] }));
            return arn;
          },
          /is in state Disabled/,
        ],
      ])('a key %s: UPDATING, then UPDATE_FAILED with the reason, and the previous key stays in use', async (_what, make, reason) => {
        const KmsKeyArn = await make();
        await update({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn });
        expect(await describeEnc()).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn, EncryptionStatus: 'UPDATING' });
        const failed = await describeEnc();
        expect(failed).toMatchObject({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'UPDATE_FAILED' });
        expect(failed.KmsKeyArn).toBeUndefined();
        expect(failed.EncryptionStatusReason).toMatch(reason);
      });

      test('a usable key: UPDATING, then ENABLED; a second switch while UPDATING is refused; back to the AWS owned key', async () => {
        const KmsKeyArn = await key(REGION, servicePolicy());
        await update({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn });
        expect(await errorName(update({ KeyType: 'AWS_OWNED_KMS_KEY' }))).toBe('ConflictException');
        expect(await describeEnc()).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn, EncryptionStatus: 'UPDATING' });
        expect(await describeEnc()).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn, EncryptionStatus: 'ENABLED' });
        expect(await describeEnc()).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn, EncryptionStatus: 'ENABLED' });

        // a policy that later loses the service statements is not re-checked (AWS cannot either)
        await kmsIn(REGION).send(new PutKeyPolicyCommand({ KeyId: KmsKeyArn, PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));
        expect(await describeEnc()).toMatchObject({ EncryptionStatus: 'ENABLED' });

        await update({ KeyType: 'AWS_OWNED_KMS_KEY' });
        expect(await describeEnc()).toEqual({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'UPDATING' });
        expect(await describeEnc()).toEqual({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' });
      });
    });
  });

  describe('identitystore', () => {
    test('fails if a call names an identity store that does not exist', async () => {
      expect(await errorName(c.identityStore.send(new CreateGroupCommand({ IdentityStoreId: 'd-0000000000', DisplayName: 'X' })))).toBe(
        'ResourceNotFoundException',
      );
    });

    test('DescribeGroupMembership reads a membership back; an unknown one is ResourceNotFoundException', async () => {
      const ids = c.identityStore;
      const group = await ids.send(new CreateGroupCommand({ IdentityStoreId: STORE, DisplayName: 'Members' }));
      const user = await ids.send(
        new CreateUserCommand({ IdentityStoreId: STORE, UserName: 'bob', DisplayName: 'Bob', Name: { GivenName: 'Bob', FamilyName: 'Example' } }),
      );
      const m = await ids.send(new CreateGroupMembershipCommand({ IdentityStoreId: STORE, GroupId: group.GroupId, MemberId: { UserId: user.UserId as string } }));
      const d = await ids.send(new DescribeGroupMembershipCommand({ IdentityStoreId: STORE, MembershipId: m.MembershipId }));
      expect(d).toMatchObject({ IdentityStoreId: STORE, MembershipId: m.MembershipId, GroupId: group.GroupId, MemberId: { UserId: user.UserId } });
      expect(await errorName(ids.send(new DescribeGroupMembershipCommand({ IdentityStoreId: STORE, MembershipId: 'no-such-membership' })))).toBe(
        'ResourceNotFoundException',
      );
    });
  });
});
