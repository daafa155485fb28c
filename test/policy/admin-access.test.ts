/**
 * Administrator-equivalent access is read from what a policy allows, with iam-data's action lists:
 * the shapes an attacker would use to hide it (NotAction, service wildcards, patterns that spell
 * out a whole service, iam:PassRole or sts:AssumeRole on *) are all found; narrower grants are not.
 */
import { administratorGrants, permissionSetAdminGrants } from '../../src/policy/admin-access';
import type { ResolvedPermissionSet } from '../../src/model/ir';
import type { StatementJson } from '../../src/model/policy-types';

const doc = (...Statement: StatementJson[]) => ({ Version: '2012-10-17' as const, Statement });
const reasons = (...s: StatementJson[]) => administratorGrants(doc(...s)).map((g) => g.reason);

test.each<[string, StatementJson, string[]]>([
  ['Action *', { Effect: 'Allow', Action: '*', Resource: '*' }, ['all actions on *']],
  ['Action *:*', { Effect: 'Allow', Action: '*:*', Resource: '*' }, ['all actions on *']],
  ['NotAction', { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }, ['all actions except iam:*, organizations:* on *']],
  ['a service wildcard', { Effect: 'Allow', Action: 's3:*', Resource: '*' }, ['all s3 actions on *']],
  [
    'a pattern spelling out a whole service',
    { Effect: 'Allow', Action: ['sso:*e*', 'sso:*a*', 'sso:*i*', 'sso:*o*', 'sso:*u*', 'sso:*y*'], Resource: '*' },
    ['all sso actions on *'],
  ],
  ['iam:PassRole on *', { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }, ['iam:PassRole on *']],
  ['iam:Pass* on *', { Effect: 'Allow', Action: 'iam:Pass*', Resource: '*' }, ['iam:PassRole on *']],
  ['sts:AssumeRole on *', { Effect: 'Allow', Action: ['sts:AssumeRole', 's3:GetObject'], Resource: '*' }, ['sts:AssumeRole on *']],
  ['iam:* on one resource', { Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::111111111111:role/x' }, ['all iam actions on named resources']],
  ['a NotResource', { Effect: 'Allow', Action: 'ec2:*', NotResource: 'arn:aws:ec2:*:*:instance/keep' }, ['all ec2 actions on *']],
  [
    'with a condition',
    { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    ['all actions on * (with conditions)'],
  ],
])('finds %s', (_what, statement, expected) => {
  expect(reasons(statement)).toEqual(expected);
});

test.each<[string, StatementJson]>([
  ['Deny *', { Effect: 'Deny', Action: '*', Resource: '*' }],
  ['read actions', { Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'iam:Get*'], Resource: '*' }],
  ['a service wildcard on one bucket', { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }],
  ['iam:PassRole on one role', { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/app' }],
  ['NotAction on one resource', { Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::b' }],
  ['most but not all of a service', { Effect: 'Allow', Action: ['sso:Create*', 'sso:Delete*', 'sso:Describe*', 'sso:List*'], Resource: '*' }],
])('does not flag %s', (_what, statement) => {
  expect(reasons(statement)).toEqual([]);
});

test('each grant names its statement', () => {
  expect(administratorGrants(doc({ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }))).toEqual([
    { sid: 'Everything', reason: 'all actions on *' },
  ]);
});

test('known AWS managed policies are read from their statements, in every partition; others are not in the model', () => {
  const ps = (...managedPolicyArns: string[]): ResolvedPermissionSet => ({
    name: 'P',
    sessionDuration: 'PT1H',
    tags: {},
    managedPolicyArns,
    customerManagedPolicies: [],
  });
  expect(permissionSetAdminGrants(ps('arn:aws:iam::aws:policy/AdministratorAccess'))).toEqual(['aws managed policy AdministratorAccess: all actions on *']);
  expect(permissionSetAdminGrants(ps('arn:aws-us-gov:iam::aws:policy/IAMFullAccess'))).toEqual(['aws managed policy IAMFullAccess: all iam actions on *']);
  expect(permissionSetAdminGrants(ps('arn:aws:iam::aws:policy/job-function/AdministratorAccess', 'arn:aws:iam::aws:policy/PowerUserAccess'))).toEqual([]);
});
