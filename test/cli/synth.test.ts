/**
 * `idcgen synth <model>`, the app command of a user's cdktf.json: the same stacks as `generate`,
 * written where cdktf says (CDKTF_OUTDIR), and the same safety rails as `generate`: a model
 * that breaks one is refused and nothing is written unless `--allow-unsafe` names the rule.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import type { OrgModel } from '../../src/model/schema';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out[child] = fs.readFileSync(path.join(dir, child), 'utf8');
    }
  };
  walk('');
  return out;
}

describe('idcgen synth', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-synth-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const saved = process.env.CDKTF_OUTDIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = saved;
  });

  test('writes into CDKTF_OUTDIR exactly the stacks generate writes, and keeps what else is there (Terraform working files)', async () => {
    const model = path.join(ROOT, 'examples/typical.yaml');
    expect((await runCli(['generate', model, '--out', path.join(dir, 'gen'), '--format', 'cdktf'])).code).toBe(0);
    const outdir = path.join(dir, 'cdktf.out');
    fs.mkdirSync(path.join(outdir, 'stacks/management/.terraform'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'stacks/management/terraform.tfstate'), '{}');
    process.env.CDKTF_OUTDIR = outdir;
    const res = await runCli(['synth', model]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    const written = tree(outdir);
    expect(written['stacks/management/terraform.tfstate']).toBe('{}');
    delete written['stacks/management/terraform.tfstate'];
    expect(written).toEqual(tree(path.join(dir, 'gen/cdktf')));
  });

  test('fails if the model breaks a safety rail, naming the rule, and writes nothing; --allow-unsafe lets it through with a warning', async () => {
    const m = parse(fs.readFileSync(path.join(ROOT, 'examples/typical.yaml'), 'utf8')) as OrgModel;
    const file = path.join(dir, 'short-window.yaml');
    fs.writeFileSync(file, stringify({ ...m, keys: m.keys!.map((k) => ({ ...k, deletionWindowDays: 7 })) }));
    const outdir = path.join(dir, 'refused.out');
    const refused = await runCli(['synth', file, '--out', outdir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /deletionWindowDays 7 is shorter than 30.*safety rail key-deletion-protection-off refuses to generate this, fix the model or pass --allow-unsafe key-deletion-protection-off/,
    );
    expect(fs.existsSync(outdir)).toBe(false);

    const allowed = await runCli(['synth', file, '--out', outdir, '--allow-unsafe', 'key-deletion-protection-off']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('warning:');
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
  });
});
