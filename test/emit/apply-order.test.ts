/**
 * hcl/units.json, hcl/atlantis.yaml and hcl/README.md against the roots `generate` writes beside
 * them: every root listed once, dependencies acyclic and equal to the CDKTF manifest's stack
 * dependencies, waves that respect them, the state key and assumed role each root really has
 * (read from its backend.tf and providers.tf with HashiCorp's HCL parser), and an atlantis.yaml
 * that Atlantis's repo-config rules accept.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse, stringify } from 'yaml';
import type { UnitsFile } from '../../src/emit/apply-order';
import { memberModel } from '../fixtures/member-model';
import { splitModel } from '../fixtures/split-model';
import { atlantisProblems } from '../support/atlantis-repo-config';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-apply-order-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MODELS: Record<string, () => string> = {
  member: () => stringify({ ...memberModel(), deployment: { planRoleName: 'IdcgenPlan', backend: { type: 's3', bucket: 'state', keyPrefix: 'idc' } } }),
  split: () => stringify(splitModel()),
  enterprise: () => fs.readFileSync(path.join(ROOT, 'examples/enterprise.yaml'), 'utf8'),
};

interface Atlantis {
  version: number;
  projects: { name: string; dir: string; execution_order_group: number; depends_on?: string[]; autoplan: { when_modified: string[] } }[];
}

describe.each(Object.keys(MODELS))('the %s model', (name) => {
  const out = path.join(dir, name);
  const read = (rel: string): string => fs.readFileSync(path.join(out, rel), 'utf8');
  let units: UnitsFile;
  let roots: string[];
  beforeAll(async () => {
    const file = path.join(dir, `${name}.yaml`);
    fs.writeFileSync(file, MODELS[name]());
    const res = await runCli(['generate', file, '--out', out, '--atlantis-dir', `infra/${name}/hcl`]);
    expect(res.code).toBe(0);
    units = JSON.parse(read('hcl/units.json')) as UnitsFile;
    roots = fs
      .readdirSync(path.join(out, 'hcl'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'modules')
      .map((e) => e.name);
  });

  test('units.json lists every generated root once, and each unit has its root and its CDKTF stack', () => {
    expect(units.units.map((u) => u.dir).sort()).toEqual([...roots].sort());
    expect(new Set(units.units.map((u) => u.name)).size).toBe(units.units.length);
    for (const u of units.units) expect(fs.existsSync(path.join(out, 'cdktf/stacks', u.stack, 'cdk.tf.json'))).toBe(true);
  });

  test('dependencies are the CDKTF manifest stack dependencies, acyclic, and every one in an earlier wave', () => {
    const manifest = JSON.parse(read('cdktf/manifest.json')) as { stacks: Record<string, { dependencies: string[] }> };
    const byName = new Map(units.units.map((u) => [u.name, u]));
    for (const u of units.units) {
      expect([u.name, [...u.dependsOn].sort()]).toEqual([u.name, [...manifest.stacks[u.stack].dependencies].sort()]);
      for (const d of u.dependsOn) expect({ unit: u.name, dep: d, earlier: byName.get(d)!.wave < u.wave }).toEqual({ unit: u.name, dep: d, earlier: true });
    }
    // acyclic: a topological order exists (Kahn)
    const pending = new Map(units.units.map((u) => [u.name, new Set(u.dependsOn)]));
    while (pending.size > 0) {
      const ready = [...pending].filter(([, deps]) => [...deps].every((d) => !pending.has(d))).map(([n]) => n);
      expect(ready.length).toBeGreaterThan(0);
      for (const n of ready) pending.delete(n);
    }
    expect(units.waves.flat().sort()).toEqual(units.units.map((u) => u.name).sort());
    units.waves.forEach((names, i) => names.forEach((n) => expect(byName.get(n)!.wave).toBe(i + 1)));
  });

  test("each unit's backend and assumed roles are what its root's backend.tf and providers.tf say", async () => {
    for (const u of units.units) {
      const backend = (await parseHcl('backend.tf', read(`hcl/${u.dir}/backend.tf`))).terraform[0].backend;
      if (u.backend.type === 's3') {
        expect(backend.s3[0]).toMatchObject({ bucket: u.backend.bucket, key: u.backend.key, region: u.backend.region });
      } else {
        expect(backend.local[0].path).toBe(u.backend.path);
      }
      const providers = (await parseHcl('providers.tf', read(`hcl/${u.dir}/providers.tf`))).provider.aws as {
        alias?: string;
        allowed_account_ids: string[];
        assume_role?: { role_arn: string }[];
      }[];
      const main = providers.find((p) => p.alias === undefined)!;
      expect(main.allowed_account_ids).toEqual([u.account.id]);
      const role = main.assume_role?.[0].role_arn;
      if (u.runsAs.assumeRoleArn === null) expect(role).toBeUndefined();
      else if (u.runsAs.planAssumeRoleArn === u.runsAs.assumeRoleArn) expect(role).toBe(u.runsAs.assumeRoleArn);
      else expect(role).toBe(`\${var.idcgen_plan ? "${u.runsAs.planAssumeRoleArn}" : "${u.runsAs.assumeRoleArn}"}`);
    }
  });

  test('atlantis.yaml passes Atlantis repo-config validation and has one project per root, ordered like units.json', () => {
    const config = parse(read('hcl/atlantis.yaml')) as Atlantis;
    expect(atlantisProblems(config)).toEqual([]);
    expect(config.version).toBe(3);
    expect(config.projects.map((p) => p.name)).toEqual(units.units.map((u) => u.name));
    for (const [p, u] of config.projects.map((p, i) => [p, units.units[i]] as const)) {
      expect(p.dir).toBe(`infra/${name}/hcl/${u.dir}`);
      expect(p.execution_order_group).toBe(u.wave);
      expect(p.depends_on ?? []).toEqual(u.dependsOn);
      // when_modified is relative to the project dir: its own files and the shared modules exist there
      expect(p.autoplan.when_modified).toEqual(['*.tf', '../modules/**/*.tf', '.terraform.lock.hcl']);
      expect(fs.readdirSync(path.join(out, 'hcl', u.dir)).some((f) => f.endsWith('.tf'))).toBe(true);
      expect(fs.existsSync(path.join(out, 'hcl', u.dir, '../modules'))).toBe(true);
    }
  });

  test('hcl/README.md puts every root in the table of its wave', () => {
    const readme = read('hcl/README.md');
    const sections = readme.split(/^## /m).slice(1);
    units.waves.forEach((names, i) => {
      const section = sections.find((s) => s.startsWith(`Wave ${i + 1}\n`))!;
      const listed = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
      expect(listed).toEqual([...names]);
    });
  });
});

