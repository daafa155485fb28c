/**
 * The README's promise that its examples work as written: every complete model in it (a yaml
 * block that starts with `version: 1`) validates through the CLI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const MODELS = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => y.startsWith('version: 1\n'));

test('the README holds at least one complete model', () => {
  expect(MODELS.length).toBeGreaterThan(0);
});

test.each(MODELS.map((m, i) => [i + 1, m]))('README model %i validates as written', async (_n, model) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-readme-'));
  try {
    const file = path.join(dir, 'org.yaml');
    fs.writeFileSync(file, model as string);
    const res = await runCli(['validate', file]);
    // warnings (production hints) are fine; any other line is an error
    for (const line of res.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^\S+:\d+:\d+: warning: /);
    expect(res.code).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
