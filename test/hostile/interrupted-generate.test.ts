/**
 * Ctrl-C during `generate`, on the built CLI in its own process. Generation is synchronous, so
 * SIGINT ends the process at once, wherever it is (see src/write/interrupted-output.ts): the
 * output directory must still hold the previous tree byte for byte, Terraform state of an applied
 * root included, and whatever the killed run left beside it must be cleared by the next run.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { builtCli, type BuiltCli } from './support/built-cli';
import { applyLike, snapshot } from './support/working-files';

const SLOW_WRITES = path.join(__dirname, 'support/slow-writes.js');

let cli: BuiltCli;
let tmp: string;
let previous: string;
let next: string;
/** What each model generates, without Terraform's files. */
let previousGenerated: Record<string, string>;
let nextGenerated: Record<string, string>;
/** The output before each test (the previous model's files and an applied management root), and what a finished run makes of it. */
let previousTree: Record<string, string>;
let nextTree: Record<string, string>;

/** Every entry below `dir`, with kind and bytes. */
const tree = snapshot;

/** Entries beside the output other than the inputs and the outputs themselves. */
function leftovers(): string[] {
  return fs.readdirSync(tmp).filter((n) => !['previous.yaml', 'next.yaml', 'out', 'expected', 'plugin-cache'].includes(n));
}

function generate(model: string, out: string): void {
  const res = spawnSync(process.execPath, [cli.entry, 'generate', model, '--out', out], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`generate ${model} exited ${res.status}: ${res.stderr}`);
}

/** Start `generate next.yaml`; resolves with how the process ended. */
function startNext(preload: string[]): { pid: number; kill: () => void; ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [...preload, cli.entry, 'generate', next, '--out', path.join(tmp, 'out')], { stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { pid: child.pid ?? -1, kill: () => child.kill('SIGINT'), ended };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(() => {
  cli = builtCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-sigint-'));
  // Two different synthetic organizations: a mixture of their outputs could not pass for either.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { syntheticModel, SIZES } = require(cli.synthetic) as typeof import('../../bench/synthetic');
  previous = path.join(tmp, 'previous.yaml');
  next = path.join(tmp, 'next.yaml');
  fs.writeFileSync(previous, stringify(syntheticModel(SIZES.small, 1)));
  fs.writeFileSync(next, stringify(syntheticModel({ ...SIZES.small, accounts: 40, assignmentEntries: 120 }, 2)));
  generate(previous, path.join(tmp, 'expected'));
  previousGenerated = tree(path.join(tmp, 'expected'));
  fs.rmSync(path.join(tmp, 'expected'), { recursive: true });
  generate(next, path.join(tmp, 'expected'));
  nextGenerated = tree(path.join(tmp, 'expected'));
  fs.rmSync(path.join(tmp, 'expected'), { recursive: true });
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  cli.cleanup();
});

beforeEach(() => {
  fs.rmSync(path.join(tmp, 'out'), { recursive: true, force: true });
  generate(previous, path.join(tmp, 'out'));
  expect(tree(path.join(tmp, 'out'))).toEqual(previousGenerated);
  // the management root was applied: its state, lock file and provider cache must survive whatever happens
  applyLike(path.join(tmp, 'out/hcl/management'), path.join(tmp, 'plugin-cache'));
  previousTree = tree(path.join(tmp, 'out'));
  const working = Object.fromEntries(Object.entries(previousTree).filter(([rel]) => !(rel in previousGenerated)));
  expect(Object.keys(working)).toContain('hcl/management/terraform.tfstate');
  nextTree = { ...nextGenerated, ...working };
});

test('SIGINT while the new tree is being written leaves the previous output byte-identical; the next run clears the leftover', async () => {
  // GIVEN a run whose file writes are slowed down (fault injection), so the signal lands mid-write
  const run = startNext(['-r', SLOW_WRITES]);
  const ownTemp = (n: string) => n.startsWith(`.out.idcgen-new-${run.pid}-`);
  await until(() => fs.readdirSync(tmp).some(ownTemp), 120_000);
  // WHEN Ctrl-C arrives
  run.kill();
  const { signal } = await run.ended;
  // THEN the process died of it, the output is the previous tree exactly, and the half-written tree
  // is beside it, not in it
  expect(signal).toBe('SIGINT');
  expect(tree(path.join(tmp, 'out'))).toEqual(previousTree);
  expect(leftovers().filter(ownTemp)).toHaveLength(1);
  expect(leftovers().every(ownTemp)).toBe(true);
  // WHEN the next run writes the same output THEN it succeeds and nothing is left over
  generate(next, path.join(tmp, 'out'));
  expect(tree(path.join(tmp, 'out'))).toEqual(nextTree);
  expect(leftovers()).toEqual([]);
});

test.each([50, 250, 500, 1000, 2000])('SIGINT %i ms into a run leaves the previous tree or the complete new one, never a mixture', async (delayMs) => {
  const run = startNext([]);
  await new Promise((r) => setTimeout(r, delayMs));
  run.kill();
  await run.ended;
  const now = tree(path.join(tmp, 'out'));
  expect([previousTree, nextTree]).toContainEqual(now);
  // and whatever the run left beside the output, the next run clears
  generate(previous, path.join(tmp, 'out'));
  expect(tree(path.join(tmp, 'out'))).toEqual(previousTree);
  expect(leftovers()).toEqual([]);
});
