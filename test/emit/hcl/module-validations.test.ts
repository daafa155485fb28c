/**
 * Every `validation {}` block in modules/ against the one boundary table
 * (support/validation-boundaries.ts, values from src/model/limits.ts and aws-patterns.ts):
 * - the table covers every block, each with a value just inside and one just outside;
 * - idcgen accepts and refuses the same values where a model can write them;
 * - `terraform test` (mock provider, command = plan) accepts every inside value and, with
 *   `expect_failures`, sees the block refuse every outside value.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { parseDocument } from 'yaml';
import { hclString } from '../../../src/emit/hcl/private/escape';
import { formatPath, ModelError } from '../../../src/model/issues';
import { loadResolved } from '../../../src/pipeline';
import { BASE } from '../../hostile/support/hostile';
import { describeWithTerraform, terraform, terraformOk } from '../../support/terraform';
import { BASE_INPUTS, BOUNDARIES, runName, type Boundary } from './support/validation-boundaries';
import { removeWorkDir } from './support/harness';

const MODULES = path.resolve(__dirname, '../../../modules');

/** Every validation block: module, variable and its error message. */
async function validationBlocks(): Promise<{ module: string; variable: string; message: string }[]> {
  const out: { module: string; variable: string; message: string }[] = [];
  for (const module of Object.keys(BASE_INPUTS)) {
    const json = (await parse('variables.tf', fs.readFileSync(path.join(MODULES, module, 'variables.tf'), 'utf8'))) as {
      variable: Record<string, { validation?: { error_message: string }[] }[]>;
    };
    for (const [variable, [v]] of Object.entries(json.variable)) for (const b of v.validation ?? []) out.push({ module, variable, message: b.error_message });
  }
  return out;
}

const matches = (row: Boundary, b: { module: string; variable: string; message: string }) =>
  row.module === b.module && row.variable === b.variable && b.message.includes(row.block);

test('every validation block in modules/ has a value just inside and one just outside in the table, and every row names one block', async () => {
  const blocks = await validationBlocks();
  expect(blocks.length).toBeGreaterThan(25);
  const uncovered = blocks.filter((b) => !(BOUNDARIES.some((r) => matches(r, b) && r.ok) && BOUNDARIES.some((r) => matches(r, b) && !r.ok)));
  expect(uncovered).toEqual([]);
  expect(BOUNDARIES.filter((r) => blocks.filter((b) => matches(r, b)).length !== 1).map((r) => `${r.module} ${r.variable} ${r.block}`)).toEqual([]);
  // the modules the table knows are every module there is
  const dirs = fs
    .readdirSync(MODULES)
    .flatMap((m) => [
      m,
      ...(fs.existsSync(path.join(MODULES, m, 'modules')) ? fs.readdirSync(path.join(MODULES, m, 'modules')).map((s) => `${m}/modules/${s}`) : []),
    ]);
  expect(Object.keys(BASE_INPUTS).sort()).toEqual(dirs.sort());
});

