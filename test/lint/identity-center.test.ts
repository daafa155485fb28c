/**
 * The Identity Center checks: principal-tag-undeclared (a policy tests a session tag the instance
 * never sets) and application-key-access-missing (an AWS managed application the instance's key
 * does not admit). For each, a model where it fires, at the entry it is about, and near misses
 * where it must not. Models go through the whole pipeline, as a user meets them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue } from '../../src/model/issues';
import { loadResolved } from '../../src/pipeline';
import { IDENTITY_CENTER_RULES } from '../../src/model/identity-center-rules';

/** A model neither rule fires on: the tags the policies test are declared; the only application is customer managed. */
const BASE = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter:
  region: eu-west-1
  accessControlAttributes:
    Department: ["\${path:enterprise.department}"]
  encryption: { key: idc }
accounts:
  - { name: management, id: "111111111111", ou: Root }
  - { name: prod-app, id: "333333333333", ou: Workloads/Prod }
groups:
  - { name: Analysts, external: true }
permissionSets:
  - { name: Admin, managedPolicies: [arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator] }
  - name: Data
    inlinePolicy:
      Version: "2012-10-17"
      Statement:
        - Sid: OwnPrefix
          Effect: Allow
          Action: s3:GetObject
          Resource: "arn:aws:s3:::data/\${aws:PrincipalTag/department}/*"
        - Sid: OwnTables
          Effect: Allow
          Action: athena:GetQueryResults
          Resource: "*"
          Condition: { StringEquals: { "aws:PrincipalTag/DEPARTMENT": finance } }
    customerManagedPolicies:
      - name: TeamBuckets
        policy:
          Version: "2012-10-17"
          Statement:
            - { Sid: Team, Effect: Allow, Action: s3:ListBucket, Resource: "*", Condition: { StringEquals: { "s3:prefix": "\${aws:PrincipalTag/Department}" } } }
assignments:
  - { group: Analysts, permissionSet: Admin, accounts: [management] }
  - { group: Analysts, permissionSet: Data, accounts: [prod-app] }
applications:
  - { name: Grafana, assignments: { groups: [Analysts] } }
keys:
  - name: idc
    policyProfile: least-privilege
    multiRegion: true
    administrators: [{ permissionSet: Admin, account: management }]
    useCases:
      - identity-center-admins: { principals: [{ permissionSet: Admin, account: management }] }
      - restrict-to-instance: {}
deployment: { deployer: arn:aws:iam::111111111111:role/IdcgenDeployer }
`;

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-idc-lint-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Warnings as `line:col: message [rule]`, for the Identity Center rules only. */
function findings(text: string): string[] {
  const file = path.join(dir, `m${++n}.yaml`);
  fs.writeFileSync(file, text);
  return loadResolved(file)
    .warnings.filter((w) => w.rule !== undefined && w.rule in IDENTITY_CENTER_RULES)
    .map((w) => `${formatIssue(w).slice(file.length + 1)} [${w.rule}]`);
}

/** Replace exactly one occurrence, so a test cannot silently stop changing the model. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

test('the base model (declared tags in any case, a customer managed application) has no finding', () => {
  expect(findings(BASE)).toEqual([]);
});

describe('principal-tag-undeclared', () => {
  test('fires at each statement that tests an undeclared tag, as a condition key or a policy variable, in inline and customer managed policies', () => {
    const model = edit(BASE, '    Department: ["${path:enterprise.department}"]\n', '    CostCenter: ["${path:enterprise.costCenter}"]\n');
    const tail =
      ', but identityCenter.accessControlAttributes declares CostCenter, so identity center never sets that session tag (unless the identity provider sends it in the saml assertion); declare it, e.g. ';
    expect(findings(model)).toEqual([
      `19:11: warning: permission set 'Data' inline policy statement 'OwnPrefix' tests aws:PrincipalTag/department${tail}department: ["\${path:enterprise.department}"] [principal-tag-undeclared]`,
      `23:11: warning: permission set 'Data' inline policy statement 'OwnTables' tests aws:PrincipalTag/DEPARTMENT${tail}DEPARTMENT: ["\${path:enterprise.department}"] [principal-tag-undeclared]`,
      `33:15: warning: customer managed policy /TeamBuckets statement 'Team' tests aws:PrincipalTag/Department${tail}Department: ["\${path:enterprise.department}"] [principal-tag-undeclared]`,
    ]);
  });

  test('fires when the model declares no attribute at all, and can be turned off', () => {
    const none = edit(BASE, '  accessControlAttributes:\n    Department: ["${path:enterprise.department}"]\n', '');
    expect(findings(none).filter((f) => f.includes("'OwnPrefix'"))).toEqual([
      expect.stringContaining('tests aws:PrincipalTag/department, but identityCenter.accessControlAttributes declares none,'),
    ]);
    expect(findings(`${none}lint: { disable: [principal-tag-undeclared] }\n`)).toEqual([]);
  });

  test('does not fire for other tag condition keys (aws:ResourceTag, aws:RequestTag) or a tag name only in text', () => {
    const other = edit(
      BASE,
      '"aws:PrincipalTag/DEPARTMENT": finance',
      '"aws:ResourceTag/team": "${aws:PrincipalTag/Department}", "aws:RequestTag/owner": PrincipalTag/owner',
    );
    expect(findings(other)).toEqual([]);
  });
});

describe('application-key-access-missing', () => {
  const managed = edit(BASE, '{ name: Grafana, assignments', '{ name: Q, provider: "arn:aws:sso::aws:applicationProvider/qbusiness", assignments');

  test('fires at the provider of an aws managed application when the key identity center uses does not admit managed applications', () => {
    expect(findings(managed)).toEqual([
      "38:26: warning: application 'Q' has the aws managed application provider arn:aws:sso::aws:applicationProvider/qbusiness, but key 'idc', which identity center uses, does not admit aws managed applications, so the application cannot sign users in; add - managed-applications: {} to the key's useCases [application-key-access-missing]",
    ]);
  });

  test.each([
    [
      'the key has the managed-applications use case',
      (m: string) => edit(m, '      - restrict-to-instance: {}\n', '      - restrict-to-instance: {}\n      - managed-applications: {}\n'),
    ],
    ['identity center uses the aws owned key', (m: string) => edit(m, '  encryption: { key: idc }\n', '')],
    ['the provider is custom-saml (customer managed)', (m: string) => edit(m, 'applicationProvider/qbusiness', 'applicationProvider/custom-saml')],
  ])('does not fire when %s', (_what, change) => {
    expect(findings(change(managed))).toEqual([]);
  });
});
