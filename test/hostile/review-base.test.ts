/**
 * The base of a review is what the gate trusts, so a pull request must not be able to choose it.
 * - A file in the working tree named like `<rev>:<path>` (`origin/main:org.yaml`) must never be
 *   read as the base: `--base` refuses an argument that could be both, `--base-ref` reads git only.
 * - Files read from git get the checks files on disk get: included directories are listed
 *   NUL-separated (names outside ASCII were silently dropped), the main file must be a regular
 *   file (a committed symbolic link is followed only inside the repository), and sizes are checked
 *   before content is read.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { BASE } from './support/hostile';
import { LIMITS } from '../../src/model/limits';

let repo: string;
let cwd: string;
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const write = (rel: string, content: string | Buffer) => {
  const f = path.join(repo, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, content);
  return f;
};
const commit = () => {
  git('add', '-A');
  git('commit', '-q', '-m', 'change');
};

/** BASE plus an admin permission set assigned to a production account: a critical grant. */
const CRITICAL = BASE.replace('accounts:\n', 'accounts:\n  - { name: prod-app, id: "333333333333", ou: Workloads/Prod }\n')
  .replace('permissionSets:\n', 'permissionSets:\n  - { name: Admin, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }\n')
  .replace('assignments:\n', 'assignments:\n  - { group: IdentityAdmins, permissionSet: Admin, accounts: [prod-app] }\n');

beforeEach(() => {
  cwd = process.cwd();
  repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-base-')));
  git('init', '-q', '-b', 'main');
  write('org.yaml', BASE);
  commit();
  // the base branch as CI sees it
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  process.chdir(repo);
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(repo, { recursive: true, force: true });
});

