/**
 * `idcgen permissions`: every action it can print is a real IAM action (iam-data), every Terraform
 * type the emitters generate has its actions listed, every AWS SDK command idcgen sends maps to an
 * action, and the documents are what each unit's generated stack needs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { stringify } from 'yaml';
import { API_PERMISSIONS } from '../../src/aws/permissions';
import { emitHcl } from '../../src/emit/hcl';
import { synthCdktf } from '../../src/emit/cdktf';
import type { PermissionDocument } from '../../src/permissions';
import { ENCRYPTION_ACTIONS, IMPORT_ACTIONS, TERRAFORM_ACTIONS, unitDocuments, unitTypes } from '../../src/permissions';
import { iamActionKnown } from '../../src/policy/private/iam-data';
import { loadResolved } from '../../src/pipeline';
import { writeSplitModel } from '../fixtures/split-model';
import { memberModel } from '../fixtures/member-model';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = ['examples/minimal.yaml', 'examples/typical.yaml', 'examples/enterprise.yaml', 'examples/delegated.yaml', 'examples/split/main.yaml'];

const allActions = (): string[] => [
  ...Object.values(TERRAFORM_ACTIONS).flatMap((t) => [...t.read, ...t.write, ...(t.scoped ?? []).flatMap((s) => s.actions)]),
  ...Object.values(IMPORT_ACTIONS),
  ...ENCRYPTION_ACTIONS,
];

describe('the action data', () => {
  test('every action is one AWS knows (iam-data)', () => {
    const actions = allActions();
    expect(actions.length).toBeGreaterThan(80);
    expect(actions.filter((a) => !iamActionKnown(a))).toEqual([]);
  });

  test('read actions only read: Get, List and Describe', () => {
    const read = Object.values(TERRAFORM_ACTIONS).flatMap((t) => t.read);
    expect(read.filter((a) => !/^[a-z-]+:(Get|List|Describe)/.test(a))).toEqual([]);
    expect(Object.values(IMPORT_ACTIONS).filter((a) => !/^[a-z-]+:(Get|List|Describe)/.test(a))).toEqual([]);
  });

  test('every AWS SDK command idcgen sends (src/import, src/aws) has its action listed', () => {
    const sent = new Set<string>();
    for (const dir of ['src/import', 'src/aws']) {
      for (const f of fs.readdirSync(path.join(ROOT, dir))) {
        if (!f.endsWith('.ts')) continue;
        for (const m of fs.readFileSync(path.join(ROOT, dir, f), 'utf8').matchAll(/new ([A-Z][A-Za-z]+)Command\b/g)) sent.add(m[1]);
      }
    }
    expect(sent.size).toBeGreaterThan(20);
    const listed = new Set([...Object.keys(IMPORT_ACTIONS), ...Object.keys(API_PERMISSIONS)]);
    expect([...sent].filter((c) => !listed.has(c))).toEqual([]);
  });

  test('every resource and data source type the emitters generate for the examples and a split model has its actions listed', async () => {
    const { dir, file } = writeSplitModel();
    try {
      const types = new Set<string>();
      for (const model of [...EXAMPLES.map((e) => path.join(ROOT, e)), file]) {
        const ir = loadResolved(model).ir;
        for (const [p, content] of emitHcl(ir)) {
          if (!p.endsWith('.tf')) continue;
          const hcl = (await parseHcl(p, content)) as { resource?: object; data?: object };
          for (const t of Object.keys(hcl.resource ?? {})) types.add(t);
          for (const t of Object.keys(hcl.data ?? {})) types.add(`data.${t}`);
        }
        for (const [p, content] of synthCdktf(ir)) {
          if (!p.endsWith('cdk.tf.json')) continue;
          const stack = JSON.parse(content) as { resource?: object; data?: object };
          for (const t of Object.keys(stack.resource ?? {})) types.add(t);
          for (const t of Object.keys(stack.data ?? {})) types.add(`data.${t}`);
        }
      }
      // aws_iam_policy_document is evaluated by Terraform itself, terraform_data runs the encryption step
      const missing = [...types].filter((t) => !(t in TERRAFORM_ACTIONS) && t !== 'terraform_data' && t !== 'data.aws_iam_policy_document');
      expect(types.size).toBeGreaterThan(15);
      expect(missing).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('idcgen permissions', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-perm-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'org.yaml');
  fs.writeFileSync(
    file,
    stringify({
      ...memberModel(),
      deployment: { roleName: 'IdcgenApply', planRoleName: 'IdcgenPlan' },
      identityCenter: { ...memberModel().identityCenter, encryption: { key: 'identity-center', manage: true } },
    }),
  );

  const run = async (...args: string[]): Promise<PermissionDocument[]> => {
    const res = await runCli(['permissions', file, ...args]);
    expect(res.code).toBe(0);
    return (JSON.parse(res.stdout) as { documents: PermissionDocument[] }).documents;
  };
  const actionsOf = (d: PermissionDocument): string[] => d.policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action as string]));

  test('prints apply and plan documents for every unit, then import and encryption', async () => {
    const docs = await run();
    expect(docs.map((d) => d.name)).toEqual([
      'management/deployer/apply',
      'management/deployer/plan',
      'account-prod-app/deployer/apply',
      'account-prod-app/member-role/apply',
      'account-prod-app/deployer/plan',
      'account-prod-app/member-role/plan',
      'assignments/deployer/apply',
      'assignments/deployer/plan',
      'import/deployer/plan',
      'encryption/deployer/apply',
    ]);
    for (const d of docs) expect(actionsOf(d).filter((a) => !iamActionKnown(a))).toEqual([]);
    for (const d of docs.filter((x) => x.name.endsWith('/plan'))) {
      expect(actionsOf(d).filter((a) => !/^[a-z-]+:(Get|List|Describe)/.test(a) && a !== 'sts:AssumeRole')).toEqual([]);
    }
  });

  test("each unit's actions are those of the types its stack holds: keys in management, IAM in the member account, assignments with their reserved roles", async () => {
    const docs = new Map((await run()).map((d) => [d.name, d]));
    const mgmt = actionsOf(docs.get('management/deployer/apply')!);
    expect(mgmt).toEqual(
      expect.arrayContaining([
        'kms:CreateKey',
        'kms:PutKeyPolicy',
        'kms:ReplicateKey',
        'sso:CreatePermissionSet',
        'identitystore:CreateGroup',
        'sso:UpdateInstance',
        'kms:GenerateDataKey',
      ]),
    );
    expect(mgmt.some((a) => a.startsWith('iam:'))).toBe(false);
    expect(actionsOf(docs.get('account-prod-app/member-role/apply')!)).toEqual(expect.arrayContaining(['iam:CreatePolicy', 'iam:AttachRolePolicy']));
    expect(docs.get('account-prod-app/deployer/apply')!.policy.Statement).toContainEqual({
      Sid: 'AssumeMemberRoleApply',
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::333333333333:role/IdcgenApply',
    });
    expect(docs.get('account-prod-app/deployer/plan')!.policy.Statement).toContainEqual({
      Sid: 'AssumeMemberRolePlan',
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::333333333333:role/IdcgenPlan',
    });
    const assignments = docs.get('assignments/deployer/apply')!;
    expect(actionsOf(assignments)).toEqual(expect.arrayContaining(['sso:CreateAccountAssignment', 'iam:CreateRole']));
    expect(assignments.policy.Statement.find((s) => (s.Action as string[]).includes('iam:CreateRole'))!.Resource).toBe(
      'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*',
    );
  });

  test('unitTypes splits each stack by the account its provider acts in', () => {
    const ir = loadResolved(file).ir;
    const member = unitTypes(ir).find((t) => t.unit === 'account-prod-app')!;
    expect(member.member).toEqual(['aws_iam_policy', 'aws_iam_role_policy_attachment']);
    expect(member.management).toEqual(['data.aws_kms_alias']);
  });

  test('--unit limits the output; fails if a unit does not exist, naming the units there are', async () => {
    expect((await run('--unit', 'import')).map((d) => d.name)).toEqual(['import/deployer/plan']);
    const res = await runCli(['permissions', file, '--unit', 'account-nope']);
    expect(res.code).toBe(1);
    expect(
      res.stderr
        .split('\n')
        .filter((l) => !l.includes('warning:'))
        .join('\n'),
    ).toBe(`idcgen: no unit 'account-nope' in ${file}; units: management, account-prod-app, assignments, import, encryption\n`);
  });
});

describe('with a delegated administrator (examples/delegated.yaml)', () => {
  const actionsOf = (d: PermissionDocument): string[] => d.policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action as string]));
  const ir = loadResolved(path.join(ROOT, 'examples/delegated.yaml')).ir;
  const role = 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole';

  test('the units it runs act through the role in its account; the management account keeps the key and its own assignments', () => {
    const types = new Map(unitTypes(ir).map((t) => [t.unit, t]));
    // Identity Center resources of the delegated administrator's units are made through its role
    expect(types.get('permission-sets')!.member).toEqual(expect.arrayContaining(['aws_ssoadmin_permission_set', 'aws_ssoadmin_managed_policy_attachment']));
    expect(types.get('permission-sets')!.management).toEqual([]);
    expect(types.get('users')!.member).toContain('aws_identitystore_user');
    expect(types.get('assignments')!.member).toContain('aws_ssoadmin_account_assignment');
    // while the management account's own units act with its credentials
    expect(types.get('assignments-management')!.member).toEqual([]);
    expect(types.get('assignments-management')!.management).toContain('aws_ssoadmin_account_assignment');
    expect(types.get('management')!.management).toEqual(expect.arrayContaining(['aws_kms_key', 'aws_ssoadmin_permission_set']));
  });

  test("the deployer may assume the delegated administrator's role for those units, and that role gets the Identity Center actions", () => {
    const unit = ir.units.find((u) => u.name === 'permission-sets')!;
    const docs = new Map(
      unitDocuments(
        ir,
        unit,
        unitTypes(ir).find((t) => t.unit === unit.name)!,
      ).map((d) => [d.name, d]),
    );
    expect(docs.get('permission-sets/deployer/apply')!.policy.Statement).toEqual([
      { Sid: 'AssumeMemberRoleApply', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role },
    ]);
    expect(docs.get('permission-sets/member-role/apply')!.attachTo).toBe(`${role} (assumed in security)`);
    expect(actionsOf(docs.get('permission-sets/member-role/apply')!)).toEqual(
      expect.arrayContaining(['sso:CreatePermissionSet', 'sso:ProvisionPermissionSet']),
    );
  });
});
