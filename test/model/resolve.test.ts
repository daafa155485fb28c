import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ModelError } from '../../src/model/issues';
import { loadResolved } from '../../src/pipeline';
import { unitNamed } from '../support/units';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-resolve-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEAD = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
`;

/** Resolve a model given as YAML text (HEAD prepended unless the text has its own version:). */
function resolve(body: string) {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, body.startsWith('version:') ? body : HEAD + body);
  return loadResolved(file).ir;
}

const ACCOUNTS = `accounts:
  - { name: prod, id: "333333333333", ou: /Root/Workloads/Prod/, tags: { team: a, env: prod } }
  - { name: management, id: "111111111111" }
  - { name: dev, id: "555555555555", ou: Workloads/Dev, tags: { env: dev } }
`;

describe('resolveModel', () => {
  test('expands an assignment to one triple per selected account, with stable keys and reasons', () => {
    const ir = resolve(`${ACCOUNTS}groups: [{ name: Devs }]
permissionSets: [{ name: Dev }]
assignments:
  - { group: Devs, permissionSet: Dev, ous: [Workloads] }
`);
    expect(ir.assignments).toEqual([
      {
        key: 'GROUP/Devs/Dev/dev',
        principalType: 'GROUP',
        principalName: 'Devs',
        permissionSet: 'Dev',
        accountName: 'dev',
        accountId: '555555555555',
        unit: 'assignments',
        reasons: ['ou Workloads (Workloads/Dev)'],
      },
      {
        key: 'GROUP/Devs/Dev/prod',
        principalType: 'GROUP',
        principalName: 'Devs',
        permissionSet: 'Dev',
        accountName: 'prod',
        accountId: '333333333333',
        unit: 'assignments',
        reasons: ['ou Workloads (Workloads/Prod)'],
      },
    ]);
  });

  test('two entries reaching the same (principal, permission set, account) are one assignment with merged reasons', () => {
    const ir = resolve(`${ACCOUNTS}users: [{ userName: ann, givenName: Ann, familyName: A }]
permissionSets: [{ name: Dev }]
assignments:
  - { user: ann, permissionSet: Dev, tags: { env: prod } }
  - { user: ann, permissionSet: Dev, accounts: [prod, dev] }
`);
    expect(ir.assignments.map((a) => [a.key, a.reasons])).toEqual([
      ['USER/ann/Dev/dev', ['account dev']],
      ['USER/ann/Dev/prod', ['account prod', 'tag env=prod']],
    ]);
  });

  test('applies defaults', () => {
    const ir = resolve(`${ACCOUNTS}users: [{ userName: ann, givenName: Ann, familyName: Example }, { userName: ext, external: true }]
permissionSets:
  - { name: Dev, customerManagedPolicies: [{ name: A }, { name: B, path: teams/x }] }
`);
    expect(ir.deployment).toEqual({ roleName: 'OrganizationAccountAccessRole', maxResourcesPerStack: 500, backend: { type: 'local' } });
    expect(ir.identityCenter).toEqual({ region: 'eu-west-1', manageEncryption: false });
    expect(ir.permissionSets[0].sessionDuration).toBe('PT1H');
    expect(ir.permissionSets[0].customerManagedPolicies).toEqual([
      { name: 'A', path: '/' },
      { name: 'B', path: '/teams/x/' },
    ]);
    expect(ir.accounts.map((a) => [a.name, a.ou])).toEqual([
      ['dev', 'Workloads/Dev'],
      ['management', 'Root'],
      ['prod', 'Workloads/Prod'],
    ]);
    expect(ir.users).toEqual([
      { userName: 'ann', displayName: 'Ann Example', givenName: 'Ann', familyName: 'Example', emails: [], phoneNumbers: [], addresses: [], external: false },
      { userName: 'ext', displayName: 'ext', givenName: '', familyName: '', emails: [], phoneNumbers: [], addresses: [], external: true },
    ]);
  });

  test('an s3 backend defaults its key prefix, Region and encryption', () => {
    const ir = resolve(`${ACCOUNTS}deployment: { backend: { type: s3, bucket: state } }\n`);
    expect(ir.deployment.backend).toEqual({ type: 's3', bucket: 'state', keyPrefix: 'idcgen', region: 'eu-west-1', encrypt: true });
  });

  test('sorts every list and map whatever the YAML order', () => {
    const ir = resolve(`${ACCOUNTS}users:
  - { userName: zed, givenName: Z, familyName: Z }
  - { userName: amy, givenName: A, familyName: A }
