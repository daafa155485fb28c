import { progress, QUIET_MS, type ProgressStream } from '../../src/cli/progress';

/** A stream that records what is written, and a clock the test moves. */
function setup(isTTY: boolean, env: NodeJS.ProcessEnv = {}) {
  const written: string[] = [];
  const stream: ProgressStream = { isTTY, write: (t: string) => written.push(t) };
  let t = 1000;
  const p = progress(stream, env, () => t);
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
});
