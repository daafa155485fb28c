/**
 * Every bad model in test/fixtures/invalid holds one mistake. Run through `idcgen generate`, each
 * must exit 1, print exactly one `file:line:col: message` (positions and wording checked by hand
 * against the fixture), and create no output directory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const DIR = 'test/fixtures/invalid';

/** [model relative to DIR, expected stderr line with its file relative to DIR] */
const CASES: [string, string][] = [
  [
    'assignment-group-and-user.yaml',
    "assignment-group-and-user.yaml:23:30: assignments[1] names both group 'PlatformAdmins' and user 'alice'; give exactly one (write two assignments for both)",
  ],
  ['assignment-no-principal.yaml', 'assignment-no-principal.yaml:23:5: assignments[1] names neither group nor user; give exactly one'],
  ['assignment-ou-matches-nothing.yaml', 'assignment-ou-matches-nothing.yaml:23:61: ou Workload matches no account; ous that hold accounts: Root, Workloads'],
  ['bad-account-id.yaml', 'bad-account-id.yaml:11:27: account id \'22222222222\' is not valid; expected exactly 12 digits, quoted, e.g. "111111111111"'],
  ['bad-enum-policy-profile.yaml', "bad-enum-policy-profile.yaml:27:20: keys[0].policyProfile 'strict' is not valid; allowed: baseline, least-privilege"],
  [
    'bad-identity-store-id.yaml',
    "bad-identity-store-id.yaml:7:20: identityStoreId 'd-12345' is not valid; expected d- and 10 hexadecimal digits, e.g. d-1111222233",
  ],
  [
    'bad-instance-arn.yaml',
    "bad-instance-arn.yaml:7:16: instanceArn 'arn:aws:sso:::instance/ins-123' is not valid; expected arn:aws:sso:::instance/ssoins- and 16 characters, e.g. arn:aws:sso:::instance/ssoins-1111222233334444",
  ],
  [
    'bad-managed-policy-arn.yaml',
    "bad-managed-policy-arn.yaml:20:23: managed policy 'arn:aws:iam::222222222222:policy/ReadOnly' is a customer managed policy; list it under customerManagedPolicies by name and path",
  ],
  [
    'bad-organization-id.yaml',
    "bad-organization-id.yaml:3:7: organization id 'o-A1B2' is not valid; expected o- and 10 to 32 lowercase letters or digits, e.g. o-a1b2c3d4e5",
  ],
  [
    'bad-permission-set-name.yaml',
    "bad-permission-set-name.yaml:19:11: permission set name 'Read Only' is not valid; expected letters, digits and _+=,.@- only, e.g. ReadOnly",
  ],
  ['bad-region.yaml', "bad-region.yaml:6:11: region 'eu-west' is not valid; expected a region code such as eu-west-1"],
  ['comments-only.yaml', 'comments-only.yaml: file is empty; expected a mapping with version: 1'],
  [
    'created-user-without-names.yaml',
    "created-user-without-names.yaml:15:5: user 'alice' is created by idcgen and needs givenName and familyName (the identity store requires a given and a family name); add them or set external: true",
  ],
  [
    'customer-managed-policy-name-in-one-account.yaml',
    "customer-managed-policy-name-in-one-account.yaml:17:39: customer managed policy '/a/b/Boundary' of permission set 'Admin' and customer managed policy '/a--b/Boundary' of permission set 'ReadOnly' are both needed in account 'workload'; iam policy names are unique in an account whatever their path or case, so use one path and one spelling or another name",
  ],
  [
    'customer-managed-policy-two-paths.yaml',
    "customer-managed-policy-two-paths.yaml:19:17: permission set 'Admin' needs customer managed policies '/teams/Boundary' and '/boundary' in every account it is assigned to; iam policy names are unique in an account whatever their path or case, so use one path and one spelling",
  ],
  ['dangling-assignment-account.yaml', "dangling-assignment-account.yaml:22:63: account 'managment' is not defined in accounts (did you mean 'management'?)"],
  ['dangling-assignment-group.yaml', "dangling-assignment-group.yaml:23:14: group 'PlatformAdmin' is not defined in groups (did you mean 'PlatformAdmins'?)"],
  [
    'dangling-assignment-permission-set.yaml',
    "dangling-assignment-permission-set.yaml:23:45: permissionSet 'PowerUser' is not defined in permissionSets; defined: Admin, ReadOnly",
  ],
  ['dangling-assignment-user.yaml', "dangling-assignment-user.yaml:23:13: user 'bob' is not defined in users; defined: alice"],
  ['dangling-encryption-key.yaml', "dangling-encryption-key.yaml:8:10: encryption key 'idc' is not defined in keys; defined: identity-center"],
  ['dangling-group-member.yaml', "dangling-group-member.yaml:13:46: member 'bob' is not defined in users; defined: alice"],
  [
    'dangling-key-principal-account.yaml',
    "dangling-key-principal-account.yaml:27:55: account 'security' is not defined in accounts; defined: management, workload",
  ],
  [
    'dangling-management-account.yaml',
    "dangling-management-account.yaml:4:22: managementAccount 'mgmt' is not defined in accounts; defined: management, workload",
  ],
  ['duplicate-account-id.yaml', "duplicate-account-id.yaml:11:26: duplicate account id '111111111111'; it is already defined at line 10"],
  ['duplicate-account-name.yaml', "duplicate-account-name.yaml:12:13: duplicate account name 'workload'; it is already defined at line 11"],
  [
    'duplicate-group-case-folded.yaml',
    "duplicate-group-case-folded.yaml:14:13: group name 'platformadmins' differs only in case from 'PlatformAdmins' at line 13; aws compares group names case-insensitively",
  ],
  [
    'duplicate-key-alias.yaml',
    "duplicate-key-alias.yaml:31:12: alias 'alias/identity-center' is already the alias of the key at line 26; kms aliases are unique in an account and region, so give each key its own alias",
  ],
  [
    'duplicate-permission-set-case-folded.yaml',
    "duplicate-permission-set-case-folded.yaml:21:11: permission set name 'ReadOnly' differs only in case from 'readonly' at line 19; aws compares permission set names case-insensitively",
  ],
  [
    'duplicate-user.yaml',
    "duplicate-user.yaml:16:17: user name 'Alice' differs only in case from 'alice' at line 15; aws compares user names case-insensitively",
  ],
  ['duplicate-yaml-key.yaml', 'duplicate-yaml-key.yaml:7:3: duplicate yaml key; each key may appear once in a mapping'],
  ['empty.yaml', 'empty.yaml: file is empty; expected a mapping with version: 1'],
  [
    'external-group-with-members.yaml',
    "external-group-with-members.yaml:13:45: group 'PlatformAdmins' is external (synced by scim), so its members are managed in the identity provider; remove members or drop external: true",
  ],
  [
    'include-error-names-the-file/main.yaml',
    'include-error-names-the-file/accounts.yaml:3:27: account id \'2222\' is not valid; expected exactly 12 digits, quoted, e.g. "111111111111"',
  ],
  [
    'include-not-found/main.yaml',
    "include-not-found/main.yaml:12:11: include 'groups.yaml' not found (looked for test/fixtures/invalid/include-not-found/groups.yaml)",
  ],
  [
    'include-outside-directory/main.yaml',
    "include-outside-directory/main.yaml:12:11: include '../shared/accounts.yaml' is outside the model's directory; includes must stay below test/fixtures/invalid/include-outside-directory",
  ],
  ['include-self/main.yaml', "include-self/main.yaml:12:11: include 'main.yaml' is included twice or includes the main model; each file may be included once"],
  [
    'include-twice/main.yaml',
    "include-twice/main.yaml:9:26: include './accounts.yaml' is included twice or includes the main model; each file may be included once",
  ],
  [
    'include-unknown-key-in-included-file/main.yaml',
    "include-unknown-key-in-included-file/accounts.yaml:3:43: unknown key 'orgUnit' in accounts[1]; allowed keys: name, id, ou, tags",
  ],
  [
    'include-with-non-list-section/main.yaml',
    "include-with-non-list-section/accounts.yaml:4:15: included files may hold only accounts, groups, users, permissionSets, assignments, keys, applications; found 'organization'",
  ],
  [
    'inline-policy-too-large.yaml',
    'inline-policy-too-large.yaml:21:5: inlinePolicy is 10294 non-whitespace bytes; allowed at most 10240 (inline policy per permission set, non-whitespace bytes)',
  ],
  [
    'key-default-alias-invalid.yaml',
    "key-default-alias-invalid.yaml:25:11: key name 'identity.center' gives the default alias 'alias/identity.center', which kms refuses (allowed: alias/ followed by letters, digits, /, _ and -); set alias: alias/<name>",
  ],
  [
    'key-rotation-period-out-of-range.yaml',
    'key-rotation-period-out-of-range.yaml:27:44: rotation periodDays 30 is out of range; allowed 90..2560 (KMS key rotation period)',
  ],
  ['missing-required-key.yaml', "missing-required-key.yaml:3:3: organization is missing required key 'managementAccount'"],
  ['non-mapping-root.yaml', 'non-mapping-root.yaml:1:1: the document root is a list; expected a mapping with version: 1'],
  [
    'permission-set-name-too-long.yaml',
    "permission-set-name-too-long.yaml:19:11: permission set name 'ReadOnlyAccessForEveryWorkloadAccount' is 37 characters long; allowed 1..32 (Identity Center permission set name)",
  ],
  [
    'relay-state-bad-characters.yaml',
    "relay-state-bad-characters.yaml:20:17: relayState 'https://example.com/<script>' has characters identity center does not accept; expected a url such as https://console.aws.amazon.com/ec2/",
  ],
  [
    'session-duration-too-long.yaml',
    "session-duration-too-long.yaml:20:22: sessionDuration 'PT13H' is out of range; allowed PT1H..PT12H (permission set session duration)",
  ],
  ['tab-indentation.yaml', 'tab-indentation.yaml:4:1: tab used for indentation; yaml allows spaces only'],
  [
    'too-many-policies.yaml',
    "too-many-policies.yaml:19:11: permission set 'ReadOnly' attaches 26 managed and customer managed policies; allowed at most 25 (AWS managed and customer managed policies per permission set)",
  ],
  ['unknown-key.yaml', "unknown-key.yaml:11:23: unknown key 'idd' in accounts[1] (did you mean 'id'?); allowed keys: name, id, ou, tags"],
  [
    'unknown-top-level-key.yaml',
    "unknown-top-level-key.yaml:30:1: unknown key 'acounts' at the top level (did you mean 'accounts'?); allowed keys: version, include, organization, identityCenter, deployment, organizationalUnits, accounts, groups, users, permissionSets, assignments, keys, applications, lint",
  ],
  [
    'unknown-use-case.yaml',
    "unknown-use-case.yaml:29:9: unknown key 'identity-centre-admins' in keys[0].useCases[0] (did you mean 'identity-center-admins'?); allowed keys: identity-center-admins, delegated-admins, managed-applications, managed-application-admins, control-tower-admins, ec2-windows-sso, custom-workflows, read-only-admins, restrict-managed-applications, restrict-to-instance",
  ],
  ['wrong-type-string-for-list.yaml', "wrong-type-string-for-list.yaml:12:9: groups must be a list, found string 'PlatformAdmins'"],
  [
    'wrong-type-unquoted-account-id.yaml',
    'wrong-type-unquoted-account-id.yaml:11:27: accounts[1].id must be a string, found number 222222222222; put the value in quotes',
  ],
  ['wrong-version.yaml', 'wrong-version.yaml:1:10: version must be 1, found number 2'],
  ['yaml-syntax-error.yaml', 'yaml-syntax-error.yaml:12:1: yaml syntax error: flow map in block collection must be sufficiently indented and end with a }'],
  ['does-not-exist.yaml', 'does-not-exist.yaml: file not found'],
];

let tmp: string;
let cwd: string;
beforeAll(() => {
  cwd = process.cwd();
  process.chdir(ROOT);
});
afterAll(() => process.chdir(cwd));
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-invalid-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('at least 30 bad models, and every fixture has a case', () => {
  const onDisk = fs
    .readdirSync(path.join(ROOT, DIR), { withFileTypes: true })
    .map((e) => (e.isDirectory() ? `${e.name}/main.yaml` : e.name))
    .sort();
  const listed = CASES.map(([m]) => m).filter((m) => m !== 'does-not-exist.yaml');
  expect(listed.sort()).toEqual(onDisk);
  expect(CASES.length).toBeGreaterThanOrEqual(30);
});

test.each(CASES)('fails on %s', async (model, expected) => {
  // GIVEN a model with one mistake WHEN generating from it
  const out = path.join(tmp, 'out');
  const res = await runCli(['generate', `${DIR}/${model}`, '--out', out]);
  // THEN exit 1, exactly the one positioned message, and nothing written
  expect(res.stderr).toBe(`${DIR}/${expected}\n`);
  expect(res.code).toBe(1);
  expect(res.stdout).toBe('');
  expect(fs.readdirSync(tmp)).toEqual([]);
});
