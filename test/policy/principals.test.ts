/** Principals: binding to accounts, and the Principal + aws:PrincipalArn shape. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { principalSet, resolvePrincipal, type KeyPrincipal } from '../../src/policy/principals';
import { loadResolved } from '../../src/pipeline';
import * as fc from 'fast-check';
import { parsePermissionSetRoleArn, permissionSetRoleArn, permissionSetRoleArnPattern } from '../../src/model/arns';
import { ACCOUNTS, DELEGATED_ID, MGMT_ID, PERMISSION_SETS } from './support/fixtures';

const ctx = { region: 'eu-west-1', accounts: ACCOUNTS, permissionSetNames: new Set(PERMISSION_SETS) };

test.each([
  ['eu-west-1', `arn:aws:iam::${MGMT_ID}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_????????????????`],
  ['us-east-1', `arn:aws:iam::${MGMT_ID}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_????????????????`],
])('permission-set role pattern in %s', (region, expected) => {
  expect(permissionSetRoleArnPattern(MGMT_ID, region, 'Admin', 'aws')).toBe(expected);
});

test('a permission set binds to its account', () => {
  expect(resolvePrincipal({ permissionSet: 'Admin', account: 'management' }, ctx, ['p'])).toEqual({
    principal: { kind: 'permission-set', permissionSet: 'Admin', accountId: MGMT_ID, accountName: 'management' },
  });
});

test('a role ARN binds to the account it names, and its name drops the path', () => {
  expect(resolvePrincipal({ role: `arn:aws:iam::${DELEGATED_ID}:role/team/ci/Deployer` }, ctx, ['p'])).toEqual({
    principal: {
      kind: 'role',
      arn: `arn:aws:iam::${DELEGATED_ID}:role/team/ci/Deployer`,
      roleName: 'Deployer',
      accountId: DELEGATED_ID,
      accountName: 'delegated',
    },
  });
});

test.each([
  [
    { role: 'arn:aws:iam::999988887777:role/X' },
    ['p', 'role'],
    "role 'arn:aws:iam::999988887777:role/X' is in account 999988887777, which is not in accounts; allowed: 444455556666, 111122223333, 555566667777",
  ],
  [
    { role: 'arn:aws:iam::111122223333:user/bob' },
    ['p', 'role'],
    "role 'arn:aws:iam::111122223333:user/bob' is not valid; expected a role arn such as arn:aws:iam::111111111111:role/Name",
  ],
  [{ accountRoot: 'nowhere' }, ['p', 'accountRoot'], "account 'nowhere' is not defined in accounts; defined: delegated, management, workload"],
  [{ permissionSet: 'Admin', account: 'nowhere' }, ['p', 'account'], "account 'nowhere' is not defined in accounts; defined: delegated, management, workload"],
  [
    { permissionSet: 'Nope', account: 'management' },
    ['p', 'permissionSet'],
    "permissionSet 'Nope' is not defined in permissionSets; defined: Admin, DelegatedAdmin, MyPermissionSet, ReadOnly",
  ],
])('fails if principal %j does not bind', (input, path, message) => {
  expect(resolvePrincipal(input, ctx, ['p'])).toEqual({ error: { path, message } });
});

const role: KeyPrincipal = { kind: 'role', arn: `arn:aws:iam::${MGMT_ID}:role/Ci`, roleName: 'Ci', accountId: MGMT_ID, accountName: 'management' };
const ps: KeyPrincipal = { kind: 'permission-set', permissionSet: 'Admin', accountId: DELEGATED_ID, accountName: 'delegated' };
const account: KeyPrincipal = { kind: 'account', accountId: '555566667777', accountName: 'workload' };

test('roles alone go in Principal with no condition', () => {
  expect(principalSet([role], 'eu-west-1')).toEqual({ aws: [role.arn], principalArns: [] });
});

test('account roots alone need no condition either', () => {
  expect(principalSet([account], 'eu-west-1')).toEqual({ aws: ['arn:aws:iam::555566667777:root'], principalArns: [] });
});

test('with a permission set, the condition lists every principal so none is shut out', () => {
  expect(principalSet([ps, role, account], 'eu-west-1')).toEqual({
    aws: [role.arn, `arn:aws:iam::${DELEGATED_ID}:root`, 'arn:aws:iam::555566667777:root'],
    principalArns: [
      role.arn,
      `arn:aws:iam::${DELEGATED_ID}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_????????????????`,
      'arn:aws:iam::555566667777:*',
    ],
  });
});

test('ARNs carry the partition of the identity center region', () => {
  expect(principalSet([ps], 'cn-north-1')).toEqual({
    aws: [`arn:aws-cn:iam::${DELEGATED_ID}:root`],
    principalArns: [`arn:aws-cn:iam::${DELEGATED_ID}:role/aws-reserved/sso.amazonaws.com/cn-north-1/AWSReservedSSO_Admin_????????????????`],
  });
});

describe('parsePermissionSetRoleArn', () => {
  test.each([
    ['eu-west-1', 'Admin'],
    ['us-east-1', 'Admin'],
    ['eu-west-1', 'Data_Engineer.v2'],
  ])('reads back the pattern permissionSetRoleArnPattern builds (%s, %s)', (region, name) => {
    expect(parsePermissionSetRoleArn(permissionSetRoleArnPattern(MGMT_ID, region, name, 'aws'))).toEqual({
      accountId: MGMT_ID,
      permissionSet: name,
      suffix: '?'.repeat(16),
      pattern: true,
    });
  });

  test('reads the `_*` pattern older key policies and AWS examples write', () => {
    expect(parsePermissionSetRoleArn(`arn:aws:iam::${MGMT_ID}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_ReadOnly_*`)).toEqual({
      accountId: MGMT_ID,
      permissionSet: 'Admin_ReadOnly',
      suffix: '*',
      pattern: true,
    });
  });

  test('reads a real role ARN with its unique suffix', () => {
    const arn = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_DatabaseAdministrator_1234567890abcdef';
    expect(parsePermissionSetRoleArn(arn)).toEqual({
      accountId: '111122223333',
      permissionSet: 'DatabaseAdministrator',
      suffix: '1234567890abcdef',
      pattern: false,
    });
  });

  test('a name with underscores keeps them: the suffix is the last 16 characters', () => {
    const arn = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_Admin_ReadOnly_1234567890abcdef';
    expect(parsePermissionSetRoleArn(arn)).toMatchObject({ permissionSet: 'Admin_ReadOnly', suffix: '1234567890abcdef' });
  });

  test.each([
    'arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_abc',
    'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_abc',
    'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/OtherRole',
    'arn:aws:iam::111122223333:root',
  ])('is undefined for any other ARN: %s', (arn) => {
    expect(parsePermissionSetRoleArn(arn)).toBeUndefined();
  });
});

describe('permission-set role pattern matches its own roles only (property)', () => {
  // ArnLike within one ARN component: `*` any run of characters, `?` exactly one.
  const arnLike = (pattern: string, arn: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\/]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
    ).test(arn);
  const nameChar = fc.constantFrom(...'abcAB09_+=,.@-'.split(''));
  const psName = fc.string({ unit: nameChar, minLength: 1, maxLength: 32 });
  const suffix = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: 16, maxLength: 16 });

  test('GIVEN two different permission set names THEN the pattern of one never matches a role of the other, and always its own', () => {
    fc.assert(
      fc.property(psName, psName, suffix, fc.constantFrom('eu-west-1', 'us-east-1'), (a, b, sfx, region) => {
        const pattern = permissionSetRoleArnPattern(MGMT_ID, region, a, 'aws');
        expect(arnLike(pattern, permissionSetRoleArn(MGMT_ID, region, a, sfx, 'aws'))).toBe(true);
        if (a !== b) expect(arnLike(pattern, permissionSetRoleArn(MGMT_ID, region, b, sfx, 'aws'))).toBe(false);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  test.each([
    ['Admin', 'Admin_ReadOnly'],
    ['Admin', 'Admin_'],
    ['Admin', 'Admin_X'],
    ['A', 'A_0123456789abcd'],
  ])('the pattern of %s does not match the role of %s', (a, b) => {
    expect(arnLike(permissionSetRoleArnPattern(MGMT_ID, 'eu-west-1', a, 'aws'), permissionSetRoleArn(MGMT_ID, 'eu-west-1', b, '0123456789abcdef', 'aws'))).toBe(
      false,
    );
  });
});

describe('one owner per rule: the policy engine reports an unknown principal with the message of the model check', () => {
  const minimal = fs.readFileSync(path.resolve(__dirname, '../../examples/minimal.yaml'), 'utf8');
  const principal = '{ permissionSet: IdentityCenterAdmin, account: management }';
  test.each([
    ['an unknown account', '{ permissionSet: IdentityCenterAdmin, account: nowhere }', { permissionSet: 'IdentityCenterAdmin', account: 'nowhere' }],
    ['an unknown account root', '{ accountRoot: nowhere }', { accountRoot: 'nowhere' }],
    ['an unknown permission set', '{ permissionSet: Nope, account: management }', { permissionSet: 'Nope', account: 'management' }],
    ['a role that is not a role ARN', '{ role: "arn:aws:iam::111111111111:user/bob" }', { role: 'arn:aws:iam::111111111111:user/bob' }],
  ] as const)('%s', (_what, yaml, input) => {
    // GIVEN the minimal example with the use case's principal replaced
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-principal-')), 'org.yaml');
    fs.writeFileSync(file, minimal.replace(`identity-center-admins: { principals: [${principal}] }`, `identity-center-admins: { principals: [${yaml}] }`));
    // WHEN validate checks it, and the policy engine binds the same principal
    let modelMessages: string[] = [];
    try {
      loadResolved(file);
    } catch (e) {
      modelMessages = ((e as { issues?: { message: string }[] }).issues ?? []).map((i) => i.message);
    }
    const accounts = [{ name: 'management', id: '111111111111', ou: 'Root', tags: {} }];
    const bound = resolvePrincipal(input as never, { region: 'eu-west-1', accounts, permissionSetNames: new Set(['IdentityCenterAdmin']) }, ['p']);
    // THEN both say the same thing
    expect('error' in bound).toBe(true);
    expect(modelMessages).toContain((bound as { error: { message: string } }).error.message);
  });
});