describe('atlantis.yaml project dirs', () => {
  test('default to <out>/hcl relative to the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      fs.writeFileSync('m.yaml', MODELS.member());
      expect((await runCli(['generate', 'm.yaml', '--out', 'gen/out', '--format', 'hcl'])).code).toBe(0);
      const config = parse(fs.readFileSync('gen/out/hcl/atlantis.yaml', 'utf8')) as Atlantis;
      expect(config.projects[0].dir).toBe('gen/out/hcl/management');
    } finally {
      process.chdir(cwd);
    }
  });

  test('are the unit names when the output lies outside the working directory (the hcl directory is the repository root)', async () => {
    const file = path.join(dir, 'outside.yaml');
    fs.writeFileSync(file, MODELS.member());
    const out = path.join(dir, 'outside');
    expect((await runCli(['generate', file, '--out', out, '--format', 'hcl'])).code).toBe(0);
    expect((parse(fs.readFileSync(path.join(out, 'hcl/atlantis.yaml'), 'utf8')) as Atlantis).projects[0].dir).toBe('management');
  });

  test.each(['../up/hcl', '/abs/hcl', 'gen/*/hcl', 'a/../b', '.'])('fails if --atlantis-dir is %s (usage, exit 2)', async (bad) => {
    const res = await runCli(['generate', path.join(ROOT, 'examples/minimal.yaml'), '--out', path.join(dir, 'never'), '--atlantis-dir', bad]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(
      `--atlantis-dir '${bad}' is not valid; expected a relative path from the repository root without '..' or glob characters, e.g. generated/hcl`,
    );
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  });
});

describe('the Atlantis checker', () => {
  test.each([
    [{ version: 3, projects: [{ dir: 'a', dependson: ['b'] }] }, 'atlantis.yaml.projects[0]: field dependson not found in type (unknown key)'],
    [{ projects: [{ dir: 'a' }] }, 'version: only versions 2 and 3 are supported (and it is required)'],
    [{ version: 3, projects: [{ dir: '../a' }] }, "projects[0].dir: cannot contain '..'"],
    [
      {
        version: 3,
        projects: [
          { name: 'x', dir: 'a' },
          { name: 'x', dir: 'b' },
        ],
      },
      'found two or more projects with name "x"; project names must be unique',
    ],
    [{ version: 3, projects: [{ name: 'a b', dir: 'a' }] }, 'projects[0].name: must contain only URL safe characters'],
    [{ version: 3, projects: [{ dir: 'a', execution_order_group: '1' }] }, 'atlantis.yaml.projects[0].execution_order_group: expected an int, found "1"'],
  ])('rejects what Atlantis rejects: %j', (config, problem) => {
    expect(atlantisProblems(config)).toContain(problem);
  });
});
