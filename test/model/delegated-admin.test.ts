/**
 * Delegated administration (issue 18): `identityCenter.delegatedAdmin` moves the units that manage
 * Identity Center into that member account, keeps what only the management account may manage
 * (the key, permission sets provisioned there, their assignments) in management-account units,
 * gives the key the documented delegated-admin statements for the deployment role there, and the
 * apply order follows. Messages, positions and expected values checked by hand.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../src/model/ir';
import { permissionSetUnit, unitPermissionSets } from '../../src/model/ir-index';
import { formatIssue, ModelError } from '../../src/model/issues';
import { unitOrder } from '../../src/model/unit-graph';
import { loadResolved } from '../../src/pipeline';
import { explainModel, renderExplainMarkdown } from '../../src/review';
import { unitNamed } from '../support/units';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-delegated-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const MODEL = (delegatedAdmin: string, extra = '') => `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter:
  region: eu-west-1
  delegatedAdmin: ${delegatedAdmin}
  encryption: { key: idc }
deployment: { planRoleName: IdcgenPlan }
accounts:
  - { name: management, id: "111111111111" }
  - { name: security, id: "222222222222", ou: Security }
  - { name: prod, id: "333333333333", ou: Workloads }
groups:
  - { name: Admins, members: [alice] }
  - { name: Auditors, external: true }
users:
  - { userName: alice, givenName: Alice, familyName: Example }
permissionSets:
  - { name: IdcAdmin, managedPolicies: [arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator] }
  - { name: ReadOnly, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }
  - { name: AWSAdministratorAccess, external: true }
assignments:
  - { group: Admins, permissionSet: IdcAdmin, accounts: [management, prod] }
  - { group: Auditors, permissionSet: ReadOnly, accounts: [prod, security] }
  - { group: Admins, permissionSet: AWSAdministratorAccess, accounts: [prod] }
keys:
  - name: idc
    alias: alias/idc
    administrators: [{ permissionSet: IdcAdmin, account: management }]
    useCases:
      - identity-center-admins: { principals: [{ permissionSet: IdcAdmin, account: management }] }
${extra}`;

function write(text: string): string {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, text);
  return file;
}

function resolved(text: string): ResolvedModel {
  return loadResolved(write(text)).ir;
}

function issues(text: string): string[] {
  const file = write(text);
  try {
    loadResolved(file);
    return [];
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    return e.issues.map((i) => formatIssue(i).slice(file.length + 1));
  }
}

describe('validation', () => {
  test('fails if the delegated administrator is not an account of the model, listing the member accounts', () => {
    expect(issues(MODEL('securty'))).toEqual(["5:19: delegatedAdmin 'securty' is not defined in accounts (did you mean 'security'?)"]);
    expect(issues(MODEL('audit'))).toEqual(["5:19: delegatedAdmin 'audit' is not defined in accounts; defined: prod, security"]);
  });

  test('fails if the delegated administrator is the management account', () => {
    expect(issues(MODEL('management'))).toEqual([
      "5:19: delegatedAdmin 'management' is the management account; a delegated administrator must be a member account; allowed: security, prod",
    ]);
  });
});

describe('units', () => {
  const ir = resolved(MODEL('security'));
  const unit = (name: string) => ir.units.find((u) => u.name === name)!;
  const apply = 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole';
  const plan = 'arn:aws:iam::222222222222:role/IdcgenPlan';

  test('the IR names the delegated administrator', () => {
    expect(ir.identityCenter.delegatedAdmin).toEqual({ accountName: 'security', accountId: '222222222222' });
  });

  test('units that manage Identity Center run in the delegated administrator account through the deployment roles there', () => {
    expect(ir.units.map((u) => [u.name, u.kind, u.accountName, u.assumeRoleArn ?? null, u.planAssumeRoleArn ?? null])).toEqual([
      ['management', 'management', 'management', null, null],
      ['account-security', 'member', 'security', apply, plan],
      ['permission-sets', 'permission-sets', 'security', apply, plan],
      ['groups', 'identity-store', 'security', apply, plan],
      ['users', 'identity-store', 'security', apply, plan],
      ['assignments', 'assignments', 'security', apply, plan],
      ['assignments-management', 'assignments', 'management', null, null],
    ]);
  });

  test('a permission set assigned to the management account stays in the management unit; others move; external ones are in no unit', () => {
    expect(unitPermissionSets(ir, unit('management')).map((p) => p.name)).toEqual(['IdcAdmin']);
    expect(unitPermissionSets(ir, unit('permission-sets')).map((p) => p.name)).toEqual(['ReadOnly']);
    expect(permissionSetUnit(ir, 'AWSAdministratorAccess')).toBeUndefined();
  });

  test('assignments into the management account, of a permission set provisioned there, or of an external one are made from the management account', () => {
    expect(unitNamed(ir, 'assignments-management', 'assignments').assignmentKeys).toEqual([
      'GROUP/Admins/AWSAdministratorAccess/prod',
      'GROUP/Admins/IdcAdmin/management',
      'GROUP/Admins/IdcAdmin/prod',
    ]);
    expect(unitNamed(ir, 'assignments', 'assignments').assignmentKeys).toEqual(['GROUP/Auditors/ReadOnly/prod', 'GROUP/Auditors/ReadOnly/security']);
  });

  test('the apply order: the delegated administrator account unit (its key policy) before the units it runs', () => {
    const order = unitOrder(ir);
    expect(order.waves).toEqual([['management'], ['account-security'], ['permission-sets', 'users'], ['groups'], ['assignments', 'assignments-management']]);
    expect(order.dependsOn.get('permission-sets')).toEqual(['account-security', 'management']);
    expect(order.dependsOn.get('assignments-management')).toEqual(['groups', 'management']);
    expect(order.dependsOn.get('assignments')).toEqual(['account-security', 'groups', 'management', 'permission-sets']);
  });

  test('without a delegated administrator nothing moves (one management unit, assignments from management)', () => {
    const plain = resolved(MODEL('security').replace('  delegatedAdmin: security\n', ''));
    expect(plain.identityCenter.delegatedAdmin).toBeUndefined();
    expect(plain.units.map((u) => [u.name, u.accountName])).toEqual([
      ['management', 'management'],
      ['assignments', 'management'],
    ]);
  });
});

describe('the key', () => {
  test('the delegated administrator roles get the documented delegated-admin statements and an identity policy in that account', () => {
    const ir = resolved(MODEL('security'));
    const key = ir.keys[0];
    expect(key.useCases).toContain('delegated-admins');
    // Baseline statement 1 lists the delegated administrator account beside the management account.
    const admins = key.keyPolicy.Statement.find((s) => s.Sid === 'AllowIdentityCenterAdminAccounts')!;
    expect(admins.Principal).toEqual({ AWS: ['arn:aws:iam::111111111111:root', 'arn:aws:iam::222222222222:root'] });
    const policy = key.identityPolicies.find((p) => p.accountName === 'security')!;
    expect(policy.attachToRoles).toEqual(['IdcgenPlan', 'OrganizationAccountAccessRole']);
    expect(policy.useCases).toContain('delegated-admins');
    expect(unitNamed(ir, 'account-security', 'member').keyIdentityPolicies.map((p) => p.policyName)).toEqual([policy.policyName]);
  });

  test('principals the model lists under delegated-admins are kept beside the added roles', () => {
    const ir = resolved(MODEL('security', '      - delegated-admins: { principals: [{ permissionSet: ReadOnly, account: security }] }\n'));
    const policy = ir.keys[0].identityPolicies.find((p) => p.accountName === 'security')!;
    expect(policy.attachToRoles).toEqual(['IdcgenPlan', 'OrganizationAccountAccessRole']);
    expect(ir.permissionSets.find((p) => p.name === 'ReadOnly')!.inlinePolicy).toBeDefined();
  });
});

describe('explain and review.md', () => {
  const md = renderExplainMarkdown(explainModel(resolved(MODEL('security'))));

  test('say which unit runs in which account, as which role', () => {
    expect(md).toContain('| `management` | management | management (111111111111) | none (management account credentials) | 1 |');
    expect(md).toContain(
      '| `permission-sets` | permission-sets | security (222222222222) | `arn:aws:iam::222222222222:role/OrganizationAccountAccessRole` | 3 |',
    );
    expect(md).toContain('| `assignments-management` | assignments | management (111111111111) | none (management account credentials) | 5 |');
  });

  test('report a permission set assigned to the management account as managed from management', () => {
    expect(md).toContain('| `IdcAdmin` | `management` in management (111111111111) | assigned in the management account\\: managed from management |');
    expect(md).toContain('| `ReadOnly` | `permission-sets` in security (222222222222) | \\- |');
    expect(md).toContain(
      '| `AWSAdministratorAccess` | nobody here (external) | external\\: looked up by name, never changed; its policies are not declared (unknown) |',
    );
  });
});

test('with a delegated administrator, applications leave the management unit and are applied after the groups and users they are assigned to', () => {
  // GIVEN a small model (everything would fit in management) with an application assigned to a group idcgen creates
  const ir = resolved(MODEL('security', 'applications:\n  - { name: Grafana, assignments: { groups: [Admins], users: [alice] } }\n'));
  // THEN the application is in an applications unit run by the delegated administrator, not in management
  const apps = ir.units.filter((u) => u.kind === 'applications');
  expect(apps.map((u) => [u.name, u.accountId])).toEqual([['applications', '222222222222']]);
  // AND that unit comes after the units that create the group and the user it looks up by name
  const order = unitOrder(ir);
  const waveOf = (name: string): number => order.wave.get(name) as number;
  expect(waveOf('applications')).toBeGreaterThan(waveOf('groups'));
  expect(waveOf('applications')).toBeGreaterThan(waveOf('users'));
});
