/** `idcgen lint`: findings as file:line:col with their rule ids; errors exit 1, usage errors 2. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LINT_RULES } from '../../src/policy/lint';
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
  const deployer = /^deployment:\n  deployer: .*\n/m;
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

test('GIVEN the typical example THEN it passes with the encryption-context hint as a warning at the key', async () => {
  const res = await runCli(['lint', 'examples/typical.yaml']);
  expect(res.code).toBe(0);
  expect(res.stdout).toBe('examples/typical.yaml: ok (1 warning)\n');
  expect(res.stderr).toBe(
    `examples/typical.yaml:${keyLine('examples/typical.yaml')}: warning: key 'identity-center' accepts any identity center instance's encryption context; for production add the restrict-to-instance use case [encryption-context-unrestricted]\n`,
  );
});

test('fails (exit 1) if a least-privilege key has no administrator, positioned at the key', async () => {
  const file = lockedOutModel();
  const res = await runCli(['lint', file]);
  expect(res.code).toBe(1);
  expect(res.stdout).toBe('');
  expect(res.stderr).toContain(`${file}:${keyLine(file)}: key 'identity-center' policy lets no named principal call kms:PutKeyPolicy; add key administrators (administrators: [{ permissionSet, account }]) [key-admin-missing]\n`);
});

test('--json prints findings with their rule ids', async () => {
  const file = lockedOutModel();
  const res = await runCli(['lint', file, '--json']);
  expect(res.code).toBe(1);
  const rows = JSON.parse(res.stdout) as { rule: string; severity: string; file: string }[];
  expect(rows.map((r) => [r.rule, r.severity])).toEqual([
    // no administrator at all, so no deployer either (findings at one position sort by message)
    ['key-deployer-missing', 'error'],
    ['encryption-context-unrestricted', 'warning'],
    ['key-admin-missing', 'error'],
  ]);
});

test('--rules lists every rule with its severity', async () => {
  const res = await runCli(['lint', '--rules']);
  expect(res.code).toBe(0);
  expect(res.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(Object.keys(LINT_RULES));
});

test('fails with usage (exit 2) when neither a model nor --rules is given', async () => {
  const res = await runCli(['lint']);
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('lint needs at least one model file, or --rules');
});
