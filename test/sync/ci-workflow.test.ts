/**
 * examples/ci/idcgen-accounts-sync.yml stays in step with the CLI: it runs a registered command
 * with options that exist, reads exactly the exit codes the command documents, and pushes a
 * branch only when the sync changed something.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { EXIT_CHANGED } from '../../src/cli/cmds/accounts';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const workflow = parse(fs.readFileSync(path.join(ROOT, 'examples/ci/idcgen-accounts-sync.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: { sync: { permissions: Record<string, string>; steps: { id?: string; if?: string; run?: string }[] } };
};
const steps = workflow.jobs.sync.steps;

test('runs on a schedule and on demand, with read-only repository permissions for the job itself', () => {
  expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
  expect(workflow.jobs.sync.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
});

test('the sync step runs idcgen accounts sync with --write and maps exit 0 and 3, failing on anything else', async () => {
  const sync = steps.find((s) => s.id === 'sync')?.run ?? '';
  expect(sync).toContain('npx --no-install idcgen accounts sync "$MODEL" --write');
  expect(sync).toContain(`${EXIT_CHANGED}) echo "changed=true"`);
  expect(sync).toContain('0) echo "changed=false"');
  expect(sync).toContain('*) exit "$code"');
  // the options it passes exist
  const help = await runCli(['accounts', 'sync', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('--write');
});

test('only a changed sync validates, commits and opens the pull request', () => {
  const after = steps.slice(steps.findIndex((s) => s.id === 'sync') + 1);
  expect(after.length).toBeGreaterThan(0);
  for (const s of after) expect(s.if).toBe("steps.sync.outputs.changed == 'true'");
  expect(after.map((s) => s.run ?? '').join('\n')).toMatch(
    /npx --no-install idcgen validate "\$MODEL"[\s\S]*git push --force origin "\$BRANCH"[\s\S]*gh pr create/,
  );
});
