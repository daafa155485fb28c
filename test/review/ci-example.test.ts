/**
 * examples/ci/idcgen-pull-request.yml stays in step with the CLI: every `idcgen` command and flag it
 * runs exists, the fields its jq filters read are in `review --format json`, the plans run on the
 * review's batches whatever the gate says, and the comment it posts for a one-line change to the
 * 2,000-account model fits GitHub's limit (rendered and posted through the workflow's own script).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { allCommands } from '../../src/cli/cmds';
import * as os from 'node:os';
import { stringify } from 'yaml';
import { ONE_LINE_CHANGE, SIZES, syntheticModel } from '../../bench/synthetic';
import { mdText } from '../../src/review';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const workflow = fs.readFileSync(path.join(ROOT, 'examples/ci/idcgen-pull-request.yml'), 'utf8');

interface Step {
  run?: string;
}
const runs = Object.values((parse(workflow) as { jobs: Record<string, { steps: Step[] }> }).jobs)
  .flatMap((j) => j.steps)
  .map((s) => s.run ?? '')
  .join('\n');

test('the workflow is valid yaml with review, plan, plan-removed and gate jobs', () => {
  expect(Object.keys((parse(workflow) as { jobs: object }).jobs)).toEqual(['review', 'plan', 'plan-removed', 'gate']);
});

test('every idcgen command the workflow runs is registered', () => {
  const used = [...runs.matchAll(/npx --no-install idcgen (\w+)/g)].map((m) => m[1]);
  const registered = allCommands().map((c) => String(c.command).split(' ')[0]);
  expect(used.length).toBeGreaterThan(0);
  expect(used.filter((c) => !registered.includes(c))).toEqual([]);
});

test('the batches the jq filters read are in the review json: lists of units, planned or removed', async () => {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const res = await runCli([
      'review',
      '--base-file',
      'test/fixtures/review/base.yaml',
      '--head',
      'test/fixtures/review/settings-units/head.yaml',
      '--format',
      'json',
      '--fail-on',
      'critical',
    ]);
    expect(res.code).toBe(0);
    const r = JSON.parse(res.stdout) as { units: { name: string; change: string }[]; batches: string[][]; removedBatches: string[][] };
    expect(runs).toContain(`jq -c '.batches' review.json`);
    expect(runs).toContain(`jq -c '.removedBatches' review.json`);
    expect(r.batches.flat()).toEqual(['management', 'assignments']);
    expect(r.removedBatches).toEqual([['account-dev-app']]);
    expect(r.units.map((u) => u.name).sort()).toEqual([...r.batches.flat(), ...r.removedBatches.flat()].sort());
  } finally {
    process.chdir(cwd);
  }
});

interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { matrix?: Record<string, string> };
  steps: { run?: string; uses?: string; with?: { script?: string } }[];
}
const jobs = (parse(workflow) as { jobs: Record<string, Job> }).jobs;

test('the plans need only the review and run on its batches; only the last job gates', () => {
  for (const [name, output] of [
    ['plan', 'batches'],
    ['plan-removed', 'removed-batches'],
  ]) {
    expect(jobs[name].needs).toBe('review');
    expect(jobs[name].if).toBe(`needs.review.outputs.${output} != '[]'`);
    expect(jobs[name].strategy?.matrix).toEqual({ batch: `\${{ fromJSON(needs.review.outputs.${output}) }}` });
  }
  const failOn = Object.entries(jobs).filter(([, j]) => j.steps.some((st) => st.run?.includes('--fail-on')));
  expect(failOn.map(([n]) => n)).toEqual(['gate']);
  // every review reads the base through git only
  expect([...runs.matchAll(/idcgen review ([^>\n]*)/g)].map((m) => m[1]).every((args) => args.includes('--base-ref "$BASE"'))).toBe(true);
});

describe('the comment for a one-line change to a 2,000-account model', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-ci-comment-'));
    const model = syntheticModel(SIZES.enterprise);
    fs.writeFileSync(path.join(dir, 'base.yaml'), stringify(model, { lineWidth: 0 }));
    fs.writeFileSync(path.join(dir, 'head.yaml'), stringify({ ...model, assignments: [...(model.assignments ?? []), ONE_LINE_CHANGE] }, { lineWidth: 0 }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("is posted within GitHub's 65,536 characters, with the summary and every risk, and its batches fit a matrix", async () => {
    // GIVEN the review the workflow writes (its own --max-chars), and the json it reads batches from
    const flags = /idcgen review --base-ref "\$BASE" --head "\$MODEL" (--max-chars \d+) > review\.md/.exec(runs)![1].split(' ');
    const md = await runCli(['review', '--base-file', path.join(dir, 'base.yaml'), '--head', path.join(dir, 'head.yaml'), ...flags]);
    const json = await runCli(['review', '--base-file', path.join(dir, 'base.yaml'), '--head', path.join(dir, 'head.yaml'), '--format', 'json']);
    expect(md.code).toBe(0);
    fs.writeFileSync(path.join(dir, 'review.md'), md.stdout);
    // WHEN the workflow's own comment script runs against a recording GitHub client
    const script = jobs.review.steps.find((st) => st.uses?.startsWith('actions/github-script'))!.with!.script!;
    const posted: string[] = [];
    const github = {
      paginate: async () => [],
      rest: {
        issues: { listComments: () => undefined, createComment: async (c: { body: string }) => void posted.push(c.body), updateComment: async () => undefined },
      },
    };
    const context = { repo: { owner: 'o', repo: 'r' }, issue: { number: 1 } };
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
      await new AsyncFunction('require', 'github', 'context', script)(require, github, context);
    } finally {
      process.chdir(cwd);
    }
    // THEN one comment under GitHub's limit, with the summary and each risk row
    expect(posted).toHaveLength(1);
    expect(posted[0].length).toBeLessThanOrEqual(65_536);
    const review = JSON.parse(json.stdout) as { risks: { message: string }[]; batches: string[][]; units: { change: string }[] };
    expect(posted[0]).toContain('**Summary:**');
    expect(review.risks.length).toBeGreaterThan(0);
    for (const f of review.risks) expect(posted[0]).toContain(mdText(f.message));
    expect(review.batches.length).toBeLessThanOrEqual(256);
    expect(review.batches.flat().length).toBe(review.units.filter((u) => u.change !== 'removed').length);
  });
});
