/**
 * The emulator extension on its own (sso-admin and identitystore): each place where stock moto
 * deviates from AWS answers as the AWS documentation says (the page is named in
 * test/e2e/emulator/ext_sso_*.py and ext_identity_store.py), and is no more permissive than AWS.
 */
import { CreateGroupCommand, CreateGroupMembershipCommand, CreateUserCommand, DescribeGroupMembershipCommand } from '@aws-sdk/client-identitystore';
import { CreateKeyCommand, DisableKeyCommand, type KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import {
  CreateAccountAssignmentCommand,
  CreateInstanceAccessControlAttributeConfigurationCommand,
  CreatePermissionSetCommand,
  DeleteInstanceAccessControlAttributeConfigurationCommand,
  DescribeInstanceAccessControlAttributeConfigurationCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DescribeInstanceCommand,
  DescribePermissionSetProvisioningStatusCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListApplicationsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ListTagsForResourceCommand,
  ProvisionPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  type SSOAdminClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateInstanceAccessControlAttributeConfigurationCommand,
  UpdateInstanceCommand,
} from '@aws-sdk/client-sso-admin';
import { describeWithEmulator } from './support/emulator';
import { errorName, INSTANCE, MANAGEMENT, MEMBER, REGION, servicePolicy, STORE, useEmulator } from './support/emulator-fixture';

describeWithEmulator('AWS emulator: sso-admin and identitystore', () => {
  const emulator = useEmulator();
  const c = () => emulator().clients(REGION);
  const kmsIn = (region: string): KMSClient => emulator().clients(region).kms;
  const sso = (): SSOAdminClient => c().ssoAdmin;

  describe('sso-admin', () => {
    async function permissionSet(name: string, tags?: { Key: string; Value: string }[]): Promise<string> {
      const r = await sso().send(new CreatePermissionSetCommand({ InstanceArn: INSTANCE, Name: name, Tags: tags }));
      return r.PermissionSet?.PermissionSetArn as string;
    }

    test('permission set tags: those given at creation are listed; TagResource adds, UntagResource removes', async () => {
      const ResourceArn = await permissionSet('Tagged', [{ Key: 'team', Value: 'apps' }]);
      const list = async (): Promise<unknown> => (await sso().send(new ListTagsForResourceCommand({ InstanceArn: INSTANCE, ResourceArn }))).Tags;
      expect(await list()).toEqual([{ Key: 'team', Value: 'apps' }]);
      await sso().send(new TagResourceCommand({ InstanceArn: INSTANCE, ResourceArn, Tags: [{ Key: 'env', Value: 'prod' }] }));
      await sso().send(new UntagResourceCommand({ InstanceArn: INSTANCE, ResourceArn, TagKeys: ['team'] }));
      expect(await list()).toEqual([{ Key: 'env', Value: 'prod' }]);
    });

    test('attributes for access control: none is ResourceNotFoundException; create, update, read back, delete; two sources refused', async () => {
      const ref = { InstanceArn: INSTANCE };
      const describe = () => sso().send(new DescribeInstanceAccessControlAttributeConfigurationCommand(ref));
      const config = (source: string) => ({ AccessControlAttributes: [{ Key: 'department', Value: { Source: [source] } }] });
      expect(await errorName(describe())).toBe('ResourceNotFoundException');
      await sso().send(
        new CreateInstanceAccessControlAttributeConfigurationCommand({
          ...ref,
          InstanceAccessControlAttributeConfiguration: config('${path:enterprise.department}'),
        }),
      );
      await sso().send(
        new UpdateInstanceAccessControlAttributeConfigurationCommand({
          ...ref,
          InstanceAccessControlAttributeConfiguration: config('${path:enterprise.division}'),
        }),
      );
      expect((await describe()).InstanceAccessControlAttributeConfiguration).toEqual(config('${path:enterprise.division}'));
      const two = { AccessControlAttributes: [{ Key: 'team', Value: { Source: ['${path:a}', '${path:b}'] } }] };
      expect(
        await errorName(sso().send(new UpdateInstanceAccessControlAttributeConfigurationCommand({ ...ref, InstanceAccessControlAttributeConfiguration: two }))),
      ).toBe('ValidationException');
      await sso().send(new DeleteInstanceAccessControlAttributeConfigurationCommand(ref));
      expect(await errorName(describe())).toBe('ResourceNotFoundException');
    });

    test('permissions boundary: none is ResourceNotFoundException; put, read back, delete', async () => {
      const PermissionSetArn = await permissionSet('Bounded');
      const ref = { InstanceArn: INSTANCE, PermissionSetArn };
      expect(await errorName(sso().send(new GetPermissionsBoundaryForPermissionSetCommand(ref)))).toBe('ResourceNotFoundException');
      const PermissionsBoundary = { CustomerManagedPolicyReference: { Name: 'Boundary', Path: '/teams/' } };
      await sso().send(new PutPermissionsBoundaryToPermissionSetCommand({ ...ref, PermissionsBoundary }));
      expect((await sso().send(new GetPermissionsBoundaryForPermissionSetCommand(ref))).PermissionsBoundary).toEqual(PermissionsBoundary);
      await sso().send(new DeletePermissionsBoundaryFromPermissionSetCommand(ref));
      expect(await errorName(sso().send(new GetPermissionsBoundaryForPermissionSetCommand(ref)))).toBe('ResourceNotFoundException');
    });

    test('fails if a boundary names both an AWS managed and a customer managed policy', async () => {
      const PermissionSetArn = await permissionSet('TwoBoundaries');
      const PermissionsBoundary = { ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', CustomerManagedPolicyReference: { Name: 'B' } };
      expect(
        await errorName(sso().send(new PutPermissionsBoundaryToPermissionSetCommand({ InstanceArn: INSTANCE, PermissionSetArn, PermissionsBoundary }))),
      ).toBe('ValidationException');
    });

    test('an account assignment provisions its permission set to the target account, and only there', async () => {
      const PermissionSetArn = await permissionSet('Assigned');
      const other = await permissionSet('NotAssigned');
      await sso().send(
        new CreateAccountAssignmentCommand({
          InstanceArn: INSTANCE,
          PermissionSetArn,
          PrincipalId: 'p-1',
          PrincipalType: 'GROUP',
          TargetId: MEMBER,
          TargetType: 'AWS_ACCOUNT',
        }),
      );
      const accounts = await sso().send(new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn: INSTANCE, PermissionSetArn }));
      expect(accounts.AccountIds).toEqual([MEMBER]);
      const sets = await sso().send(new ListPermissionSetsProvisionedToAccountCommand({ InstanceArn: INSTANCE, AccountId: MEMBER }));
      expect(sets.PermissionSets).toContain(PermissionSetArn);
      expect(sets.PermissionSets).not.toContain(other);
      const none = await sso().send(new ListPermissionSetsProvisionedToAccountCommand({ InstanceArn: INSTANCE, AccountId: MANAGEMENT }));
      expect(none.PermissionSets).toEqual([]);

      // re-provisioning reaches the same accounts, and its status can be read back
      const p = await sso().send(new ProvisionPermissionSetCommand({ InstanceArn: INSTANCE, PermissionSetArn, TargetType: 'ALL_PROVISIONED_ACCOUNTS' }));
      const status = await sso().send(
        new DescribePermissionSetProvisioningStatusCommand({
          InstanceArn: INSTANCE,
          ProvisionPermissionSetRequestId: p.PermissionSetProvisioningStatus?.RequestId,
        }),
      );
      expect(status.PermissionSetProvisioningStatus).toMatchObject({ Status: 'SUCCEEDED', PermissionSetArn });
      expect(
        await errorName(
          sso().send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn: INSTANCE, ProvisionPermissionSetRequestId: 'no-such-request' })),
        ),
      ).toBe('ResourceNotFoundException');
    });

    test('the instance has no applications', async () => {
      expect((await sso().send(new ListApplicationsCommand({ InstanceArn: INSTANCE }))).Applications).toEqual([]);
    });

    test('fails if DescribeInstance names an instance that does not exist', async () => {
      expect(await errorName(sso().send(new DescribeInstanceCommand({ InstanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000' })))).toBe(
        'ResourceNotFoundException',
      );
    });

    describe('UpdateInstance encryption', () => {
      const update = (EncryptionConfiguration: { KeyType: string; KmsKeyArn?: string }, Name?: string): Promise<unknown> =>
        sso().send(new UpdateInstanceCommand({ InstanceArn: INSTANCE, EncryptionConfiguration: EncryptionConfiguration as never, Name }));
      const describeEnc = async (): Promise<Record<string, unknown>> =>
        (await sso().send(new DescribeInstanceCommand({ InstanceArn: INSTANCE }))).EncryptionConfigurationDetails as Record<string, unknown>;

      async function key(region: string, policy?: string): Promise<string> {
        return (await kmsIn(region).send(new CreateKeyCommand({ MultiRegion: true, Policy: policy }))).KeyMetadata?.Arn as string;
      }

      test.each([
        ['an alias ARN', { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: `arn:aws:kms:${REGION}:${MANAGEMENT}:alias/x` }, undefined],
        ['a customer managed key without an ARN', { KeyType: 'CUSTOMER_MANAGED_KEY' }, undefined],
        [
          'an AWS owned key with an ARN',
          { KeyType: 'AWS_OWNED_KMS_KEY', KmsKeyArn: `arn:aws:kms:${REGION}:${MANAGEMENT}:key/mrk-${'0'.repeat(32)}` },
          undefined,
        ],
        ['an unknown key type', { KeyType: 'CUSTOMER_MANAGED_KMS_KEY' }, undefined],
        ['a name in the same request', { KeyType: 'AWS_OWNED_KMS_KEY' }, 'renamed'],
      ])('fails with ValidationException for %s', async (_what, config, name) => {
        expect(await errorName(update(config, name))).toBe('ValidationException');
        expect(await describeEnc()).toEqual({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' });
      });

      test.each([
        [
          'whose policy does not let the services use it',
          async () => key(REGION),
          /does not allow sso\.amazonaws\.com kms:Decrypt, kms:DescribeKey; identitystore\.amazonaws\.com/,
        ],
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
        await kmsIn(REGION).send(
          new PutKeyPolicyCommand({ KeyId: KmsKeyArn, PolicyName: 'default', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }),
        );
        expect(await describeEnc()).toMatchObject({ EncryptionStatus: 'ENABLED' });

        await update({ KeyType: 'AWS_OWNED_KMS_KEY' });
        expect(await describeEnc()).toEqual({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'UPDATING' });
        expect(await describeEnc()).toEqual({ KeyType: 'AWS_OWNED_KMS_KEY', EncryptionStatus: 'ENABLED' });
      });
    });
  });

  describe('identitystore', () => {
    test('fails if a call names an identity store that does not exist', async () => {
      expect(await errorName(c().identityStore.send(new CreateGroupCommand({ IdentityStoreId: 'd-0000000000', DisplayName: 'X' })))).toBe(
        'ResourceNotFoundException',
      );
    });

    test('DescribeGroupMembership reads a membership back; an unknown one is ResourceNotFoundException', async () => {
      const ids = c().identityStore;
      const group = await ids.send(new CreateGroupCommand({ IdentityStoreId: STORE, DisplayName: 'Members' }));
      const user = await ids.send(
        new CreateUserCommand({ IdentityStoreId: STORE, UserName: 'bob', DisplayName: 'Bob', Name: { GivenName: 'Bob', FamilyName: 'Example' } }),
      );
      const m = await ids.send(
        new CreateGroupMembershipCommand({ IdentityStoreId: STORE, GroupId: group.GroupId, MemberId: { UserId: user.UserId as string } }),
      );
      const d = await ids.send(new DescribeGroupMembershipCommand({ IdentityStoreId: STORE, MembershipId: m.MembershipId }));
      expect(d).toMatchObject({ IdentityStoreId: STORE, MembershipId: m.MembershipId, GroupId: group.GroupId, MemberId: { UserId: user.UserId } });
      expect(await errorName(ids.send(new DescribeGroupMembershipCommand({ IdentityStoreId: STORE, MembershipId: 'no-such-membership' })))).toBe(
        'ResourceNotFoundException',
      );
    });
  });
});
