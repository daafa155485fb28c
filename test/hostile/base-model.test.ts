/**
 * The hostile tests graft one bad piece onto BASE and expect a refusal; this proves BASE on its
 * own generates, so each refusal comes from the grafted piece and not from the model around it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { BASE, useScratch } from './support/hostile';

const scratch = useScratch();

test('the base model of the hostile tests generates cleanly', async () => {
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  expect(fs.existsSync(path.join(s.out, 'review.md'))).toBe(true);
});