groups:
  - { name: Zeta, members: [zed, amy] }
  - { name: Alpha }
permissionSets:
  - name: Zed
    tags: { z: "1", a: "2" }
    managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess, arn:aws:iam::aws:policy/AdministratorAccess]
  - { name: Abc }
`);
    expect(ir.accounts.map((a) => a.name)).toEqual(['dev', 'management', 'prod']);
    expect(Object.keys(ir.accounts[2].tags)).toEqual(['env', 'team']);
    expect(ir.users.map((u) => u.userName)).toEqual(['amy', 'zed']);
    expect(ir.groups.map((g) => [g.name, g.members])).toEqual([
      ['Alpha', []],
      ['Zeta', ['amy', 'zed']],
    ]);
    expect(ir.permissionSets.map((p) => p.name)).toEqual(['Abc', 'Zed']);
    expect(Object.keys(ir.permissionSets[1].tags)).toEqual(['a', 'z']);
    expect(ir.permissionSets[1].managedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  test("merges the key statements a permission set principal needs into that permission set's inline policy", () => {
    // GIVEN a permission set with its own inline policy that is a principal of the ec2-windows-sso use case
    const ir = resolve(`${ACCOUNTS}deployment: { deployer: "arn:aws:iam::111111111111:role/Deployer" }
groups: [{ name: Admins }, { name: Windows }]
permissionSets:
  - name: Admin
  - name: WindowsUser
    inlinePolicy:
      Version: "2012-10-17"
      Statement: { Sid: Own, Effect: Allow, Action: ec2:DescribeInstances, Resource: "*" }
assignments:
  - { group: Admins, permissionSet: Admin, accounts: [management] }
  - { group: Windows, permissionSet: WindowsUser, accounts: [prod] }
keys:
  - name: idc
    administrators: [{ permissionSet: Admin, account: management }]
    policyProfile: least-privilege
    useCases:
      - identity-center-admins: { principals: [{ permissionSet: Admin, account: management }] }
      - ec2-windows-sso: { principals: [{ permissionSet: WindowsUser, account: prod }] }
`);
    // THEN its inline policy keeps its own statement first and adds kms:Decrypt on the key
    const ps = ir.permissionSets.find((p) => p.name === 'WindowsUser');
    const statements = ps?.inlinePolicy?.Statement ?? [];
    expect(statements[0]).toEqual({ Sid: 'Own', Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' });
    expect(statements.slice(1)).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: { ref: 'key-arn-all-regions', key: 'idc' } }),
    );
    // AND the added statements apply in the account the key names it in only (prod)
    for (const s of statements.slice(1)) expect(s.Condition?.StringEquals?.['aws:PrincipalAccount']).toBe('333333333333');
    expect(ir.keys.map((k) => k.name)).toEqual(['idc']);
  });

  test('member units create customer managed policy documents where their permission set is assigned', () => {
    const ir = resolve(`${ACCOUNTS}groups: [{ name: Devs }]
permissionSets:
  - name: Dev
    customerManagedPolicies:
      - { name: Guard, policy: { Version: "2012-10-17", Statement: [{ Effect: Deny, Action: "iam:*", Resource: "*" }] } }
assignments:
  - { group: Devs, permissionSet: Dev, accounts: [prod] }
`);
    expect(ir.units.map((u) => u.name)).toEqual(['management', 'account-prod', 'assignments']);
    expect(unitNamed(ir, 'account-prod', 'member').customerManagedPolicies).toEqual([
      { name: 'Guard', path: '/', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] } },
    ]);
  });

  test('fails if a target selects nothing, positioned at the selector', () => {
    expect.assertions(2);
    try {
      resolve(`${ACCOUNTS}groups: [{ name: Devs }]
permissionSets: [{ name: Dev }]
assignments:
  - { group: Devs, permissionSet: Dev, tags: { env: test } }
`);
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      expect((e as ModelError).issues.map((i) => `${i.line}:${i.col}: ${i.message}`)).toEqual([
        '11:53: tag env=test matches no account; values of env in use: dev, prod',
      ]);
    }
  });

  test('the source is the model path as given, never an absolute path', () => {
    const abs = path.join(tmp, 'org.yaml');
    fs.writeFileSync(abs, HEAD + ACCOUNTS);
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      expect(loadResolved('org.yaml').ir.source).toBe('org.yaml');
      expect(loadResolved(abs).ir.source).toBe('org.yaml');
    } finally {
      process.chdir(cwd);
    }
  });
});
