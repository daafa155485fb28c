/**
 * review loads its base without lint (src/cli/cmds/review.ts BASE_LOAD): the base's warnings are
 * never shown and lint cannot refuse it, so the lint pass was work for nothing. The IR, and so the
 * review, must not depend on it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadResolved } from '../../src/pipeline';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-base-load-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('GIVEN a model that breaks lint rules WHEN loaded with skipLint THEN the same IR, and no lint finding', () => {
  // GIVEN a least-privilege key with no administrators and no deployer (lint errors)
  const text = fs
    .readFileSync(path.join(ROOT, 'examples/typical.yaml'), 'utf8')
    .replace('policyProfile: baseline', 'policyProfile: least-privilege')
    .replace('    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]', '    administrators: []')
    .replace(/^deployment:\n {2}deployer: .*\n/m, '');
  const file = path.join(dir, 'base.yaml');
  fs.writeFileSync(file, text);
  // WHEN
  const linted = loadResolved(file, { lintAsWarnings: true });
  const unlinted = loadResolved(file, { lintAsWarnings: true, skipLint: true });
  // THEN the lint findings were there to skip, the IR is the same, and none of them is reported
  expect(linted.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringContaining('names no deployer')]));
  expect(unlinted.ir).toEqual(linted.ir);
  expect(unlinted.warnings.filter((w) => w.message.includes('names no deployer') || w.message.includes('kms:PutKeyPolicy'))).toEqual([]);
});
