/**
 * The built CLI loads review's base on a worker thread (src/pipeline-worker.ts) while the head
 * loads on the main thread; run from the sources (runCli) both load in-process. Whatever the
 * thread, the output, the errors and the exit code must be the same.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtCli, type BuiltCli } from '../hostile/support/built-cli';
import { stringify } from 'yaml';
import { SIZES, syntheticModel } from '../../bench/synthetic';
import { loadResolved } from '../../src/pipeline';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/review');
let cli: BuiltCli;
let dir: string;
beforeAll(() => {
  cli = builtCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-worker-'));
});
afterAll(() => {
  cli.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

function built(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli.entry, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    return await runCli(args);
  } finally {
    process.chdir(cwd);
  }
}

/** A copy of the review base with one line replaced (must change). */
function variant(name: string, from: string, to: string): string {
  const text = fs.readFileSync(path.join(FIXTURES, 'base.yaml'), 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  const file = path.join(dir, name);
  fs.writeFileSync(file, changed);
  return file;
}

test('GIVEN a review fixture WHEN the built CLI reviews it (base on a worker) THEN the golden Markdown and JSON, as in-process', async () => {
  const args = ['review', '--base-file', 'test/fixtures/review/base.yaml', '--head', 'test/fixtures/review/access/head.yaml'];
  const md = built(args);
  expect(md.code).toBe(0);
  expect(md.stdout).toBe(fs.readFileSync(path.join(FIXTURES, 'access/review.md'), 'utf8'));
  expect(md).toEqual(await inProcess(args));
  const json = built([...args, '--format', 'json']);
  expect(json).toEqual(await inProcess([...args, '--format', 'json']));
});

test('GIVEN an invalid base WHEN reviewed by the built CLI THEN exit 1 with the base file:line:col error, as in-process', async () => {
  const bad = variant('bad-base.yaml', 'sessionDuration: PT8H', 'sessionDuration: PT99H');
  const args = ['review', '--base-file', bad, '--head', 'test/fixtures/review/access/head.yaml'];
  const res = built(args);
  expect(res.code).toBe(1);
  expect(res.stderr).toMatch(/bad-base\.yaml:\d+:\d+: .*PT99H/);
  expect(res).toEqual(await inProcess(args));
});

test('GIVEN an invalid base and an invalid head THEN only the base is reported, as when they loaded one after the other', async () => {
  const badBase = variant('bad-base2.yaml', 'sessionDuration: PT8H', 'sessionDuration: PT99H');
  const badHead = variant('bad-head.yaml', 'sessionDuration: PT8H', 'sessionDuration: PT77H');
  const args = ['review', '--base-file', badBase, '--head', badHead];
  const res = built(args);
  expect(res.code).toBe(1);
  expect(res.stderr).toContain('bad-base2.yaml');
  expect(res.stderr).not.toContain('bad-head.yaml');
  expect(res).toEqual(await inProcess(args));
});

test.each([
  'examples/applications.yaml',
  'examples/delegated.yaml',
  'examples/enterprise.yaml',
  'examples/minimal.yaml',
  'examples/split/main.yaml',
  'examples/typical.yaml',
  'test/fixtures/review/base.yaml',
])('GIVEN %s WHEN its IR crosses from the loader thread as JSON text THEN it reads back equal, field for field (plain data, no undefined fields)', (model) => {
  const { ir } = loadResolved(path.join(ROOT, model));
  expect(JSON.parse(JSON.stringify(ir))).toStrictEqual(ir);
});

test('GIVEN a synthetic medium organization THEN its IR is plain data too (JSON round trip equal)', () => {
  const file = path.join(dir, 'medium.yaml');
  fs.writeFileSync(file, stringify(syntheticModel(SIZES.medium), { lineWidth: 0 }));
  const { ir } = loadResolved(file, { skipLint: true });
  expect(JSON.parse(JSON.stringify(ir))).toStrictEqual(ir);
});
