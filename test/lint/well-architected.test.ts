/**
 * The Well-Architected identity checks: for each rule a model where it fires (at the entry it is
 * about) and near misses where it must not. Models go through the whole pipeline, so positions,
 * the admin decision and `lint: { disable }` are tested as a user meets them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue, ModelError } from '../../src/model/issues';
import { loadResolved } from '../../src/pipeline';
import { WELL_ARCHITECTED_RULES } from '../../src/model/well-architected-rules';

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];

/** A model no rule fires on: group assignments, a 3-member admin group, sessions within bounds, no wildcards. */
const BASE = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts:
  - { name: management, id: "111111111111", ou: Root }
  - { name: prod-app, id: "333333333333", ou: Workloads/Prod, tags: { env: prod } }
  - { name: dev-app, id: "555555555555", ou: Workloads/Dev, tags: { env: dev } }
groups:
  - { name: Admins, members: [u1, u2, u3] }
  - { name: Developers, members: [u1, u2, u3, u4, u5, u6] }
users:
${USERS.map((u) => `  - { userName: ${u}, givenName: ${u.toUpperCase()}, familyName: Example }`).join('\n')}
permissionSets:
  - { name: Admin, sessionDuration: PT4H, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }
  - name: Developer
    sessionDuration: PT8H
    managedPolicies: [arn:aws:iam::aws:policy/PowerUserAccess]
    inlinePolicy:
      Version: "2012-10-17"
      Statement:
        - { Sid: ReadLogs, Effect: Allow, Action: [logs:GetLogEvents, "s3:Get*"], Resource: "*" }
        - { Sid: NoLeaving, Effect: Deny, Action: "*", Resource: "*", Condition: { StringEquals: { aws:RequestedRegion: us-east-2 } } }
assignments:
  - { group: Admins, permissionSet: Admin, accounts: [prod-app] }
  - { group: Developers, permissionSet: Developer, accounts: [prod-app, dev-app] }
`;

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-wa-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(text: string): string {
  const file = path.join(dir, `m${++n}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

/** Warnings as `line:col: message [rule]`, for the Well-Architected rules only. */
function findings(text: string): string[] {
  const file = write(text);
  return loadResolved(file)
    .warnings.filter((w) => w.rule !== undefined && w.rule in WELL_ARCHITECTED_RULES)
    .map((w) => `${formatIssue(w).slice(file.length + 1)} [${w.rule}]`);
}