describe('a spoofed base', () => {
  beforeEach(() => {
    // GIVEN a pull request that grants admin in production and adds a copy of its own model under
    // the name the workflow passes as the base
    write('org.yaml', CRITICAL);
    write('origin/main:org.yaml', CRITICAL);
  });

  test('fails if --base could be both a git revision and a working-tree file (usage, exit 2)', async () => {
    const res = await runCli(['review', '--base', 'origin/main:org.yaml', '--head', 'org.yaml', '--fail-on', 'critical']);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain(
      "idcgen: --base 'origin/main:org.yaml' could be both the git revision origin/main (path org.yaml) and a file in the working tree; say which: --base-ref origin/main (the head model's path) or --base-file 'origin/main:org.yaml'",
    );
  });

  test('--base-ref reads the base from git only: the critical grant is seen and gates', async () => {
    const res = await runCli(['review', '--base-ref', 'origin/main', '--head', 'org.yaml', '--fail-on', 'critical']);
    expect(res.stdout).toContain('Base `origin/main:org.yaml`');
    expect(res.stdout).toContain('| **critical** | admin-access-granted |');
    expect(res.code).toBe(1);
  });

  test('--base-ref resolves the head path from a subdirectory too', async () => {
    fs.mkdirSync(path.join(repo, 'sub'));
    process.chdir(path.join(repo, 'sub'));
    const res = await runCli(['review', '--base-ref', 'origin/main', '--head', '../org.yaml', '--fail-on', 'critical']);
    expect(res.stdout).toContain('Base `origin/main:org.yaml`');
    expect(res.code).toBe(1);
  });

  test('--base-file reads the file: the spoof is then what the user asked for, and says so', async () => {
    const res = await runCli(['review', '--base-file', 'origin/main:org.yaml', '--head', 'org.yaml']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Base `origin/main:org.yaml`');
    expect(res.stdout).toContain('No changes');
  });

  test.each([
    [['--head', 'org.yaml'], 'give exactly one of --base-ref, --base, --base-file; found none'],
    [
      ['--base-ref', 'origin/main', '--base-file', 'org.yaml', '--head', 'org.yaml'],
      'give exactly one of --base-ref, --base, --base-file; found --base-ref, --base-file',
    ],
    [['--base-ref=--upload-pack=x', '--head', 'org.yaml'], "--base-ref '--upload-pack=x' is not a git revision"],
  ])('fails if the base is not exactly one revision or file: %j', async (args, message) => {
    const res = await runCli(['review', ...args]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
  });
});

describe('files read from git', () => {
  test('an included directory with names outside ASCII is read whole', async () => {
    // GIVEN the groups and the permission set in files named in Japanese and with accents
    const main = BASE.replace('groups:\n  - { name: IdentityAdmins, description: Administer Identity Center }\n', '');
    // (Auditors has no assignment: only its file name matters here, so group-unused is turned off)
    write('org.yaml', `${main}include: [parts]\nlint: { disable: [group-unused] }\n`);
    write('parts/グループ.yaml', 'groups:\n  - { name: IdentityAdmins, description: Administer Identity Center }\n');
    write('parts/équipe.yaml', 'groups:\n  - { name: Auditors }\n');
    commit();
    // WHEN the unchanged model is reviewed against the commit
    const res = await runCli(['review', '--base-ref', 'HEAD', '--head', 'org.yaml']);
    // THEN both files were read from git: nothing differs
    expect(res.stderr).toBe('');
    expect(res.stdout).toContain('No changes');
    expect(res.code).toBe(0);
  });

  test('a committed model that is a symbolic link inside the repository is followed', async () => {
    write('models/real.yaml', BASE);
    fs.rmSync(path.join(repo, 'org.yaml'));
    fs.symlinkSync('models/real.yaml', path.join(repo, 'org.yaml'));
    commit();
    const res = await runCli(['review', '--base-ref', 'HEAD', '--head', 'models/real.yaml']);
    expect(res.stdout).toContain('No changes');
  });

  test.each([
    ['a file outside the repository', '/etc/passwd', 'HEAD:org.yaml is a symbolic link to /etc/passwd, outside the repository; name the model file itself'],
    ['a parent directory', '../secret.yaml', 'HEAD:org.yaml is a symbolic link to ../secret.yaml, outside the repository; name the model file itself'],
  ])('fails if the committed model is a symbolic link to %s', async (_what, target, message) => {
    fs.rmSync(path.join(repo, 'org.yaml'));
    fs.symlinkSync(target, path.join(repo, 'org.yaml'));
    commit();
    write('head.yaml', BASE);
    const res = await runCli(['review', '--base', 'HEAD:org.yaml', '--head', 'head.yaml']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`HEAD:org.yaml: ${message}\n`);
  });

  test('fails if the committed model is a directory', async () => {
    write('dir.yaml/x', 'x');
    commit();
    const res = await runCli(['review', '--base', 'HEAD:dir.yaml', '--head', 'org.yaml']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('HEAD:dir.yaml: HEAD:dir.yaml is not a regular file (git mode 040000); expected a yaml model file\n');
  });

  test('fails if the committed model is over the size limit, before its content is read', async () => {
    // GIVEN a sparse file one byte over the limit
    const big = path.join(repo, 'big.yaml');
    fs.writeFileSync(big, BASE);
    fs.truncateSync(big, LIMITS.modelFileBytes.max + 1);
    commit();
    const res = await runCli(['review', '--base', 'HEAD:big.yaml', '--head', 'org.yaml']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      `HEAD:big.yaml: file is ${LIMITS.modelFileBytes.max + 1} bytes; the limit is ${LIMITS.modelFileBytes.max} bytes (${LIMITS.modelFileBytes.why})\n`,
    );
  });

  test('fails if an included file is a committed link out of the model directory', async () => {
    write('models/org.yaml', `${BASE}include: [more.yaml]\n`);
    write('secret.yaml', 'groups: []\n');
    fs.symlinkSync('../secret.yaml', path.join(repo, 'models/more.yaml'));
    commit();
    const res = await runCli(['review', '--base', 'HEAD:models/org.yaml', '--head', 'org.yaml']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      "HEAD:models/org.yaml: include 'more.yaml' leads to secret.yaml through a symbolic link in HEAD, outside the model's directory; includes must stay below models\n",
    );
  });
});
