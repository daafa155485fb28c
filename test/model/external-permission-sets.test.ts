/**
 * Permission sets idcgen does not own (issue 18): `{ name, external: true [, managedPolicies] }` is
 * looked up by name, assignable, never created or changed, usable as a key principal; anything
 * idcgen would set on it is refused with its position; review judges its assignments as high risk
 * until its policies are declared. Messages, positions and expected output checked by hand.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emitHcl } from '../../src/emit/hcl';
import type { ResolvedModel } from '../../src/model/ir';
import { unitPermissionSets } from '../../src/model/ir-index';
import { formatIssue, ModelError } from '../../src/model/issues';
import { loadResolved } from '../../src/pipeline';
import { reviewModels } from '../../src/review';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-external-ps-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEAD = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1, instanceArn: arn:aws:sso:::instance/ssoins-1111222233334444, identityStoreId: d-1111222233 }
accounts:
  - { name: management, id: "111111111111" }
  - { name: prod, id: "333333333333", tags: { env: prod } }
  - { name: dev, id: "555555555555" }
groups:
  - { name: Admins }
`;

let n = 0;
function write(text: string): string {
  const file = path.join(tmp, `org-${n++}.yaml`);
  fs.writeFileSync(file, text);
  return file;
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

const resolved = (text: string): ResolvedModel => loadResolved(write(text)).ir;

describe('validation', () => {
  test('fails if an external permission set sets anything idcgen would manage, at each key', () => {
    expect(
      issues(`${HEAD}permissionSets:
  - name: AWSAdministratorAccess
    external: true
    sessionDuration: PT2H
    inlinePolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:*", Resource: "*" }] }
`),
    ).toEqual([
      "13:5: permission set 'AWSAdministratorAccess' is external (owned outside idcgen, e.g. by control tower), so idcgen never sets its sessionDuration; remove sessionDuration or drop external: true (an external permission set allows only name, external, managedPolicies)",
      "14:5: permission set 'AWSAdministratorAccess' is external (owned outside idcgen, e.g. by control tower), so idcgen never sets its inlinePolicy; remove inlinePolicy or drop external: true (an external permission set allows only name, external, managedPolicies)",
    ]);
  });

  test('declared managed policies are checked like any managed policy', () => {
    expect(issues(`${HEAD}permissionSets:\n  - { name: AWSReadOnlyAccess, external: true, managedPolicies: [ReadOnlyAccess] }\n`)).toEqual([
      "11:66: managed policy 'ReadOnlyAccess' is not valid; expected an aws managed policy arn such as arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
  });

  test('as a key principal it is accepted, with a positioned warning that idcgen cannot add its key statements', () => {
    const file = write(`${HEAD}permissionSets:
  - { name: AWSAdministratorAccess, external: true }
assignments:
  - { group: Admins, permissionSet: AWSAdministratorAccess, accounts: [prod] }
keys:
  - name: k
    alias: alias/k
    policyProfile: least-privilege
    administrators: [{ role: arn:aws:iam::111111111111:role/KeyAdmin }]
    useCases:
      - custom-workflows: { principals: [{ permissionSet: AWSAdministratorAccess, account: prod }] }
`);
    const { ir, warnings: found } = loadResolved(file);
    expect(ir.keys[0].keyPolicy.Statement.some((s) => JSON.stringify(s).includes('AWSReservedSSO_AWSAdministratorAccess_'))).toBe(true);
    expect(found.filter((i) => i.message.includes('is external')).map((i) => formatIssue(i).slice(file.length + 1))).toEqual([
      "11:37: warning: permission set 'AWSAdministratorAccess' is external, so idcgen cannot add the key statements it needs as a key principal to its inline policy; the policies it holds must allow kms:Decrypt on the key (aws managed administrator policies do)",
    ]);
  });
});

describe('resolution and emitters', () => {
  const ir = resolved(`${HEAD}permissionSets:
  - { name: AWSAdministratorAccess, external: true, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }
  - { name: Own, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }
assignments:
  - { group: Admins, permissionSet: AWSAdministratorAccess, accounts: [prod] }
  - { group: Admins, permissionSet: Own, accounts: [prod] }
`);

  test('the IR keeps it with what the model declares, and no unit creates it', () => {
    expect(ir.permissionSets.find((p) => p.name === 'AWSAdministratorAccess')).toEqual({
      name: 'AWSAdministratorAccess',
      external: true,
      sessionDuration: 'PT1H',
      tags: {},
      managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      customerManagedPolicies: [],
    });
    expect(ir.units.flatMap((u) => unitPermissionSets(ir, u).map((p) => p.name))).toEqual(['Own']);
  });

  test('HCL creates only the owned permission set and assigns the external one by name', () => {
    const files = emitHcl(ir);
    const management = files.get('hcl/management/main.tf') as string;
    expect(management).toContain('"Own" = {');
    expect(management).not.toContain('AWSAdministratorAccess');
    const assignments = files.get('hcl/assignments/main.tf') as string;
    expect(assignments).toContain('permission_set = "AWSAdministratorAccess"');
  });
});

describe('review', () => {
  const base = resolved(
    `${HEAD}permissionSets:\n  - { name: AWSPowerUserAccess, external: true }\n  - { name: AWSAdministratorAccess, external: true, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }\n`,
  );
  const withAssignment = (extra: string) =>
    resolved(
      `${HEAD}permissionSets:\n  - { name: AWSPowerUserAccess, external: true }\n  - { name: AWSAdministratorAccess, external: true, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }\nassignments:\n${extra}`,
    );

  test('an assignment of an external permission set whose policies are unknown is high risk (critical in production)', () => {
    const r = reviewModels(base, withAssignment('  - { group: Admins, permissionSet: AWSPowerUserAccess, accounts: [dev] }\n'));
    expect(r.risks.filter((f) => f.rule === 'external-permission-set-unknown')).toEqual([
      {
        rule: 'external-permission-set-unknown',
        severity: 'high',
        message:
          'group Admins gains external permission set AWSPowerUserAccess, whose policies the model does not declare (declare them with managedPolicies), in dev (555555555555)',
      },
    ]);
    const prod = reviewModels(base, withAssignment('  - { group: Admins, permissionSet: AWSPowerUserAccess, accounts: [prod] }\n'));
    expect(prod.risks.find((f) => f.rule === 'external-permission-set-unknown')?.severity).toBe('critical');
  });

  test('declared policies are judged instead: AdministratorAccess is administrator-level, and no unknown flag', () => {
    const r = reviewModels(base, withAssignment('  - { group: Admins, permissionSet: AWSAdministratorAccess, accounts: [dev] }\n'));
    expect(r.risks.map((f) => f.rule)).toEqual(['admin-access-granted']);
  });
});
