/**
 * Lint only reports: generating with every warning rule turned off (`lint: { disable }`) writes the
 * same bytes as generating with all of them on, and resolves to the same IR.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadResolved } from '../../src/pipeline';
import { disableableRules } from '../../src/model/lint-rules';
import { withoutModelDigest } from '../property/support/generate';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-lint-bytes-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The example as `<dir>/org.yaml`, with every disableable rule turned off when `disabled`. */
function copy(example: string, dir: string, disabled: boolean): string {
  fs.mkdirSync(path.join(tmp, dir));
  const file = path.join(tmp, dir, 'org.yaml');
  const text = fs.readFileSync(path.join(ROOT, example), 'utf8');
  fs.writeFileSync(file, disabled ? `${text}lint:\n  disable: [${disableableRules().join(', ')}]\n` : text);
  return file;
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

test('GIVEN typical.yaml with its warnings on and with every warning rule disabled WHEN generated THEN the outputs are byte-identical', async () => {
  const on = copy('examples/typical.yaml', 'on', false);
  const off = copy('examples/typical.yaml', 'off', true);
  const a = await runCli(['generate', on, '--out', path.join(tmp, 'on', 'out')]);
  const b = await runCli(['generate', off, '--out', path.join(tmp, 'off', 'out')]);
  expect(a.code).toBe(0);
  expect(b.code).toBe(0);
  // the warnings were really there, and really turned off
  expect(a.stderr).toMatch(/warning: user 'alice'/);
  expect(b.stderr).not.toMatch(/warning:/);
  const ta = tree(path.join(tmp, 'on', 'out'));
  const tb = tree(path.join(tmp, 'off', 'out'));
  expect(Object.keys(ta).length).toBeGreaterThan(10);
  // The marker records a digest of the model's text (for generate --changed-since), and the two
  // texts differ by the lint line; every other byte, the marker's included, is the same.
  const marker = (t: Record<string, string>) => JSON.parse(t['.idcgen-output']) as { facts: { generatedFrom: { model: string } } };
  expect(marker(tb).facts.generatedFrom.model).not.toBe(marker(ta).facts.generatedFrom.model);
  expect(withoutModelDigest(tb)).toEqual(withoutModelDigest(ta));
});

test.each(['examples/enterprise.yaml', 'examples/typical.yaml', 'examples/minimal.yaml'])(
  '%s resolves to the same IR with every warning rule disabled',
  (example) => {
    const name = path.basename(example, '.yaml');
    const on = loadResolved(copy(example, `${name}-ir-on`, false));
    const off = loadResolved(copy(example, `${name}-ir-off`, true));
    expect(off.warnings.filter((w) => w.rule !== undefined)).toEqual([]);
    expect(JSON.stringify(off.ir)).toBe(JSON.stringify(on.ir));
  },
);
