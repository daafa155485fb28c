import { SsoadminAccountAssignment, Testing } from '../../../src/emit/cdktf/cdktf';
import { AccountAssignments } from '../../../src/emit/cdktf/constructs/account-assignments';
import type { ResolvedAssignment } from '../../../src/model/ir';
import { fullIr } from '../../fixtures/ir/full';
import { blocks } from './helpers';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';

function synth(assignments: readonly ResolvedAssignment[]): string {
  return Testing.synthScope((scope) => {
    new AccountAssignments(scope, 'Assignment', {
      instanceArn: INSTANCE,
      assignments,
      permissionSetArn: (name) => `ps-arn:${name}`,
      principalId: (type, name) => `id:${type}:${name}`,
    });
  });
}

describe('AccountAssignments', () => {
  test('creates one assignment per IR assignment with ids, not names, for the principal', () => {
    const s = synth(fullIr.assignments);
    expect(Object.keys(blocks(s, 'aws_ssoadmin_account_assignment'))).toHaveLength(fullIr.assignments.length);
    expect(s).toHaveResourceWithProperties(SsoadminAccountAssignment, {
      instance_arn: INSTANCE,
      permission_set_arn: 'ps-arn:ReadOnly',
      principal_type: 'GROUP',
      principal_id: 'id:GROUP:Auditors',
      target_type: 'AWS_ACCOUNT',
      target_id: '222222222222',
    });
    expect(s).toHaveResourceWithProperties(SsoadminAccountAssignment, {
      permission_set_arn: 'ps-arn:Developer',
      principal_type: 'USER',
      principal_id: 'id:USER:alice',
      target_id: '333333333333',
    });
  });

  test('addresses come from the assignment key, so adding one leaves the others where they are', () => {
    // GIVEN the fixture's assignments, and the same with one more inserted at the front
    const before = Object.keys(blocks(synth(fullIr.assignments), 'aws_ssoadmin_account_assignment'));
    const extra: ResolvedAssignment = { ...fullIr.assignments[0], key: 'GROUP/Auditors/ReadOnly/aaa', accountName: 'aaa', accountId: '999999999999' };
    const after = Object.keys(blocks(synth([extra, ...fullIr.assignments]), 'aws_ssoadmin_account_assignment'));
    // THEN every old address is still there, and exactly one is new
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.filter((a) => !before.includes(a))).toEqual([expect.stringMatching(/^Assignment_GROUP_Auditors_ReadOnly_aaa_[0-9A-F]{8}$/)]);
  });
});
