/**
 * `generate --changed-since <base>` writes only the units whose content changed and keeps the rest
 * of --out: the result must be byte for byte a full generate of the head, for every kind of change,
 * and every unit not generated must be one the review calls untouched.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readTree } from '../property/support/generate';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');

/** Every file under `root` (relative path → bytes), the marker included. */
const tree = (root: string): Map<string, string> => new Map(Object.entries(readTree(root)));
const BASE_TEXT = fs.readFileSync(path.join(ROOT, 'examples/enterprise.yaml'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-changed-since-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files in which two trees differ (missing on either side or different bytes). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** The base text with `from` replaced (it must occur). */
function edit(from: string, to: string): string {
  expect(BASE_TEXT).toContain(from);
  return BASE_TEXT.replace(from, to);
}

let n = 0;
/** Every generate names the same Atlantis directory: by default it follows --out, and full/ is compared with out/. */
const ATLANTIS = ['--atlantis-dir', 'generated/hcl'];

/**
 * A fresh case directory: out/ holds a full generate of the base model from head.yaml (the model's
 * path, which every generated file names), then head.yaml becomes the `head` text and base.yaml a
 * copy of the base, as a user keeps the model before a change.
 */
async function caseWith(head: string): Promise<{ root: string; out: string }> {
  const root = path.join(dir, `case-${++n}`);
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'head.yaml'), BASE_TEXT);
  const out = path.join(root, 'out');
  expect((await inDir(root, ['generate', 'head.yaml', '--out', 'out', ...ATLANTIS])).code).toBe(0);
  fs.writeFileSync(path.join(root, 'base.yaml'), BASE_TEXT);
  fs.writeFileSync(path.join(root, 'head.yaml'), head);
  return { root, out };
}

async function inDir(cwd: string, args: string[]): ReturnType<typeof runCli> {
  const saved = process.cwd();
  process.chdir(cwd);
  try {
    return await runCli(args[0] === 'generate' && !args.includes('--atlantis-dir') ? [...args, ...ATLANTIS] : args);
  } finally {
    process.chdir(saved);
  }
}

/** The head generated in full into full/, and incrementally over out/; both must be the same tree. */
async function compare(head: string): Promise<{ note: string; generated: number; units: number }> {
  const { root, out } = await caseWith(head);
  const incremental = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--changed-since', 'base.yaml']);
  expect(incremental.code).toBe(0);
  const full = await inDir(root, ['generate', 'head.yaml', '--out', 'full']);
  expect(full.code).toBe(0);
  expect(differences(tree(out), tree(path.join(root, 'full')))).toEqual([]);
  const note = incremental.stderr.split('\n').find((l) => l.includes('--changed-since')) ?? '';
  const m = / (\d+) of (\d+) units generated/.exec(note);
  return { note, generated: m ? Number(m[1]) : -1, units: m ? Number(m[2]) : -1 };
}

describe('GIVEN the output of a full generate of the base WHEN the head is generated with --changed-since base', () => {
  test('no change: no unit generated, the output unchanged', async () => {
    const r = await compare(BASE_TEXT);
    expect(r.generated).toBe(0);
    expect(r.units).toBeGreaterThan(10);
  });

  test('an assignment added: only its assignment unit(s), the rest equal to a full generate', async () => {
    const r = await compare(
      edit(
        '  - { group: FinOps, permissionSet: BillingViewer, accounts: [management] }',
        '  - { group: FinOps, permissionSet: BillingViewer, accounts: [management, security] }',
      ),
    );
    expect(r.generated).toBeGreaterThan(0);
    expect(r.generated).toBeLessThan(r.units);
  });

  test('a permission set changed (description): its permission-set unit, equal to a full generate', async () => {
    const r = await compare(edit('description: Cost and usage reports', 'description: Cost and usage reports, read only'));
    expect(r.generated).toBeGreaterThan(0);
    expect(r.generated).toBeLessThan(r.units);
  });

  test('only why an account is assigned changed (a tag selector became the same account by name): the comments follow, equal to a full generate', async () => {
    // The assignment deploys the same; its unit's main.tf comment changes from "tag windows=yes" to "account payments-prod".
    const r = await compare(edit('permissionSet: Ec2WindowsUser, tags: { windows: "yes" } }', 'permissionSet: Ec2WindowsUser, accounts: [payments-prod] }'));
    expect(r.generated).toBeGreaterThan(0);
    expect(r.generated).toBeLessThan(r.units);
  });

  test('an account added: its member unit and the assignments that reach it', async () => {
    const r = await compare(
      edit(
        '  - { name: data-staging,',
        '  - { name: payments-staging, id: "100000000016", ou: Workloads/Staging/Payments, tags: { env: staging, owner: payments } }\n  - { name: data-staging,',
      ),
    );
    expect(r.generated).toBeGreaterThan(0);
    expect(r.generated).toBeLessThan(r.units);
  });

  test('an account removed: its member unit is gone from the output, as in a full generate', async () => {
    const r = await compare(edit('  - { name: sandbox-bob,    id: "100000000021", ou: Sandbox,              tags: { env: sandbox } }\n', ''));
    expect(r.generated).toBeLessThan(r.units);
  });

  test('a key policy changed (a key administrator added): equal to a full generate', async () => {
    const r = await compare(
      edit(
        'administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]',
        'administrators: [{ permissionSet: IdentityCenterAdmin, account: management }, { permissionSet: DelegatedAdmin, account: security }]',
      ),
    );
    expect(r.generated).toBeGreaterThan(0);
  });

  test('a setting every stack reads (the backend key prefix): every unit generated', async () => {
    const r = await compare(edit('keyPrefix: identity-center }', 'keyPrefix: identity-center-v2 }'));
    expect(r.generated).toBe(r.units);
  });
});