/** Replace exactly one occurrence, so a test cannot silently stop changing the model. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

test('GIVEN the base model THEN no rule fires', () => {
  expect(findings(BASE)).toEqual([]);
});

describe('assignment-to-user', () => {
  test('fires at the assignment that names a user, once per user and permission set', () => {
    const m = `${BASE}  - { user: u1, permissionSet: Developer, accounts: [prod-app, dev-app] }\n`;
    expect(findings(m)).toEqual([
      `${lineOf(m, 'user: u1, permissionSet')}:5: warning: user 'u1' is assigned permission set 'Developer' directly (2 accounts); assign it to a group the user is a member of [assignment-to-user]`,
    ]);
  });
  test('does not fire for a user who reaches the account through a group', () => {
    expect(findings(BASE).filter((f) => f.includes('assignment-to-user'))).toEqual([]);
  });
});

describe('admin-session-long', () => {
  test('fires at the sessionDuration of an administrator-equivalent permission set over PT4H', () => {
    const m = edit(BASE, 'name: Admin, sessionDuration: PT4H', 'name: Admin, sessionDuration: PT5H');
    expect(findings(m)).toEqual([
      `${lineOf(m, 'name: Admin,')}:37: warning: permission set 'Admin' has administrator-equivalent access (aws managed policy AdministratorAccess allows every action on every resource) and sessionDuration PT5H; allowed at most PT4H for administrator access [admin-session-long]`,
    ]);
  });
  test('decides administrator access from policies, not the name: an inline iam:PutRolePolicy on * counts', () => {
    const m = edit(BASE, 'Action: [logs:GetLogEvents, "s3:Get*"]', 'Action: [logs:GetLogEvents, iam:PutRolePolicy]');
    // (and the 6 developers now hold administrator-equivalent access in production)
    expect(findings(m)).toEqual([
      `${lineOf(m, 'name: Developers')}:34: warning: group 'Developers' has 6 members and administrator-equivalent access in production (permission set Developer in prod-app); allowed at most 5 members for administrator access in production [admin-broad]`,
      `${lineOf(m, 'sessionDuration: PT8H')}:22: warning: permission set 'Developer' has administrator-equivalent access (inline policy statement 'ReadLogs' allows iam:PutRolePolicy (iam permissions management) on every resource) and sessionDuration PT8H; allowed at most PT4H for administrator access [admin-session-long]`,
    ]);
  });
  test.each([
    [
      'a permission set named Admin without administrator policies',
      edit(
        BASE,
        'name: Admin, sessionDuration: PT4H, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
        'name: Admin, sessionDuration: PT8H, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]',
      ),
    ],
    [
      'AdministratorAccess capped by a PowerUserAccess boundary',
      edit(
        BASE,
        'name: Admin, sessionDuration: PT4H, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
        'name: Admin, sessionDuration: PT8H, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess], permissionsBoundary: { managedPolicy: arn:aws:iam::aws:policy/PowerUserAccess }',
      ),
    ],
    [
      'an IAM write allowed only under a condition',
      edit(
        BASE,
        'Action: [logs:GetLogEvents, "s3:Get*"], Resource: "*" }',
        'Action: [iam:PutRolePolicy], Resource: "*", Condition: { StringEquals: { iam:PermissionsBoundary: "arn:aws:iam::111111111111:policy/Boundary" } } }',
      ),
    ],
    [
      'an IAM write on one role only',
      edit(BASE, 'Action: [logs:GetLogEvents, "s3:Get*"], Resource: "*" }', 'Action: [iam:PutRolePolicy], Resource: "arn:aws:iam::111111111111:role/App" }'),
    ],
  ])('does not fire for %s', (_name, m) => {
    expect(findings(m)).toEqual([]);
  });
});

describe('admin-broad', () => {
  const six = edit(BASE, '{ name: Admins, members: [u1, u2, u3] }', '{ name: Admins, members: [u1, u2, u3, u4, u5, u6] }');
  test('fires at the members of a group over 5 members with administrator access in production', () => {
    expect(findings(six)).toEqual([
      `${lineOf(six, 'name: Admins')}:30: warning: group 'Admins' has 6 members and administrator-equivalent access in production (permission set Admin in prod-app); allowed at most 5 members for administrator access in production [admin-broad]`,
    ]);
  });
  test.each([
    [
      'the same group with administrator access outside production',
      edit(six, '{ group: Admins, permissionSet: Admin, accounts: [prod-app] }', '{ group: Admins, permissionSet: Admin, accounts: [dev-app] }'),
    ],
    ['a 6-member group without administrator access in production', BASE],
    ['a group of 5', edit(BASE, '{ name: Admins, members: [u1, u2, u3] }', '{ name: Admins, members: [u1, u2, u3, u4, u5] }')],
  ])('does not fire for %s', (_name, m) => {
    expect(findings(m)).toEqual([]);
  });
});

describe('permission-set-unused and group-unused', () => {
  test('fire at a permission set assigned nowhere and a group with no assignment', () => {
    const m = edit(
      edit(BASE, 'permissionSets:\n', 'permissionSets:\n  - { name: Spare, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }\n'),
      'groups:\n',
      'groups:\n  - { name: Idle, description: nobody uses it }\n',
    );
    expect(findings(m)).toEqual([
      `${lineOf(m, 'name: Idle')}:5: warning: group 'Idle' has no assignments, so it grants no access; assign it or remove it [group-unused]`,
      `${lineOf(m, 'name: Spare')}:5: warning: permission set 'Spare' is assigned nowhere; assign it or remove it [permission-set-unused]`,
    ]);
  });
  test('do not fire once each is assigned', () => {
    const m = `${edit(edit(BASE, 'permissionSets:\n', 'permissionSets:\n  - { name: Spare, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }\n'), 'groups:\n', 'groups:\n  - { name: Idle, external: true }\n')}  - { group: Idle, permissionSet: Spare, accounts: [dev-app] }\n`;
    expect(findings(m).filter((f) => /unused/.test(f))).toEqual([]);
  });
});

describe('identity-source-mixed', () => {
  test('fires at each created user once a synced group shows an identity provider', () => {
    const m = `${edit(BASE, 'groups:\n', 'groups:\n  - { name: Auditors, external: true }\n')}  - { group: Auditors, permissionSet: Developer, accounts: [dev-app] }\n`;
    const got = findings(m);
    expect(got).toHaveLength(USERS.length);
    expect(got[0]).toBe(
      `${lineOf(m, 'userName: u1')}:5: warning: user 'u1' is created in identity center, but group Auditors is synced from an identity provider; create the user there and set external: true [identity-source-mixed]`,
    );
  });
  test('does not fire when every principal is created in identity center, or every one is synced', () => {
    expect(findings(BASE)).toEqual([]);
    const synced = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts: [{ name: management, id: "111111111111", ou: Root }]
groups: [{ name: Auditors, external: true }]
users: [{ userName: bob, external: true }]
permissionSets: [{ name: ReadOnly, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }]
assignments: [{ group: Auditors, permissionSet: ReadOnly, accounts: [management] }]
`;
    expect(findings(synced)).toEqual([]);
  });
});

describe('wildcard-action', () => {
  test.each([
    ['"*"', "'*'"],
    ['"s3:*"', "'s3:*'"],
  ])('fires at an inline Allow statement with %s', (action, shown) => {
    const m = edit(BASE, 'Action: [logs:GetLogEvents, "s3:Get*"]', `Action: [logs:GetLogEvents, ${action}]`);
    const wild = findings(m).filter((f) => f.includes('[wildcard-action]'));
    expect(wild).toEqual([
      `${lineOf(m, 'Sid: ReadLogs')}:11: warning: permission set 'Developer' inline policy statement 'ReadLogs' allows action ${shown}; name the actions the task needs [wildcard-action]`,
    ]);
  });
  test('fires at an Allow with NotAction, and in a customer managed policy written in the model', () => {
    const m = edit(
      edit(BASE, 'Action: [logs:GetLogEvents, "s3:Get*"]', 'NotAction: [iam:*]'),
      '    managedPolicies: [arn:aws:iam::aws:policy/PowerUserAccess]\n',
      '    managedPolicies: [arn:aws:iam::aws:policy/PowerUserAccess]\n    customerManagedPolicies:\n      - name: Everything\n        policy: { Version: "2012-10-17", Statement: [{ Sid: All, Effect: Allow, Action: "ec2:*", Resource: "*" }] }\n',
    );
    expect(findings(m).filter((f) => f.includes('[wildcard-action]'))).toEqual([
      `${lineOf(m, 'Sid: All,')}:54: warning: customer managed policy /Everything statement 'All' allows action 'ec2:*'; name the actions the task needs [wildcard-action]`,
      `${lineOf(m, 'Sid: ReadLogs')}:11: warning: permission set 'Developer' inline policy statement 'ReadLogs' allows every action except its NotAction list; name the actions the task needs [wildcard-action]`,
    ]);
  });
  test('does not fire for named actions, partial wildcards such as s3:Get*, or a Deny of "*"', () => {
    expect(findings(BASE)).toEqual([]);
  });
});

describe('lint: { disable }', () => {
  const userAssigned = `${BASE}  - { user: u1, permissionSet: Developer, accounts: [dev-app] }\n`;
  test('turns a rule off for the model', () => {
    expect(findings(userAssigned)).toHaveLength(1);
    expect(findings(`${userAssigned}lint: { disable: [assignment-to-user] }\n`)).toEqual([]);
  });
  test('fails if a rule id is unknown, with a suggestion, at the id', () => {
    const m = `${userAssigned}lint:\n  disable: [assignment-to-usr]\n`;
    const file = write(m);
    let err: unknown;
    try {
      loadResolved(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).issues.map(formatIssue)).toEqual([
      `${file}:${lineOf(m, 'assignment-to-usr')}:13: lint rule 'assignment-to-usr' does not exist (did you mean 'assignment-to-user'?); rules that can be disabled: admin-broad, admin-session-long, application-key-access-missing, assignment-to-user, encryption-context-unrestricted, group-unused, identity-source-mixed, key-single-region, permission-set-unused, principal-tag-undeclared, wildcard-action`,
    ]);
  });
  test('fails if the rule is an error: safety checks cannot be turned off', () => {
    const file = write(`${BASE}lint: { disable: [key-admin-missing] }\n`);
    expect(() => loadResolved(file)).toThrow(
      /lint rule 'key-admin-missing' is an error and cannot be disabled \(no principal can change the key policy: KMS lockout, the key cannot be managed\); rules that can be disabled: admin-broad/,
    );
  });
});
