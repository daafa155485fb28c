import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { progress, QUIET_MS, TICK_MS, type ProgressStream } from '../../src/cli/progress';
import { runCli } from '../support/cli';

/** A stream that records what is written, and a clock the test moves. */
function setup(isTTY: boolean, env: NodeJS.ProcessEnv = {}, force = false) {
  const written: string[] = [];
  const stream: ProgressStream = { isTTY, write: (t: string) => written.push(t) };
  let t = 1000;
  const p = progress(stream, env, () => t, { force });
  return { p, written, advance: (ms: number) => (t += ms) };
}

describe('progress', () => {
  test('a long run on a terminal shows every stage with its size, earlier stages included, then done', () => {
    // GIVEN a terminal, no CI
    const { p, written, advance } = setup(true);
    // WHEN the first stage is quick and the second starts after the quiet period
    p.stage('load, validate and resolve', 'org.yaml');
    advance(QUIET_MS + 1600);
    p.stage('HCL', '369 roots');
    advance(30000);
    p.stage('CDKTF', '369 stacks');
    p.done();
    // THEN the first stage is shown once the run is long, before the one that made it long
    expect(written).toEqual([
      'idcgen: [ 0.0 s] load, validate and resolve: org.yaml\n',
      'idcgen: [ 2.1 s] HCL: 369 roots\n',
      'idcgen: [32.1 s] CDKTF: 369 stacks\n',
      'idcgen: [32.1 s] done\n',
    ]);
  });

  test('a short run prints nothing, even on a terminal', () => {
    const { p, written, advance } = setup(true);
    p.stage('load, validate and resolve', 'org.yaml');
    advance(QUIET_MS - 1);
    p.stage('HCL', '2 roots');
    p.done();
    expect(written).toEqual([]);
  });

  test.each([
    ['stderr is not a terminal', false, {}],
    ['CI=true', true, { CI: 'true' }],
    ['CI=1', true, { CI: '1' }],
  ])('prints nothing when %s', (_why, isTTY, env) => {
    const { p, written, advance } = setup(isTTY, env);
    p.stage('load, validate and resolve', 'org.yaml');
    advance(60000);
    p.stage('CDKTF', '369 stacks');
    p.done();
    expect(written).toEqual([]);
  });

  test('CI=false still shows progress on a terminal', () => {
    const { p, written, advance } = setup(true, { CI: 'false' });
    advance(QUIET_MS);
    p.stage('CDKTF', '3 stacks');
    expect(written).toEqual(['idcgen: [ 0.5 s] CDKTF: 3 stacks\n']);
  });

  test('--progress (force) shows every stage at once, also in CI and in a pipe', () => {
    const { p, written, advance } = setup(false, { CI: 'true' }, true);
    p.stage('load, validate and resolve', 'org.yaml');
    advance(100);
    p.stage('HCL', '2 roots');
    p.done();
    expect(written).toEqual(['idcgen: [ 0.0 s] load, validate and resolve: org.yaml\n', 'idcgen: [ 0.1 s] HCL: 2 roots\n', 'idcgen: [ 0.1 s] done\n']);
  });

  test('a long stage reports its count every TICK_MS, and not more often', () => {
    const { p, written, advance } = setup(false, {}, true);
    p.stage('HCL', '369 roots');
    for (let i = 1; i <= 369; i++) {
      advance(50); // 18.45 s in all
      p.count('HCL', i, 369, 'roots');
    }
    expect(written[0]).toBe('idcgen: [ 0.0 s] HCL: 369 roots\n');
    const counts = written.slice(1);
    expect(counts.length).toBe(Math.floor((369 * 50) / TICK_MS));
    expect(counts[0]).toBe(`idcgen: [ ${(TICK_MS / 1000).toFixed(1)} s] HCL: ${TICK_MS / 50}/369 roots\n`);
  });

  test('counts are silent where stage lines are', () => {
    const { p, written, advance } = setup(false, { CI: 'true' });
    advance(60000);
    p.count('CDKTF', 10, 20, 'stacks');
    expect(written).toEqual([]);
  });

  test('idcgen generate --progress prints every stage line in CI, however short the run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-progress-'));
    try {
      const res = await runCli(['generate', path.join(__dirname, '../../examples/minimal.yaml'), '--out', path.join(dir, 'out'), '--progress']);
      expect(res.code).toBe(0);
      const lines = res.stderr.split('\n').filter((l) => l.startsWith('idcgen: ['));
      expect(lines.map((l) => l.replace(/^idcgen: \[ *[\d.]+ s\] /, ''))).toEqual([
        expect.stringMatching(/^load, validate and resolve: .*minimal\.yaml$/),
        'HCL: 2 roots for 1 accounts and 1 assignments',
        'CDKTF: 2 stacks',
        'safety rails and review.md',
        expect.stringMatching(/^write: \d+ files to /),
        'done',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
