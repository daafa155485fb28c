/** `idcgen lint`: findings as file:line:col with their rule ids; errors exit 1, usage errors 2. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LINT_RULES } from '../../src/model/policy-lint-rules';
import { IDENTITY_CENTER_RULES } from '../../src/model/identity-center-rules';
import { WELL_ARCHITECTED_RULES } from '../../src/model/well-architected-rules';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;
let cwd: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-lint-'));
  cwd = process.cwd();
  process.chdir(ROOT);
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** examples/typical.yaml with its key switched to least-privilege, minus its administrators line and its deployer (a key administrator too). */
function lockedOutModel(): string {
  const text = fs.readFileSync(path.join(ROOT, 'examples/typical.yaml'), 'utf8');
  const admins = '    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]\n';
  const deployer = /^deployment:\n {2}deployer: .*\n/m;
  expect(text).toContain(admins);
  expect(text).toMatch(deployer);
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, text.replace('policyProfile: baseline', 'policyProfile: least-privilege').replace(admins, '').replace(deployer, ''));
  return file;
}

function keyLine(file: string): string {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  return `${lines.findIndex((l) => l.includes('- name: identity-center')) + 1}:5`;
}

function lineOf(file: string, needle: string): number {
  return (
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1
  );
}

test('GIVEN the typical example THEN it passes with the two warnings it is meant to show, each at its entry', async () => {
  const res = await runCli(['lint', 'examples/typical.yaml']);
  expect(res.code).toBe(0);
  expect(res.stdout).toBe('examples/typical.yaml: ok (2 warnings)\n');
  expect(res.stderr).toBe(
    `examples/typical.yaml:${lineOf('examples/typical.yaml', '{ userName: alice')}:5: warning: user 'alice' is created in identity center, but group Auditors is synced from an identity provider; create the user there and set external: true [identity-source-mixed]\n` +
      `examples/typical.yaml:${keyLine('examples/typical.yaml')}: warning: key 'identity-center' accepts any identity center instance's encryption context; for production add the restrict-to-instance use case [encryption-context-unrestricted]\n`,
  );
});

test('fails (exit 1) if a least-privilege key has no administrator, positioned at the key', async () => {
  const file = lockedOutModel();
  const res = await runCli(['lint', file]);
  expect(res.code).toBe(1);
  expect(res.stdout).toBe('');
  expect(res.stderr).toContain(
    `${file}:${keyLine(file)}: key 'identity-center' policy lets no named principal call kms:PutKeyPolicy; add key administrators (administrators: [{ permissionSet, account }]) [key-admin-missing]\n`,
  );
});

test('--json prints findings with their rule ids', async () => {
  const file = lockedOutModel();
  const res = await runCli(['lint', file, '--json']);
  expect(res.code).toBe(1);
  const rows = JSON.parse(res.stdout) as { rule: string; severity: string; file: string }[];
  expect(rows.map((r) => [r.rule, r.severity])).toEqual([
    ['identity-source-mixed', 'warning'],
    // no administrator at all, so no deployer either (findings at one position sort by message)
    ['key-deployer-missing', 'error'],
    ['encryption-context-unrestricted', 'warning'],
    ['key-admin-missing', 'error'],
  ]);
});

test('--rules lists every rule with its severity, the Well-Architected ones with their source', async () => {
  const res = await runCli(['lint', '--rules']);
  expect(res.code).toBe(0);
  const lines = res.stdout.split('\n').filter(Boolean);
  expect(lines.map((l) => l.split(' ')[0])).toEqual([
    ...Object.keys(LINT_RULES),
    ...Object.keys(WELL_ARCHITECTED_RULES),
    ...Object.keys(IDENTITY_CENTER_RULES),
  ]);
  expect(lines).toContain(
    'admin-broad (warning): administrator-equivalent access in production should belong to a small, trusted group (SEC03-BP02) (well-architected: https://docs.aws.amazon.com/wellarchitected/latest/framework/sec_permissions_least_privileges.html)',
  );
});

test('fails with usage (exit 2) when neither a model nor --rules is given', async () => {
  const res = await runCli(['lint']);
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('lint needs at least one model file, or --rules');
});
