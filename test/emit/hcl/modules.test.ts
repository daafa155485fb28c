/**
 * The reusable modules in modules/: the agreed layout, documented variables and outputs, READMEs
 * whose inputs/outputs tables match the code, and Terraform's fmt, init and validate on every
 * module's example.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { listFiles } from '../../../src/emit/hcl/private/assets';
import { describeWithTerraform, terraformOk } from '../../support/terraform';
import { removeWorkDir } from './support/harness';
import { docsSection, moduleDocs } from './support/module-docs';

const MODULES = path.resolve(__dirname, '../../../modules');
const FILES = ['main.tf', 'outputs.tf', 'variables.tf', 'versions.tf'];
const TOP = ['account-assignments', 'identity-center-key', 'identity-store', 'key-user-policies', 'permission-sets'];
const ALL = [...TOP, 'identity-center-key/modules/replica'];
const EXAMPLES = TOP.flatMap((m) => fs.readdirSync(path.join(MODULES, m, 'examples')).map((c) => `${m}/examples/${c}`));

describe('modules', () => {
  test.each(ALL)('%s has main, variables, outputs, versions and a README', (m) => {
    for (const f of [...FILES, 'README.md']) expect([m, f, fs.existsSync(path.join(MODULES, m, f))]).toEqual([m, f, true]);
  });

  test.each(TOP)('%s has an example with the same four files that calls the module as ../..', (m) => {
    const cases = fs.readdirSync(path.join(MODULES, m, 'examples'));
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const dir = path.join(MODULES, m, 'examples', c);
      expect(
        fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.tf'))
          .sort(),
      ).toEqual(FILES);
      expect(fs.readFileSync(path.join(dir, 'main.tf'), 'utf8')).toMatch(/source\s+= "\.\.\/\.\."/);
    }
  });

  test.each(ALL)('%s documents every variable (with a type) and every output', async (m) => {
    const vars = await parse('variables.tf', fs.readFileSync(path.join(MODULES, m, 'variables.tf'), 'utf8'));
    for (const [name, [v]] of Object.entries(vars.variable as Record<string, Record<string, unknown>[]>)) {
      expect([name, typeof v.description, typeof v.type]).toEqual([name, 'string', 'string']);
    }
    const outs = await parse('outputs.tf', fs.readFileSync(path.join(MODULES, m, 'outputs.tf'), 'utf8'));
    for (const [name, [o]] of Object.entries(outs.output as Record<string, Record<string, unknown>[]>)) {
      expect([name, typeof o.description]).toEqual([name, 'string']);
    }
  });

  test.each(ALL)('%s README lists exactly its inputs and outputs', async (m) => {
    const file = path.join(MODULES, m, 'README.md');
    const readme = fs.readFileSync(file, 'utf8');
    const expected = await moduleDocs(path.join(MODULES, m));
    if (process.env.IDCGEN_UPDATE_GOLDEN === '1') {
      fs.writeFileSync(
        file,
        readme.replace(docsSection(readme) ?? '', () => expected),
      );
    }
    expect(docsSection(fs.readFileSync(file, 'utf8'))).toBe(expected);
  });

  test('every module file parses with HashiCorp HCL', async () => {
    for (const rel of listFiles(MODULES, (f) => f.endsWith('.tf'))) {
      await expect(parse(rel, fs.readFileSync(path.join(MODULES, rel), 'utf8'))).resolves.toBeDefined();
    }
  });
});

describeWithTerraform('modules under Terraform', () => {
  // A copy, so no .terraform directory or lock file lands in the repository.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-modules-'));
  beforeAll(() => fs.cpSync(MODULES, path.join(dir, 'modules'), { recursive: true }));
  afterAll(() => removeWorkDir(dir));

  test('every module and example is formatted exactly as terraform fmt would', () => {
    terraformOk(path.join(dir, 'modules'), ['fmt', '-check', '-recursive', '-diff']);
  });

  test('every example passes init -backend=false and validate', () => {
    // One configuration calls every example, so Terraform starts twice instead of twice per example.
    const calls = EXAMPLES.map((e) => `module "${e.replace(/\W/g, '_')}" {\n  source = "./modules/${e}"\n}\n`);
    fs.writeFileSync(path.join(dir, 'main.tf'), calls.join('\n'));
    terraformOk(dir, ['init', '-backend=false', '-input=false']);
    terraformOk(dir, ['validate']);
  });
});
