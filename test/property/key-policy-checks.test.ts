/**
 * The property checks must be able to fail: each invariant, given a policy that breaks it, reports
 * the problem; given the documented shape, reports none.
 */
import { actionMatches, keyPolicyProblems, type KeyPolicy } from './support/key-policy-checks';

const SERVICE = (service: string) => ({
  Sid: `Use${service}`,
  Effect: 'Allow',
  Principal: { Service: service },
  Action: ['kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
});
const ADMIN = { Sid: 'KeyAdministration', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*' };
const ORG_WIDE = {
  Sid: 'OrgApps',
  Effect: 'Allow',
  Principal: '*',
  Action: 'kms:Decrypt',
  Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
};
const GOOD: KeyPolicy = { Statement: [ADMIN, SERVICE('sso.amazonaws.com'), SERVICE('identitystore.amazonaws.com'), ORG_WIDE] };

test('the documented shape has no problems', () => {
  expect(keyPolicyProblems(GOOD)).toEqual([]);
});

test.each([
  ['kms:Put*', 'kms:PutKeyPolicy', true],
  ['KMS:putkeypolicy', 'kms:PutKeyPolicy', true],
  ['kms:ReEncrypt*', 'kms:ReEncryptFrom', true],
  ['kms:Describe?ey', 'kms:DescribeKey', true],
  ['kms:Decrypt', 'kms:DescribeKey', false],
  ['kms:Re.ncrypt*', 'kms:ReEncryptFrom', false],
])('action pattern %s matches %s: %s', (pattern, action, expected) => {
  expect(actionMatches(pattern, action)).toBe(expected);
});

test('fails if the identity store statement is missing', () => {
  expect(keyPolicyProblems({ Statement: GOOD.Statement.filter((s) => s.Sid !== 'Useidentitystore.amazonaws.com') })).toEqual([
    'identitystore.amazonaws.com may not call kms:Decrypt',
    'identitystore.amazonaws.com may not call kms:ReEncryptTo',
    'identitystore.amazonaws.com may not call kms:ReEncryptFrom',
    'identitystore.amazonaws.com may not call kms:GenerateDataKeyWithoutPlaintext',
    'identitystore.amazonaws.com may not call kms:DescribeKey',
  ]);
});

test('fails if a service statement lacks one action', () => {
  const sso = { ...SERVICE('sso.amazonaws.com'), Action: ['kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext'] };
  expect(keyPolicyProblems({ Statement: [ADMIN, sso, SERVICE('identitystore.amazonaws.com')] })).toEqual(['sso.amazonaws.com may not call kms:DescribeKey']);
});

test.each([
  ['no administration statement', [SERVICE('sso.amazonaws.com'), SERVICE('identitystore.amazonaws.com')]],
  [
    'administration only through a service',
    [
      { ...ADMIN, Condition: { StringEquals: { 'kms:ViaService': 'sso.eu-west-1.amazonaws.com' } } },
      SERVICE('sso.amazonaws.com'),
      SERVICE('identitystore.amazonaws.com'),
    ],
  ],
  [
    'administration granted to anyone',
    [
      { ...ADMIN, Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
      SERVICE('sso.amazonaws.com'),
      SERVICE('identitystore.amazonaws.com'),
    ],
  ],
  ['administration denied, not allowed', [{ ...ADMIN, Effect: 'Deny' }, SERVICE('sso.amazonaws.com'), SERVICE('identitystore.amazonaws.com')]],
])('fails if there is %s', (_what, statements) => {
  expect(keyPolicyProblems({ Statement: statements })).toEqual(['no named principal may call kms:PutKeyPolicy']);
});

test.each([
  ['no condition', { ...ORG_WIDE, Condition: undefined }],
  ['a wildcard organization', { ...ORG_WIDE, Condition: { StringLike: { 'aws:PrincipalOrgID': 'o-*' } } }],
  ['only an unrelated condition', { ...ORG_WIDE, Condition: { StringEquals: { 'kms:ViaService': 'sso.eu-west-1.amazonaws.com' } } }],
  ['Principal AWS "*" and an empty account', { ...ORG_WIDE, Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:SourceAccount': '' } } }],
])('fails if "Principal": "*" has %s', (_what, statement) => {
  expect(keyPolicyProblems({ Statement: [...GOOD.Statement.slice(0, 3), statement] })).toEqual([
    'statement OrgApps allows "Principal": "*" without aws:PrincipalOrgID / aws:SourceOrgID / aws:SourceAccount / aws:PrincipalAccount',
  ]);
});

test.each([
  ['a Terraform reference', '${data.aws_organizations_organization.this.id}'],
  ['an IR reference', { ref: 'organization-id' }],
  ['an account id', '111111111111'],
])('"Principal": "*" scoped by %s passes', (_what, value) => {
  const s = { ...ORG_WIDE, Condition: { StringEquals: { 'aws:SourceAccount': value } } };
  expect(keyPolicyProblems({ Statement: [...GOOD.Statement.slice(0, 3), s] })).toEqual([]);
});
