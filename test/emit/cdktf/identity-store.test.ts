import {
  DataAwsIdentitystoreGroup,
  DataAwsIdentitystoreUser,
  IdentitystoreGroup,
  IdentitystoreGroupMembership,
  IdentitystoreUser,
  DataResource,
  Testing,
} from '../../../src/emit/cdktf/cdktf';
import { IdentityStore } from '../../../src/emit/cdktf/constructs/identity-store';
import { fullIr } from '../../fixtures/ir/full';
import { blocks, onlyBlock } from './helpers';

const STORE = 'd-1111222233';

function synth(lookupOnly = false): string {
  return Testing.synthScope((scope) => {
    new IdentityStore(scope, 'IdentityStore', { identityStoreId: STORE, groups: fullIr.groups, users: fullIr.users, lookupOnly });
  });
}

describe('IdentityStore', () => {
  test('creates the groups idcgen owns and looks up external ones by display name', () => {
    const s = synth();
    expect(s).toHaveResourceWithProperties(IdentitystoreGroup, {
      identity_store_id: STORE,
      display_name: 'PlatformAdmins',
      description: 'Platform team',
    });
    expect(Object.values(blocks(s, 'aws_identitystore_group')).map((g) => g.display_name)).toEqual(['Developers', 'PlatformAdmins']);
    expect(s).toHaveDataSourceWithProperties(DataAwsIdentitystoreGroup, {
      identity_store_id: STORE,
      alternate_identifier: { unique_attribute: { attribute_path: 'DisplayName', attribute_value: 'Auditors' } },
    });
    expect(Object.keys(blocks(s, 'aws_identitystore_group', 'data'))).toHaveLength(1);
  });

  test('creates users idcgen owns and looks up external ones by user name', () => {
    const s = synth();
    expect(s).toHaveResourceWithProperties(IdentitystoreUser, {
      identity_store_id: STORE,
      user_name: 'alice',
      display_name: 'Alice Example',
      name: { given_name: 'Alice', family_name: 'Example' },
      emails: { value: 'alice@example.com', primary: true },
    });
    expect(Object.keys(blocks(s, 'aws_identitystore_user'))).toHaveLength(1);
    expect(s).toHaveDataSourceWithProperties(DataAwsIdentitystoreUser, {
      alternate_identifier: { unique_attribute: { attribute_path: 'UserName', attribute_value: 'bob' } },
    });
  });

  test('adds members to created groups by user id, never by name', () => {
    expect(synth()).toHaveResourceWithProperties(IdentitystoreGroupMembership, {
      identity_store_id: STORE,
      group_id: expect.stringMatching(/^\$\{aws_identitystore_group\.[\w-]+\.group_id\}$/),
      member_id: expect.stringMatching(/^\$\{aws_identitystore_user\.[\w-]+\.user_id\}$/),
    });
  });

  test('lookupOnly reads every principal, creates nothing, and adds no memberships', () => {
    const s = synth(true);
    expect(s).not.toHaveResource(IdentitystoreGroup);
    expect(s).not.toHaveResource(IdentitystoreUser);
    expect(s).not.toHaveResource(IdentitystoreGroupMembership);
    expect(Object.keys(blocks(s, 'aws_identitystore_group', 'data'))).toHaveLength(3);
    expect(Object.keys(blocks(s, 'aws_identitystore_user', 'data'))).toHaveLength(2);
  });

  test('principal ids are Terraform references to group_id / user_id', () => {
    // GIVEN the ids of an external group and a created user, used by another resource
    const s = Testing.synthScope((scope) => {
      const store = new IdentityStore(scope, 'IdentityStore', { identityStoreId: STORE, groups: fullIr.groups, users: fullIr.users });
      new DataResource(scope, 'Probe', {
        input: { group: store.principalId('GROUP', 'Auditors'), user: store.principalId('USER', 'alice') },
      });
      expect(() => store.groupId('Nobody')).toThrow("group Nobody is not in this stack's identity store");
      expect(() => store.userId('nobody')).toThrow("user nobody is not in this stack's identity store");
    });
    // THEN they render as references to the data source and the resource
    expect(onlyBlock(s, 'terraform_data').input).toEqual({
      group: expect.stringMatching(/^\$\{data\.aws_identitystore_group\.[\w-]+\.group_id\}$/),
      user: expect.stringMatching(/^\$\{aws_identitystore_user\.[\w-]+\.user_id\}$/),
    });
  });
});
