import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkImportArgs, planPathFor, runImportCommand, type ImportArgs } from '../../src/cli/cmds/import';
import { parseImportPlan } from '../../src/import/plan';
import type { OrgModel } from '../../src/model/schema';
import { runCli } from '../support/cli';
import { estateFromModel } from './support/estates';
import { fakeAws } from './support/fake-aws';

const MODEL = parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'estate-model.yaml'), 'utf8')) as OrgModel;

function sink(isTTY = false): { isTTY: boolean; text: string; write(s: string): boolean } {
  return {
    isTTY,
    text: '',
    write(s: string) {
      this.text += s;
      return true;
    },
  };
}

describe('idcgen import command', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-import-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const args = (over: Partial<ImportArgs> = {}): ImportArgs => ({
    region: 'eu-west-1',
    out: path.join(dir, 'org.yaml'),
    force: false,
    concurrency: 4,
    ...over,
  });

  test('writes the model and the import plan next to it, and says what it wrote', async () => {
    const aws = fakeAws(estateFromModel(MODEL));
    const stdout = sink();
    const stderr = sink();
    await runImportCommand(args(), { clients: () => aws.clients, sleep: async () => {}, stdout, stderr });
    aws.restore();
    const model = parse(fs.readFileSync(path.join(dir, 'org.yaml'), 'utf8')) as OrgModel;
    expect(model).toEqual(MODEL);
    const plan = parseImportPlan(fs.readFileSync(path.join(dir, 'org.imports.json'), 'utf8'), 'org.imports.json');
    expect(plan.model).toBe('org.yaml');
    expect(stdout.text).toMatch(
      /^wrote .*org\.yaml \(8 accounts, 3 permission sets, 6 assignments, 1 keys\) and .*org\.imports\.json \(\d+ existing resources to import\)\n$/,
    );
    // not a terminal: no progress line
    expect(stderr.text).toBe('');
    expect(fs.readdirSync(dir).sort()).toEqual(['org.imports.json', 'org.yaml']);
  });

  test('--compare checks the external permission sets of a model against the instance', async () => {
    // GIVEN a model owning none of the live permission sets: Admin declared with its managed policy
    // (live it also holds the key statements in an inline policy), ReadOnly declared with one policy
    // too few (live it also holds customer managed and inline policies and a boundary), and one
    // Control Tower permission set the instance does not have
    const compare = path.join(dir, 'org.yaml');
    fs.writeFileSync(
      compare,
      `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts: [{ name: management, id: "111111111111" }]
permissionSets:
  - { name: Admin, external: true, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }
  - { name: ReadOnly, external: true, managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess] }
  - { name: AWSReadOnlyAccess, external: true }
`,
    );
    const aws = fakeAws(estateFromModel(MODEL));
    const stdout = sink();
    const stderr = sink();
    // WHEN the estate is imported with --compare
    await runImportCommand(args({ out: path.join(dir, 'live.yaml'), compare }), { clients: () => aws.clients, sleep: async () => {}, stdout, stderr });
    aws.restore();
    // THEN each difference is said, in name order
    expect(stderr.text.split('\n').filter((l) => l.includes('external permission set'))).toEqual([
      `idcgen import: ${compare}: external permission set 'AWSReadOnlyAccess' is not in the instance: its assignments will fail until its owner creates it`,
      `idcgen import: ${compare}: external permission set 'Admin' differs from its declaration (managedPolicies): it also holds an inline policy, which the review cannot see`,
      `idcgen import: ${compare}: external permission set 'ReadOnly' differs from its declaration (managedPolicies): held but not declared: arn:aws:iam::aws:policy/SecurityAudit; it also holds customer managed policies /DenySecrets, /teams/TeamBoundary, an inline policy, a permissions boundary, which the review cannot see`,
    ]);
    expect(stdout.text).toContain(`compared 3 external permission sets of ${compare} with the instance: 3 differ\n`);
  });

  test('--compare says all match when every declaration matches', async () => {
    const compare = path.join(dir, 'org.yaml');
    fs.writeFileSync(
      compare,
      `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts: [{ name: management, id: "111111111111" }]
permissionSets:
  - { name: Billing, external: true, managedPolicies: [arn:aws:iam::aws:policy/job-function/Billing] }
`,
    );
    const aws = fakeAws(estateFromModel(MODEL));
    const stdout = sink();
    const stderr = sink();
    await runImportCommand(args({ out: path.join(dir, 'live.yaml'), compare }), { clients: () => aws.clients, sleep: async () => {}, stdout, stderr });
    aws.restore();
    expect(stderr.text).not.toContain('external permission set');
    expect(stdout.text).toContain(`compared 1 external permission set of ${compare} with the instance: all match\n`);
  });

  test('fails if the model file exists, unless --force', async () => {
    fs.writeFileSync(path.join(dir, 'org.yaml'), 'hand edited\n');
    const aws = fakeAws(estateFromModel(MODEL));
    const deps = { clients: () => aws.clients, sleep: async () => {}, stdout: sink(), stderr: sink() };
    await expect(runImportCommand(args(), deps)).rejects.toThrow(`${path.join(dir, 'org.yaml')} exists; choose another --out or pass --force to replace it`);
    expect(fs.readFileSync(path.join(dir, 'org.yaml'), 'utf8')).toBe('hand edited\n');
    await runImportCommand(args({ force: true }), deps);
    aws.restore();
    expect(fs.readFileSync(path.join(dir, 'org.yaml'), 'utf8')).toContain('version: 1');
  });

  test('generate picks up the import plan next to the model and writes the import blocks', async () => {
    // GIVEN an imported model with its plan
    const aws = fakeAws(estateFromModel(MODEL));
    await runImportCommand(args(), { clients: () => aws.clients, sleep: async () => {}, stdout: sink(), stderr: sink() });
    aws.restore();
    // WHEN code is generated from it
    const out = path.join(dir, 'out');
    const r = await runCli(['generate', path.join(dir, 'org.yaml'), '--out', out]);
    expect(r.stderr).toContain(`idcgen generate: ${path.join(dir, 'org.imports.json')}: import blocks for `);
    expect(r.code).toBe(0);
    // THEN both outputs carry them
    expect(fs.readFileSync(path.join(out, 'hcl', 'management', 'imports.tf'), 'utf8')).toContain(
      'module.permission_sets.aws_ssoadmin_permission_set.this["Admin"]',
    );
    expect(JSON.parse(fs.readFileSync(path.join(out, 'cdktf', 'stacks', 'assignments', 'cdk.tf.json'), 'utf8')).import.length).toBeGreaterThan(0);
  });

  test('generate fails if the import plan belongs to another instance', async () => {
    const aws = fakeAws(estateFromModel(MODEL));
    await runImportCommand(args(), { clients: () => aws.clients, sleep: async () => {}, stdout: sink(), stderr: sink() });
    aws.restore();
    const planFile = path.join(dir, 'org.imports.json');
    const other = 'arn:aws:sso:::instance/ssoins-9999888877776666';
    fs.writeFileSync(planFile, fs.readFileSync(planFile, 'utf8').replace(/"instanceArn": "[^"]+"/, `"instanceArn": "${other}"`));
    const r = await runCli(['generate', path.join(dir, 'org.yaml'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`lists resources of instance ${other}, but the model's instance is arn:aws:sso:::instance/ssoins-1111222233334444`);
  });

  test('review between the imported model and an edited copy shows just the edit', async () => {
    const aws = fakeAws(estateFromModel(MODEL));
    await runImportCommand(args(), { clients: () => aws.clients, sleep: async () => {}, stdout: sink(), stderr: sink() });
    aws.restore();
    const base = path.join(dir, 'org.yaml');
    const head = path.join(dir, 'edited.yaml');
    // GIVEN the imported model with alice's Admin access moved from prod-app to dev-app
    fs.writeFileSync(
      head,
      fs.readFileSync(base, 'utf8').replace('permissionSet: Admin\n    accounts: [ prod-app ]', 'permissionSet: Admin\n    accounts: [ dev-app ]'),
    );
    const r = await runCli(['review', '--base', base, '--head', head, '--format', 'json']);
    expect(r.code).toBe(0);
    // THEN exactly one grant and one revocation, nothing else about principals, permission sets or keys
    const diff = JSON.parse(r.stdout) as Record<string, { principalName: string; permissionSet: string; accounts: { name: string }[] }[]>;
    const brief = (list: (typeof diff)[string]) => list.map((g) => `${g.principalName}/${g.permissionSet}/${g.accounts.map((a) => a.name).join(',')}`);
    expect(brief(diff.granted)).toEqual(['alice/Admin/dev-app']);
    expect(brief(diff.revoked)).toEqual(['alice/Admin/prod-app']);
    expect([diff.principals, diff.permissionSets, diff.keys, diff.keyAccess]).toEqual([[], [], [], []]);
  });

  test('draws a progress line on a terminal and clears it', async () => {
    const aws = fakeAws(estateFromModel(MODEL));
    const stderr = sink(true);
    await runImportCommand(args(), { clients: () => aws.clients, sleep: async () => {}, stdout: sink(), stderr });
    aws.restore();
    expect(stderr.text).toContain('idcgen import: ');
    expect(stderr.text.endsWith('\r\x1b[K')).toBe(true);
  });
});

test.each<[Partial<ImportArgs>, string]>([
  [{ region: 'Ireland' }, "--region 'Ireland' is not an aws region code; expected"],
  [{ 'instance-arn': 'ssoins-1' }, "--instance-arn 'ssoins-1' is not an identity center instance arn; expected"],
  [{ out: 'org.json' }, "--out 'org.json' must name a .yaml or .yml file"],
  [{ concurrency: 0 }, '--concurrency 0 is out of range; allowed 1..16'],
])('fails if arguments are wrong: %j', (over, message) => {
  const result = checkImportArgs({ region: 'eu-west-1', out: 'org.yaml', force: false, concurrency: 4, ...over });
  expect(result).toEqual(expect.stringContaining(message));
});

test('the plan file sits next to the model', () => {
  expect(planPathFor('adopted/org.yaml')).toBe(path.join('adopted', 'org.imports.json'));
  expect(planPathFor('prod.yml')).toBe('org.imports.json'.replace('org', 'prod'));
});

test('a missing --region is a usage error (exit 2)', async () => {
  const r = await runCli(['import']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('region');
});