test('GIVEN a unit the change does not touch WHEN generated with --changed-since THEN its files are kept from --out, not generated again', async () => {
  const { root, out } = await caseWith(edit('description: Cost and usage reports', 'description: Cost and usage reports, read only'));
  // A byte only a kept file can carry into the result: a generated file would not have it.
  const kept = path.join(out, 'hcl/assignments-00/main.tf');
  fs.appendFileSync(kept, '# kept\n');
  const r = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--changed-since', 'base.yaml']);
  expect(r.code).toBe(0);
  expect(fs.readFileSync(kept, 'utf8').endsWith('# kept\n')).toBe(true);
});

describe("GIVEN an output that is not the base's WHEN generated with --changed-since THEN every unit is generated, with the reason", () => {
  test('the output came from another model', async () => {
    const { root, out } = await caseWith(BASE_TEXT);
    fs.writeFileSync(path.join(root, 'other.yaml'), edit('rotation: { enabled: true, periodDays: 180 }', 'rotation: { enabled: true, periodDays: 365 }'));
    const r = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--changed-since', 'other.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--changed-since other.yaml: every unit generated: out was not generated from other.yaml: model is');
    expect((await inDir(root, ['generate', 'head.yaml', '--out', 'full'])).code).toBe(0);
    expect(differences(tree(out), tree(path.join(root, 'full')))).toEqual([]);
  });

  test('another --format', async () => {
    const { root } = await caseWith(BASE_TEXT);
    const r = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--format', 'hcl', '--changed-since', 'base.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('every unit generated: out was not generated from base.yaml: format is "all", the base gives "hcl"');
  });

  test('a revision that does not hold the model (it was added after it)', async () => {
    const { root } = await caseWith(BASE_TEXT);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    git('init', '-q', '-b', 'trunk');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'empty');
    const r = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--changed-since', 'trunk']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "every unit generated: the base does not load (trunk:head.yaml: cannot read trunk:head.yaml from git: path 'head.yaml' does not exist in 'trunk'",
    );
  });

  test('a base that does not load', async () => {
    const { root } = await caseWith(BASE_TEXT);
    fs.writeFileSync(path.join(root, 'broken.yaml'), 'version: 1\norganization: [\n');
    const r = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--changed-since', 'broken.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('every unit generated: the base does not load (broken.yaml:');
  });
});

test('GIVEN a kept file replaced by a symbolic link WHEN generated with --changed-since THEN refused as a full generate refuses it (its content is never read)', async () => {
  const { root, out } = await caseWith(BASE_TEXT);
  const file = path.join(out, 'hcl/assignments-00/main.tf');
  fs.rmSync(file);
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret\n');
  fs.symlinkSync(path.join(root, 'secret.txt'), file);
  const full = await inDir(root, ['generate', 'head.yaml', '--out', 'out']);
  const incremental = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--changed-since', 'base.yaml']);
  expect(full.code).toBe(1);
  expect(incremental).toEqual(full);
  expect(incremental.stderr).toContain('out/hcl/assignments-00/main.tf: not written by idcgen');
  expect(incremental.stderr).not.toContain('secret');
});

