/**
 * The package as a user gets it: `npm pack`, installed into a temporary directory outside the
 * checkout (a copy of examples/cdktf-app, the model repository a platform team would have), with
 * npm and no network (`npm ci --offline`: every dependency comes from the npm cache, which the
 * checkout's own `npm ci` filled). There:
 * - the tarball holds only what runs (dist/src, modules, templates, schema);
 * - `npx --no-install idcgen generate` finds the installed bin and writes the same files as this checkout;
 * - `cdktf synth` with the example's cdktf.json (the prebuilt `idcgen synth` app) writes the same
 *   stacks, and so does the example's main.ts, compiled against the package's type declarations.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { TF_CLI_CONFIG } from '../support/terraform';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/.bin');

interface Lock {
  packages: Record<string, { dev?: boolean; link?: boolean }>;
}

/** Rebuild dist when a source file is newer than it (npm test has just built it). */
function ensureBuilt(): void {
  const built = path.join(ROOT, 'dist/src/cli/index.js');
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...fs
        .readdirSync(dir, { withFileTypes: true })
        .map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)),
    );
  if (!fs.existsSync(built) || newest(path.join(ROOT, 'src')) > fs.statSync(built).mtimeMs) {
    execFileSync(path.join(BIN, 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  }
}

/** Every file below `dir` as `{ relative path: content }`. */
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

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  // cdktf asks Terraform for its version: give it the project's offline CLI config
  const base = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: TF_CLI_CONFIG };
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 280_000, env: { ...base, ...env } });
  return { code: res.status ?? -1, stdout: res.stdout ?? '', stderr: `${res.stderr ?? ''}${res.error ? String(res.error) : ''}` };
}

describe('the packed package, installed in a model repository', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-pack-'));
  const app = path.join(dir, 'identity-center');
  let files: string[] = [];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    ensureBuilt();
    // --ignore-scripts: prepare would rebuild dist, which ensureBuilt just did
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' })) as {
      filename: string;
      files: { path: string }[];
    }[];
    files = packed[0].files.map((f) => f.path);
    const tarball = path.join(dir, packed[0].filename);

    // The example repository, depending on the tarball instead of a git URL; its lock file pins
    // the same dependency versions as this checkout's (its production part), so npm resolves
    // nothing and installs from the cache.
    fs.mkdirSync(app);
    for (const f of ['cdktf.json', 'main.ts', 'org.yaml', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, 'examples/cdktf-app', f), path.join(app, f));
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/cdktf-app/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    const spec = `file:../${packed[0].filename}`;
    expect(Object.keys(example.dependencies)).toEqual(['idcgen']);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'identity-center', private: true, dependencies: { idcgen: spec } }, null, 2));
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
    const packages: Record<string, unknown> = {
      '': { name: 'identity-center', dependencies: { idcgen: spec } },
      'node_modules/idcgen': {
        version: ours.version,
        resolved: spec,
        integrity: `sha512-${crypto.createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`,
        license: ours.license,
        dependencies: ours.dependencies,
        bin: ours.bin,
        engines: ours.engines,
      },
    };
    for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && !entry.dev && !entry.link) packages[key] = entry;
    fs.writeFileSync(path.join(app, 'package-lock.json'), JSON.stringify({ name: 'identity-center', lockfileVersion: 3, requires: true, packages }, null, 2));
    const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], app);
    if (install.code !== 0)
      throw new Error(`npm ci --offline failed (the npm cache must hold this checkout's dependencies: run npm ci here first):\n${install.stderr}`);
  });

  test('the tarball holds only what runs: the compiled library and CLI, modules, templates and the schema', () => {
    const outside = files.filter((f) => !/^(dist\/src\/|modules\/|templates\/|schema\/)/.test(f) && !['package.json', 'README.md'].includes(f));
    expect(outside).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining(['dist/src/cli/index.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'schema/org-model.schema.json', 'templates/backend.tf.hbs']),
    );
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.some((f) => f.startsWith('modules/identity-center-key/'))).toBe(true);
  });

  test('npx --no-install idcgen generate (as the README and the CI workflows run it) writes what this checkout writes', async () => {
    // --no-install: npx must find the installed bin, never fetch the public package of that name
    const res = run('npx', ['--no-install', 'idcgen', 'generate', 'org.yaml', '--out', 'generated', '--atlantis-dir', 'hcl'], app);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^org\.yaml: wrote \d+ files to generated \(2 deployment units\)\n$/);
    const cwd = process.cwd();
    process.chdir(app);
    try {
      expect((await runCli(['generate', 'org.yaml', '--out', 'expected', '--atlantis-dir', 'hcl'])).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(tree(path.join(app, 'generated'))).toEqual(tree(path.join(app, 'expected')));
  });

  test("cdktf synth with the example's cdktf.json writes the stacks generate writes", () => {
    const res = run(path.join(BIN, 'cdktf'), ['synth'], app);
    expect({ code: res.code, stderr: res.stderr.replace(/.*warning: .*\n/g, '') }).toEqual({ code: 0, stderr: '' });
    const synthesized = tree(path.join(app, 'cdktf.out'));
    const generated = tree(path.join(app, 'generated/cdktf'));
    expect(Object.keys(synthesized).sort()).toEqual(Object.keys(generated).sort());
    expect(synthesized).toEqual(generated);
  });

  test("the example's main.ts compiles against the package's types and synthesizes the same stacks", () => {
    const tsc = run(path.join(BIN, 'tsc'), ['-p', 'tsconfig.json'], app);
    expect(tsc).toMatchObject({ code: 0, stdout: '' });
    const res = run('node', ['main.js'], app, { CDKTF_OUTDIR: path.join(app, 'library.out') });
    expect(res.code).toBe(0);
    expect(tree(path.join(app, 'library.out'))).toEqual(tree(path.join(app, 'generated/cdktf')));
  });
});
