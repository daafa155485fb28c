/**
 * examples/ci/idcgen-pull-request.yml stays in step with the CLI: every `idcgen` command and flag it
 * runs exists, and the fields its jq filters read are in `review --format json`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { allCommands } from '../../src/cli/cmds';
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

test('the fields the jq filters read are in the review json', async () => {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const res = await runCli(['review', '--base', 'test/fixtures/review/base.yaml', '--head', 'test/fixtures/review/settings-units/head.yaml', '--format', 'json', '--fail-on', 'critical']);
    expect(res.code).toBe(0);
    const units = JSON.parse(res.stdout).units as Record<string, unknown>[];
    expect(runs).toContain(`jq -c '[.units[] | select(.change != "removed") | .name]' review.json`);
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) {
      expect(typeof u.name).toBe('string');
      expect(['added', 'changed', 'removed']).toContain(u.change);
    }
  } finally {
    process.chdir(cwd);
  }
});