test('GIVEN a removed unit whose root holds Terraform state WHEN generated with --changed-since THEN refused as a full generate refuses it, nothing written', async () => {
  const { root, out } = await caseWith(edit('  - { name: sandbox-bob,    id: "100000000021", ou: Sandbox,              tags: { env: sandbox } }\n', ''));
  fs.writeFileSync(path.join(out, 'hcl/account-sandbox-bob/terraform.tfstate'), '{"version":4,"resources":[{"type":"aws_iam_policy"}]}\n');
  const before = tree(out);
  const full = await inDir(root, ['generate', 'head.yaml', '--out', 'out']);
  const incremental = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--changed-since', 'base.yaml']);
  expect(full.code).toBe(1);
  expect(incremental.code).toBe(1);
  expect(incremental.stderr).toContain('unit-state-orphaned');
  expect(incremental.stderr.split('\n').filter((l) => !l.includes('--changed-since'))).toEqual(full.stderr.split('\n'));
  expect(differences(tree(out), before)).toEqual([]);
});

test('GIVEN an HCL-only output WHEN generated with --changed-since and --format hcl THEN it equals a full HCL-only generate', async () => {
  const root = path.join(dir, 'hcl-only');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'head.yaml'), BASE_TEXT);
  expect((await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--format', 'hcl'])).code).toBe(0);
  fs.writeFileSync(path.join(root, 'base.yaml'), BASE_TEXT);
  fs.writeFileSync(path.join(root, 'head.yaml'), edit('description: Cost and usage reports', 'description: Cost and usage reports, read only'));
  const r = await inDir(root, ['generate', 'head.yaml', '--out', 'out', '--format', 'hcl', '--changed-since', 'base.yaml']);
  expect(r.stderr).toMatch(/--changed-since base\.yaml: [1-9]\d* of \d+ units generated/);
  expect((await inDir(root, ['generate', 'head.yaml', '--out', 'full', '--format', 'hcl'])).code).toBe(0);
  expect(differences(tree(path.join(root, 'out')), tree(path.join(root, 'full')))).toEqual([]);
});

describe('GIVEN a git repository', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
  beforeAll(async () => {
    repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    fs.writeFileSync(path.join(repo, 'org.yaml'), BASE_TEXT);
    git('add', 'org.yaml');
    git('commit', '-q', '-m', 'base');
    expect((await inDir(repo, ['generate', 'org.yaml', '--out', 'out'])).code).toBe(0);
    git('add', 'out');
    git('commit', '-q', '-m', 'output of the base');
    fs.writeFileSync(path.join(repo, 'org.yaml'), edit('description: Cost and usage reports', 'description: Cost and usage reports, read only'));
  });

  test('WHEN --changed-since names a revision THEN the model at that revision is the base, and the output equals a full generate', async () => {
    const r = await inDir(repo, ['generate', 'org.yaml', '--out', 'out', '--changed-since', 'main']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/--changed-since main: [1-9]\d* of \d+ units generated/);
    expect((await inDir(repo, ['generate', 'org.yaml', '--out', 'full'])).code).toBe(0);
    expect(differences(tree(path.join(repo, 'out')), tree(path.join(repo, 'full')))).toEqual([]);
  });

  test('WHEN a kept file of the committed output was edited in the working tree THEN every unit is generated (the edit does not survive)', async () => {
    git('checkout', '-q', '--', 'out');
    git('clean', '-q', '-fdx', '--', 'out');
    const kept = path.join(repo, 'out/hcl/assignments-00/main.tf');
    fs.appendFileSync(kept, 'resource "aws_ssoadmin_account_assignment" "injected" {}\n');
    const r = await inDir(repo, ['generate', 'org.yaml', '--out', 'out', '--changed-since', 'main']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--changed-since main: every unit generated: out/hcl/assignments-00/main.tf differs from its copy in main');
    expect(fs.readFileSync(kept, 'utf8')).not.toContain('injected');
    expect((await inDir(repo, ['generate', 'org.yaml', '--out', 'full'])).code).toBe(0);
    expect(differences(tree(path.join(repo, 'out')), tree(path.join(repo, 'full')))).toEqual([]);
  });

  test('WHEN the argument is both a revision and a file in the working tree THEN refused as usage (exit 2), naming both', async () => {
    fs.writeFileSync(path.join(repo, 'main'), BASE_TEXT);
    try {
      const r = await inDir(repo, ['generate', 'org.yaml', '--out', 'out', '--changed-since', 'main']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--changed-since 'main' could be both the git revision main and a file in the working tree");
    } finally {
      fs.rmSync(path.join(repo, 'main'));
    }
  });

  test('WHEN the argument is neither THEN refused as usage (exit 2)', async () => {
    const r = await inDir(repo, ['generate', 'org.yaml', '--out', 'out', '--changed-since', 'no-such-branch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--changed-since 'no-such-branch' is neither a model file nor a git revision");
  });
});
