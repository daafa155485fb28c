/**
 * The GitHub Actions workflows in examples/ci, checked as far as they can be without GitHub: every
 * idcgen command they run exists, matrices are bounded, untrusted values reach scripts through
 * `env` only, and the steps that compute what to apply (touched units, waves, batches, the
 * backend check, the drift report) are run with bash and jq on real `generate` output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import type { UnitsFile } from '../../src/emit/apply-order';
import { allCommands } from '../../src/cli/cmds';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const CI = path.join(ROOT, 'examples/ci');

interface Step {
  id?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  steps?: Step[];
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: number; matrix?: Record<string, unknown> };
  uses?: string;
  needs?: string | string[];
  if?: string;
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = fs.readdirSync(CI).filter((f) => f.endsWith('.yml'));
const load = (f: string): Workflow => parse(fs.readFileSync(path.join(CI, f), 'utf8')) as Workflow;
const runs = (w: Workflow): string[] => Object.values(w.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.run ?? ''));
const step = (file: string, id: string): Step => {
  const found = Object.values(load(file).jobs)
    .flatMap((j) => j.steps ?? [])
    .find((s) => s.id === id || s.name === id);
  if (!found) throw new Error(`no step ${id} in ${file}`);
  return found;
};

/** Run a step's script with bash in `cwd`, with `env`; returns its exit code, output and $GITHUB_OUTPUT. */
function runStep(s: Step, cwd: string, env: Record<string, string>): { code: number; stdout: string; outputs: Record<string, string>; summary: string } {
  const out = path.join(cwd, 'github-output');
  const summary = path.join(cwd, 'step-summary');
  fs.writeFileSync(out, '');
  fs.writeFileSync(summary, '');
  const res = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', s.run ?? ''], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, ...env },
  });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(out, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: res.status ?? -1, stdout: `${res.stdout}${res.stderr}`, outputs, summary: fs.readFileSync(summary, 'utf8') };
}

