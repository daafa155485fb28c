/**
 * `idcgen review` and `idcgen explain` end to end (in-process CLI): exit codes CI gates on, the
 * base read from a git ref in a repository the test creates, and explain goldens in every format.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/review');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let cwd: string;
beforeEach(() => {
  cwd = process.cwd();
  process.chdir(ROOT);
});
afterEach(() => process.chdir(cwd));

const review = (head: string, ...flags: string[]) =>
  runCli(['review', '--base', 'test/fixtures/review/base.yaml', '--head', `test/fixtures/review/${head}/head.yaml`, ...flags]);

describe('idcgen review', () => {
  test('a head model that breaks a lint rule is reviewed, not refused: removing the last key administrator is critical', async () => {
    // GIVEN a least-privilege key whose administrators are removed (generate would refuse the head)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-lint-'));
    try {
      const base = fs.readFileSync(path.join(ROOT, 'examples/typical.yaml'), 'utf8').replace('policyProfile: baseline', 'policyProfile: least-privilege');
      // (and the deployer, itself a key administrator, is gone from the model)
      const head = base
        .replace('    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]', '    administrators: []')
        .replace(/^deployment:\n {2}deployer: .*\n/m, '');
      expect(head).not.toBe(base);
      fs.writeFileSync(path.join(dir, 'base.yaml'), base);
      fs.writeFileSync(path.join(dir, 'head.yaml'), head);
      // WHEN it is reviewed with a CI gate
      const res = await runCli(['review', '--base', path.join(dir, 'base.yaml'), '--head', path.join(dir, 'head.yaml'), '--fail-on', 'high']);
      // THEN the review prints the lockout as a critical risk, the lint error as a warning, and fails the gate
      expect(res.stdout).toContain('| **critical** | key-administrator-removed | key identity-center loses its last administrator');
      expect(res.stderr).toContain("head.yaml:51:5: warning: key 'identity-center' policy lets no named principal call kms:PutKeyPolicy");
      expect(res.stderr).toContain("head.yaml:51:5: warning: key 'identity-center' (least-privilege) names no deployer");
      expect(res.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('key-admin-unassigned is a warning in review too: removing the assignment that keeps the administrator role alive is reviewed and critical', async () => {
    // GIVEN the enterprise example without the IdentityAdmins → IdentityCenterAdmin → management assignment
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-unassigned-'));
    try {
      const base = fs.readFileSync(path.join(ROOT, 'examples/enterprise.yaml'), 'utf8');
      const head = base.replace('  - { group: IdentityAdmins, permissionSet: IdentityCenterAdmin, accounts: [management] }\n', '');
      expect(head).not.toBe(base);
      fs.writeFileSync(path.join(dir, 'base.yaml'), base);
      fs.writeFileSync(path.join(dir, 'head.yaml'), head);
      // WHEN it is reviewed with a CI gate
      const res = await runCli(['review', '--base', path.join(dir, 'base.yaml'), '--head', path.join(dir, 'head.yaml'), '--fail-on', 'critical']);
      // THEN the lint rail prints as a warning, the review flags the lost administrator as critical, and the gate fails
      expect(res.stderr).toMatch(
        /head\.yaml:\d+:\d+: warning: key 'identity-center' administrator permission set IdentityCenterAdmin in management is not assigned in management/,
      );
      expect(res.stdout).toContain('| **critical** | key-administrator-removed | key identity-center loses its last administrator other than the deployer');
      expect(res.code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('prints the markdown review of two model files (exit 0 without --fail-on)', async () => {
    const res = await review('access');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(fs.readFileSync(path.join(FIXTURES, 'access/review.md'), 'utf8'));
  });

  test('--format json prints the Review with the units to plan', async () => {
    const res = await review('settings-units', '--format', 'json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).units.map((u: { name: string; change: string }) => `${u.name} ${u.change}`)).toEqual([
      'management changed',
      'account-dev-app removed',
      'assignments changed',
    ]);
  });

  // access has a critical flag; key-spec has medium and low flags; reordered has none.
  test.each([
    ['access', 'critical', 1],
    ['access', 'high', 1],
    ['key-spec', 'high', 0],
    ['key-spec', 'medium', 1],
    ['key-spec', 'low', 1],
    ['reordered', 'low', 0],
  ])('%s with --fail-on %s exits %i', async (head, threshold, code) => {
    const res = await review(head, '--fail-on', threshold);
    expect(res.code).toBe(code);
    expect(res.stdout).toContain('## idcgen review');
  });

  test('fails if --fail-on names no severity (usage, exit 2)', async () => {
    const res = await review('access', '--fail-on', 'severe');
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Invalid values');
  });
});

describe('idcgen review with a git ref', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  /** base.yaml with its permission sets moved to an included file, so includes are read from git too. */
  function writeModel(mainEdit: (s: string) => string, includeEdit: (s: string) => string): void {
    const base = fs.readFileSync(path.join(FIXTURES, 'base.yaml'), 'utf8');
    const start = base.indexOf('permissionSets:\n');
    const end = base.indexOf('assignments:\n');
    fs.mkdirSync(path.join(repo, 'org'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'org.yaml'), mainEdit(`${base.slice(0, start)}${base.slice(end)}include: [org]\n`));
    fs.writeFileSync(path.join(repo, 'org/permission-sets.yaml'), includeEdit(base.slice(start, end)));
  }

  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-git-'));
    git('init', '-q');
    writeModel(
      (s) => s,
      (s) => s,
    );
    git('add', '.');
    git('commit', '-q', '-m', 'model');
    process.chdir(repo);
  });
  afterEach(() => {
    process.chdir(ROOT);
    fs.rmSync(repo, { recursive: true, force: true });
  });

  test('HEAD:org.yaml against the unchanged working file is an empty review', async () => {
    const res = await runCli(['review', '--base', 'HEAD:org.yaml', '--head', 'org.yaml']);
    // only the head's warnings are printed
    expect(res.stderr).not.toContain('HEAD:');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Base `HEAD:org.yaml` → head `org.yaml`');
    expect(res.stdout).toContain('No changes:');
  });

  test('edits to the model and to an included file are reviewed against the committed version', async () => {
    // GIVEN the working copy grants Auditors ReadOnly in security and lengthens a session
    writeModel(
      (s) => s.replace('ous: ["Workloads/*"]', 'ous: ["Workloads/*", Security]'),
      (s) => s.replace('sessionDuration: PT8H', 'sessionDuration: PT10H'),
    );
    // WHEN reviewed against HEAD (git's ./ form: relative to the current directory)
    const res = await runCli(['review', '--base', 'HEAD:./org.yaml', '--head', 'org.yaml', '--format', 'json']);
    // THEN exactly those changes are reported
    expect(res.code).toBe(0);
    const r = JSON.parse(res.stdout);
    expect(r.base).toBe('HEAD:./org.yaml');
    expect(r.granted).toEqual([
      {
        principalType: 'GROUP',
        principalName: 'Auditors',
        permissionSet: 'ReadOnly',
        accounts: [{ name: 'security', id: '222222222222', production: true }],
        selectors: [{ selector: 'ou Security', accounts: 1 }],
      },
    ]);
    expect(r.permissionSets.map((p: { name: string; fields: unknown[] }) => [p.name, p.fields])).toEqual([
      ['Developer', [{ field: 'sessionDuration', before: 'PT8H', after: 'PT10H' }]],
    ]);
  });

  test('fails if the committed model is invalid, naming the ref in file:line:col', async () => {
    // GIVEN a commit with a misspelt key, fixed in the working copy
    fs.writeFileSync(path.join(repo, 'org.yaml'), fs.readFileSync(path.join(repo, 'org.yaml'), 'utf8').replace('managementAccount:', 'managementAcount:'));
    git('commit', '-q', '-am', 'typo');
    git('checkout', '-q', 'HEAD~1', '--', 'org.yaml');
    // git-source's own work directories (mkdtemp: the prefix and six characters); other suites' directories share the temp folder
    const workDirs = (): string[] => fs.readdirSync(os.tmpdir()).filter((f) => /^idcgen-review-[A-Za-z0-9]{6}$/.test(f) && !repo.endsWith(f));
    const before = workDirs();
    // WHEN
    const res = await runCli(['review', '--base', 'HEAD:org.yaml', '--head', 'org.yaml']);
    // THEN
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^HEAD:org\.yaml:\d+:\d+: .*managementAcount/m);
    expect(workDirs().filter((f) => !before.includes(f))).toEqual([]);
  });

  test('fails if the ref does not exist', async () => {
    const res = await runCli(['review', '--base', 'no-such-branch:org.yaml', '--head', 'org.yaml']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('cannot read no-such-branch:org.yaml from git');
  });
});

describe('idcgen explain', () => {
  test.each([
    ['markdown', 'md'],
    ['json', 'json'],
    ['csv', 'csv'],
  ])('examples/typical.yaml as %s matches the golden', async (format, ext) => {
    const res = await runCli(['explain', 'examples/typical.yaml', '--format', format]);
    expect(res.code).toBe(0);
    const file = path.join(FIXTURES, `explain/typical.${ext}`);
    if (UPDATE) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, res.stdout);
    }
    expect(res.stdout).toBe(fs.readFileSync(file, 'utf8'));
  });
});
