import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { STARTER_MODEL } from '../../src/cli/cmds/init';
import { schemaText } from '../../src/cli/cmds/schema';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = [
  ...fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
  'examples/split/main.yaml',
];

let tmp: string;
let cwd: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cli-'));
  cwd = process.cwd();
  process.chdir(ROOT);
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** { relative path: content } of a directory tree. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('idcgen validate', () => {
  test('every example validates (exit 0, one ok line each; warnings at most)', async () => {
    const res = await runCli(['validate', ...EXAMPLES]);
    for (const line of res.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^examples\/[\w/.-]+:\d+:\d+: warning: /);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(EXAMPLES.map((f) => `${f}: ok\n`).join(''));
  });

  test('--json prints every issue as {file, line, col, path, message, severity}', async () => {
    // GIVEN a model with two mistakes
    const file = path.join(tmp, 'org.yaml');
    fs.writeFileSync(file, STARTER_MODEL.replace('id: o-a1b2c3d4e5', 'id: o-x').replace('accounts: [management] }', 'accounts: [managment] }'));
    // WHEN validated with --json THEN both are reported, positioned, and exit is 1
    const res = await runCli(['validate', file, '--json']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('');
    const rows = JSON.parse(res.stdout) as unknown[];
    expect(rows).toEqual([
      {
        file,
        line: 9,
        col: 7,
        path: 'organization.id',
        message: "organization id 'o-x' is not valid; expected o- and 10 to 32 lowercase letters or digits, e.g. o-a1b2c3d4e5",
        severity: 'error',
      },
      {
        file,
        line: 39,
        col: 77,
        path: 'assignments[0].accounts[0]',
        message: "account 'managment' is not defined in accounts (did you mean 'management'?)",
        severity: 'error',
      },
    ]);
  });

  test('fails with usage (exit 2) when no model is named', async () => {
    const res = await runCli(['validate']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Not enough non-option arguments');
  });
});

describe('idcgen schema', () => {
  test('prints the JSON Schema, identical to the committed schema/org-model.schema.json', async () => {
    const res = await runCli(['schema']);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(schemaText());
    // If this fails, regenerate: node dist/src/cli/index.js schema > schema/org-model.schema.json
    expect(fs.readFileSync(path.join(ROOT, 'schema/org-model.schema.json'), 'utf8')).toBe(res.stdout);
  });

  test('the JSON Schema accepts every example and the starter model, and rejects an unknown key', () => {
    const fromJson = z.fromJSONSchema(JSON.parse(schemaText()));
    for (const f of EXAMPLES) expect([f, fromJson.safeParse(parse(fs.readFileSync(path.join(ROOT, f), 'utf8'))).success]).toEqual([f, true]);
    expect(fromJson.safeParse(parse(STARTER_MODEL)).success).toBe(true);
    expect(fromJson.safeParse({ ...parse(STARTER_MODEL), extra: 1 }).success).toBe(false);
  });
});

describe('idcgen init', () => {
  test('writes a starter model that validates', async () => {
    const file = path.join(tmp, 'org.yaml');
    const res = await runCli(['init', '--out', file]);
    expect(res.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(STARTER_MODEL);
    const check = await runCli(['validate', file]);
    expect(check).toEqual({ code: 0, stdout: `${file}: ok\n`, stderr: '' });
  });

  test('fails if the file exists, leaving it unchanged', async () => {
    const file = path.join(tmp, 'org.yaml');
    fs.writeFileSync(file, 'mine\n');
    const res = await runCli(['init', '--out', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`idcgen: '${file}' already exists; idcgen init never overwrites a file, choose another --out\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
  });
});

describe('idcgen generate', () => {
  test('writes review.md, the HCL roots and the CDKTF stacks; a second run gives the same bytes', async () => {
    const out = path.join(tmp, 'out');
    const first = await runCli(['generate', 'examples/minimal.yaml', '--out', out]);
    expect(first).toEqual({ code: 0, stdout: expect.stringMatching(/^examples\/minimal\.yaml: wrote \d+ files to /), stderr: '' });
    for (const f of ['review.md', 'hcl/management/main.tf', 'hcl/assignments/main.tf', 'cdktf/stacks/management/cdk.tf.json', '.idcgen-output']) {
      expect([f, fs.existsSync(path.join(out, f))]).toEqual([f, true]);
    }
    const before = snapshot(out);
    const second = await runCli(['generate', 'examples/minimal.yaml', '--out', out]);
    expect(second.code).toBe(0);
    expect(snapshot(out)).toEqual(before);
  });

  test.each(EXAMPLES)('generates %s (exit 0, one root and one stack per unit)', async (example) => {
    const out = path.join(tmp, 'out');
    const res = await runCli(['generate', example, '--out', out]);
    expect(res.code).toBe(0);
    const units = fs
      .readdirSync(path.join(out, 'hcl'), { withFileTypes: true })
      .filter((u) => u.isDirectory() && u.name !== 'modules')
      .map((u) => u.name);
    expect(fs.readdirSync(path.join(out, 'cdktf/stacks')).sort()).toEqual(units.sort());
  });

  test.each([
    ['hcl', 'hcl/management/main.tf', 'cdktf'],
    ['cdktf', 'cdktf/manifest.json', 'hcl'],
  ])('--format %s writes %s and no %s', async (format, present, absent) => {
    const out = path.join(tmp, 'out');
    const res = await runCli(['generate', 'examples/minimal.yaml', '--out', out, '--format', format]);
    expect(res.code).toBe(0);
    expect(fs.existsSync(path.join(out, present))).toBe(true);
    expect(fs.existsSync(path.join(out, absent))).toBe(false);
    expect(fs.existsSync(path.join(out, 'review.md'))).toBe(true);
  });

  test('fails if --out is a directory idcgen did not write (exit 1), leaving it unchanged', async () => {
    const out = path.join(tmp, 'src');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'main.ts'), 'mine');
    const res = await runCli(['generate', 'examples/minimal.yaml', '--out', out]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      `idcgen: output directory '${out}' is not empty and was not written by idcgen (no .idcgen-output file); choose another --out or empty it\n`,
    );
    expect(fs.readdirSync(out)).toEqual(['main.ts']);
  });

  test.each([
    [['generate', 'examples/typical.yaml'], 'Missing required argument: out'],
    [['generate', 'examples/typical.yaml', '--out', 'x', '--format', 'pdf'], 'Invalid values'],
    [['genrate', 'examples/typical.yaml'], 'Did you mean generate?'],
  ])('fails with usage (exit 2): %j', async (args, message) => {
    const res = await runCli(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(fs.existsSync(path.join(ROOT, 'x'))).toBe(false);
  });

  test('ignores IDCGEN_* environment variables: options come from the command line only', async () => {
    process.env.IDCGEN_MODEL = 'examples/typical.yaml';
    process.env.IDCGEN_FORMAT = 'pdf';
    try {
      const res = await runCli(['validate', 'examples/minimal.yaml']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
    } finally {
      delete process.env.IDCGEN_MODEL;
      delete process.env.IDCGEN_FORMAT;
    }
  });
});