describe('examples/ci workflows', () => {
  test('include the pull-request, apply (with its wave workflow) and drift workflows', () => {
    expect(WORKFLOWS).toEqual(expect.arrayContaining(['idcgen-apply-wave.yml', 'idcgen-apply.yml', 'idcgen-drift.yml', 'idcgen-pull-request.yml']));
  });

  test.each(WORKFLOWS)('%s runs only registered idcgen commands, never through a bare npx (which could fetch a public package)', (file) => {
    const text = runs(load(file)).join('\n');
    const registered = allCommands().map((c) => String(c.command).split(' ')[0]);
    const used = [...text.matchAll(/npx --no-install idcgen (\w+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((c) => !registered.includes(c))).toEqual([]);
    expect(text.match(/npx (?!--no-install )\S+/g) ?? []).toEqual([]);
  });

  test.each(WORKFLOWS)('%s passes values into scripts through env, never as ${{ }} inside a script', (file) => {
    expect(runs(load(file)).filter((r) => r.includes('${{'))).toEqual([]);
  });

  test.each(WORKFLOWS)('%s bounds every matrix (max-parallel) and never cancels its siblings (fail-fast: false)', (file) => {
    for (const [name, job] of Object.entries(load(file).jobs)) {
      if (!job.strategy?.matrix) continue;
      expect({ job: name, maxParallel: typeof job.strategy['max-parallel'], failFast: job.strategy['fail-fast'] }).toEqual({
        job: name,
        maxParallel: 'number',
        failFast: false,
      });
    }
  });

  test('the pull request workflow gates on the review last, after the plans, whatever they did', () => {
    const jobs = load('idcgen-pull-request.yml').jobs;
    expect(jobs.gate.needs).toEqual(['review', 'plan', 'plan-removed']);
    expect(jobs.gate.if).toContain('!cancelled()');
    expect(runs({ jobs: { gate: jobs.gate } }).join('\n')).toContain('--fail-on "$FAIL_ON"');
    expect(runs({ jobs: { review: jobs.review } }).join('\n')).not.toContain('--fail-on');
  });

  test('the apply workflow runs the waves in order, each after the previous one succeeded or had nothing to do', () => {
    const jobs = load('idcgen-apply.yml').jobs;
    for (const w of [2, 3, 4]) {
      expect(jobs[`wave-${w}`].needs).toEqual(['units', `wave-${w - 1}`]);
      expect(jobs[`wave-${w}`].if).toBe(`\${{ !cancelled() && !failure() && needs.units.outputs.wave${w} != '[]' }}`);
      expect(jobs[`wave-${w}`].uses).toBe('./.github/workflows/idcgen-apply-wave.yml');
    }
    expect(jobs['destroy-removed'].needs).toEqual(['units', 'wave-1', 'wave-2', 'wave-3', 'wave-4']);
  });
});

describe('the steps that decide what runs, on generated units.json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-ci-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let units: UnitsFile;
  const BATCHES = '8';

  beforeAll(async () => {
    // A model repository with the enterprise example (S3 backend, 3 waves, 15 units) in git.
    fs.copyFileSync(path.join(ROOT, 'examples/enterprise.yaml'), path.join(dir, 'org.yaml'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await runCli(['generate', 'org.yaml', '--out', 'generated', '--format', 'hcl'])).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    units = JSON.parse(fs.readFileSync(path.join(dir, 'generated/hcl/units.json'), 'utf8')) as UnitsFile;
  });

  const waveOutputs = (touched: string[]): Record<string, string[][]> => {
    fs.writeFileSync(path.join(dir, 'touched.json'), JSON.stringify(touched));
    const res = runStep(step('idcgen-apply.yml', 'waves'), dir, { BATCHES });
    expect(res.code).toBe(0);
    return Object.fromEntries(Object.entries(res.outputs).map(([k, v]) => [k, (JSON.parse(v) as string[]).map((b) => b.split(' '))]));
  };

  test('waves: every touched unit once, in its wave, in at most BATCHES batches; empty waves are []', () => {
    const all = units.units.map((u) => u.name);
    const out = waveOutputs(all);
    expect(Object.keys(out)).toEqual(['wave1', 'wave2', 'wave3', 'wave4']);
    for (let w = 1; w <= 4; w++) {
      const batches = out[`wave${w}`];
      expect(batches.length).toBeLessThanOrEqual(Number(BATCHES));
      expect(batches.flat().sort()).toEqual(
        units.units
          .filter((u) => u.wave === w)
          .map((u) => u.name)
          .sort(),
      );
    }
    expect(out.wave2.length).toBe(8); // 11 units dealt into 8 batches
    expect(out.wave4).toEqual([]);
  });

  test('waves: only the touched units', () => {
    const out = waveOutputs(['assignments-1', 'account-data-prod']);
    expect(out).toEqual({ wave1: [], wave2: [['account-data-prod']], wave3: [['assignments-1']], wave4: [] });
  });

  test('touched units: the review of the previous commit when there is one, every unit otherwise', async () => {
    // a shim for npx --no-install idcgen that runs this checkout's CLI
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    const cli = path.join(ROOT, 'dist/src/cli/index.js');
    if (!fs.existsSync(cli)) execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
    fs.writeFileSync(
      path.join(bin, 'npx'),
      `#!/bin/sh\n[ "$1" = --no-install ] && shift\n[ "$1" = idcgen ] && shift\nexec node ${JSON.stringify(cli)} "$@"\n`,
      { mode: 0o755 },
    );
    const env = {
      MODEL: 'org.yaml',
      PATH: `${bin}:${process.env.PATH}`,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    };
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
    git('init', '-q');
    git('add', 'org.yaml');
    git('commit', '-qm', 'base');
    const before = git('rev-parse', 'HEAD');
    // one more assignment in one account
    const model = parse(fs.readFileSync(path.join(dir, 'org.yaml'), 'utf8')) as { assignments: unknown[] };
    model.assignments.push({ user: 'dave', permissionSet: 'SecurityAudit', accounts: ['data-prod'] });
    fs.writeFileSync(path.join(dir, 'org.yaml'), stringify(model));
    git('commit', '-qam', 'head');

    const touched = runStep(step('idcgen-apply.yml', 'touched'), dir, { ...env, BEFORE: before });
    // warnings (lint of the models) are fine; nothing else may be printed
    expect({ code: touched.code, out: touched.stdout.replace(/^\S+:\d+:\d+: warning: .*\n/gm, '') }).toEqual({ code: 0, out: '' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'touched.json'), 'utf8'))).toEqual([
      units.units.find((u) => u.kind === 'assignments' && fs.readFileSync(path.join(dir, 'generated/hcl', u.dir, 'main.tf'), 'utf8').includes('data-prod'))!
        .name,
    ]);
    expect(touched.outputs.removed).toBe('[]');

    const first = runStep(step('idcgen-apply.yml', 'touched'), dir, { ...env, BEFORE: '' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'touched.json'), 'utf8'))).toEqual(units.units.map((u) => u.name));
    expect(first.outputs.removed).toBe('[]');
  });

  test('drift batches: every unit once, in at most BATCHES batches', () => {
    const res = runStep(step('idcgen-drift.yml', 'batches'), dir, { BATCHES });
    const batches = (JSON.parse(res.outputs.batches) as string[]).map((b) => b.split(' '));
    expect(batches.length).toBe(8);
    expect(batches.flat().sort()).toEqual(units.units.map((u) => u.name).sort());
  });

  test('the backend check passes with the S3 backend and fails clearly with local state', () => {
    const check = step('idcgen-apply.yml', 'Check the state backend');
    expect(runStep(check, dir, { MODEL: 'org.yaml' }).code).toBe(0);
    const local = { ...units, units: units.units.map((u) => ({ ...u, backend: { type: 'local', path: 'terraform.tfstate' } })) };
    const other = path.join(dir, 'local');
    fs.mkdirSync(path.join(other, 'generated/hcl'), { recursive: true });
    fs.writeFileSync(path.join(other, 'generated/hcl/units.json'), JSON.stringify(local));
    for (const file of ['idcgen-apply.yml', 'idcgen-drift.yml', 'idcgen-pull-request.yml']) {
      const res = runStep(step(file, 'Check the state backend'), other, { MODEL: 'org.yaml' });
      expect(res.code).toBe(1);
      expect(res.stdout).toContain('::error::org.yaml keeps Terraform state locally (no deployment.backend)');
    }
  });

  test('the drift report lists drifted and failed units and fails the run; no drift passes', () => {
    const report = step('idcgen-drift.yml', 'Units with drift');
    const work = path.join(dir, 'report');
    for (const [i, drift, errors] of [
      [0, 'assignments-1\n', ''],
      [1, 'account-data-prod\n', 'management\n'],
      [2, '', ''],
    ] as const) {
      fs.mkdirSync(path.join(work, `results/drift-${i}`), { recursive: true });
      fs.writeFileSync(path.join(work, `results/drift-${i}/drift.txt`), drift);
      fs.writeFileSync(path.join(work, `results/drift-${i}/errors.txt`), errors);
    }
    const res = runStep(report, work, {});
    expect(res.code).toBe(1);
    expect(res.summary).toBe(
      '## idcgen drift check\nUnits whose live state differs from the model:\n- account-data-prod\n- assignments-1\n\nUnits whose plan failed:\n- management\n',
    );
    const clean = path.join(dir, 'clean');
    fs.mkdirSync(path.join(clean, 'results/drift-0'), { recursive: true });
    fs.writeFileSync(path.join(clean, 'results/drift-0/drift.txt'), '');
    fs.writeFileSync(path.join(clean, 'results/drift-0/errors.txt'), '');
    const ok = runStep(report, clean, {});
    expect(ok.code).toBe(0);
    expect(ok.summary).toBe('## idcgen drift check\nNo drift.\n');
  });
});