/** BASE (the minimal example) with a spare permission set, group and external user for the edits. */
function baseModel(): string {
  return `${BASE.replace(
    '  - { name: IdentityAdmins, description: Administer Identity Center }\n',
    '  - { name: IdentityAdmins, description: Administer Identity Center }\n  - { name: Spare, members: [] }\nusers:\n  - { userName: spare, external: true }\n',
  )}`.replace('assignments:\n', '  - { name: Spare }\nassignments:\n');
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-boundaries-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const modelRows = BOUNDARIES.map((r, i) => ({ r, i })).filter(({ r }) => r.model !== undefined);

test('the base model of the edits is valid', () => {
  const file = path.join(tmp, 'base.yaml');
  fs.writeFileSync(file, baseModel());
  expect(() => loadResolved(file)).not.toThrow();
});

test.each(modelRows.map(({ r, i }) => [`${r.module} ${r.variable}: ${r.what}`, r.ok ? 'accepts' : 'refuses', r, i] as const))(
  'idcgen agrees with the module on %s (%s)',
  (_name, _verdict, row, i) => {
    const doc = parseDocument(baseModel());
    for (const [p, v] of row.model!) doc.setIn(p, v);
    const file = path.join(tmp, `row-${i}.yaml`);
    fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
    let errors: string[] = [];
    try {
      loadResolved(file);
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      errors = e.issues.filter((x) => x.severity === 'error').map((x) => `${x.path}: ${x.message}`);
    }
    if (row.ok) expect(errors).toEqual([]);
    else {
      // refused at the edited place (or the entry that holds it)
      const at = row.model!.map(([p]) => formatPath(p));
      expect([errors.length > 0, errors.some((e) => at.some((a) => e.startsWith(a) || a.startsWith(e.split(':')[0])))]).toEqual([true, true]);
    }
  },
);

/** A JSON-like value as an HCL expression. */
function hcl(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(hcl).join(', ')}]`;
  return `{\n${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${hclString(k)} = ${hcl(x)}`)
    .join('\n')}\n}`;
}

/** Values the provider validates at plan time (ARNs, identity store GUIDs), for what the modules read or create. */
const MOCKS = `mock_provider "aws" {
${Object.entries({
  'data aws_ssoadmin_permission_set': { arn: 'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-1111222233334444' },
  'data aws_identitystore_group': { group_id: '11111111-2222-4333-8444-555555555555' },
  'data aws_identitystore_user': { user_id: '11111111-2222-4333-8444-666666666666' },
  'resource aws_identitystore_group': { group_id: '11111111-2222-4333-8444-555555555555' },
  'resource aws_identitystore_user': { user_id: '11111111-2222-4333-8444-666666666666' },
  'resource aws_ssoadmin_permission_set': { arn: 'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-1111222233334444' },
  'resource aws_kms_key': {
    arn: 'arn:aws:kms:eu-west-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef',
    key_id: 'mrk-0123456789abcdef0123456789abcdef',
  },
  'resource aws_kms_replica_key': {
    arn: 'arn:aws:kms:eu-central-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef',
    key_id: 'mrk-0123456789abcdef0123456789abcdef',
  },
  'resource aws_iam_policy': { arn: 'arn:aws:iam::111111111111:policy/idcgen-key-use' },
  'resource aws_ssoadmin_application': {
    application_arn: 'arn:aws:sso::111111111111:application/ssoins-1111222233334444/apl-1111222233334444',
    id: 'arn:aws:sso::111111111111:application/ssoins-1111222233334444/apl-1111222233334444',
  },
})
  .map(([k, v]) => {
    const [kind, type] = k.split(' ');
    return `  mock_${kind} "${type}" {\n    defaults = ${hcl(v)}\n  }`;
  })
  .join('\n')}
}
`;

describeWithTerraform('the modules under terraform test', () => {
  const statuses = new Map<string, string>();
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-validations-'));
    fs.cpSync(MODULES, path.join(dir, 'modules'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'main.tf'), 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n');
    const runs = BOUNDARIES.map((row, i) => {
      const vars = { ...BASE_INPUTS[row.module], [row.variable]: row.value };
      const lines = Object.entries(vars).map(([k, v]) => `    ${k} = ${hcl(v)}`);
      return [
        `run "${runName(row, i)}" {`,
        '  command = plan',
        `  module {\n    source = "./modules/${row.module}"\n  }`,
        `  variables {\n${lines.join('\n')}\n  }`,
        ...(row.ok ? [] : [`  expect_failures = [var.${row.variable}]`]),
        '}',
      ].join('\n');
    });
    fs.writeFileSync(path.join(dir, 'validations.tftest.hcl'), `${MOCKS}\n${runs.join('\n\n')}\n`);
    terraformOk(dir, ['init', '-backend=false', '-input=false']);
    const res = terraform(dir, ['test', '-json', '-no-color'], { timeoutMs: 600_000 });
    for (const line of res.stdout.split('\n')) {
      if (line.trim() === '') continue;
      const msg = JSON.parse(line) as { type?: string; test_run?: { run: string; status: string } };
      if (msg.type === 'test_run' && msg.test_run?.status) statuses.set(msg.test_run.run, msg.test_run.status);
    }
  });
  afterAll(() => removeWorkDir(dir));

  test.each(BOUNDARIES.map((r, i) => [`${r.module} ${r.variable}: ${r.what}`, r.ok ? 'accepts' : 'refuses', runName(r, i)] as const))(
    'the module on %s (%s)',
    (_name, _verdict, run) => {
      expect([run, statuses.get(run)]).toEqual([run, 'pass']);
    },
  );
});
