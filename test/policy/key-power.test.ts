/**
 * Effective key power (src/policy/key-power.ts), finding 5 of issue 13: where a key policy hands a
 * key to an account root, a principal's power is decided by its identity policies. Each row adds
 * one permission set to a bundled example, assigned in one account, and states the power it must
 * get on the Identity Center key. The evaluator itself is checked against iam-simulate in
 * evaluate.test.ts; this table checks what key power feeds it (managed policy catalog, inline
 * policies, unknown policies) and how it reads the answer.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadResolved } from '../../src/pipeline';
import { keyPower } from '../../src/policy/power';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-key-power-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `example` with permission set Probe (`spec`, YAML flow) assigned to `group` in `account`. */
function powerOfProbe(example: string, spec: string, account: string, group = 'PlatformAdmins'): string {
  const text = fs.readFileSync(path.join(ROOT, example), 'utf8');
  const edited = text
    .replace('permissionSets:\n', `permissionSets:\n  - { name: Probe, ${spec} }\n`)
    .replace('assignments:\n', `assignments:\n  - { group: ${group}, permissionSet: Probe, accounts: [${account}] }\n`);
  expect(edited).not.toBe(text);
  const file = path.join(dir, `${path.basename(example, '.yaml')}-${Math.abs(hash(spec + account))}.yaml`);
  fs.writeFileSync(file, edited);
  const ir = loadResolved(file, { lintAsWarnings: true }).ir;
  const key = ir.keys.find((k) => k.usedByIdentityCenter)!;
  const p = keyPower(ir, key).find((x) => x.principal === 'permission set Probe');
  return p ? `${p.power}${p.certain ? '' : ' (possibly)'}` : 'none';
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

const INLINE_KMS_ALL = 'inlinePolicy: { Version: "2012-10-17", Statement: [{ Sid: All, Effect: Allow, Action: "kms:*", Resource: "*" }] }';

describe('baseline key (typical: kms:* to the management and delegated-admin account roots)', () => {
  test.each([
    ['AdministratorAccess in management', 'managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]', 'management', 'administer'],
    ['an inline kms:* in management', INLINE_KMS_ALL, 'management', 'administer'],
    [
      'PowerUserAccess in management (NotAction iam, organizations, account: kms included)',
      'managedPolicies: [arn:aws:iam::aws:policy/PowerUserAccess]',
      'management',
      'administer',
    ],
    [
      'an AWS managed policy the catalog does not know, in management',
      'managedPolicies: [arn:aws:iam::aws:policy/NotYetPublishedPolicy]',
      'management',
      'administer (possibly)',
    ],
    // its own account's principals are let in by the key policy's `*` statement alone (org condition, via sso/identitystore)
    ['ReadOnlyAccess in management (kms Describe/Get/List only)', 'managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]', 'management', 'decrypt'],
    [
      'AdministratorAccess in the delegated-admin account (its root has kms:* too)',
      'managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
      'security',
      'administer',
    ],
    [
      'AdministratorAccess in a workload account (the key policy names no root there)',
      'managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
      'dev-app',
      'decrypt',
    ],
  ])('%s: %s', (_, spec, account, expected) => {
    expect(powerOfProbe('examples/typical.yaml', spec, account)).toBe(expected);
  });
});

describe('least-privilege key (enterprise: only named principals)', () => {
  test.each([
    [
      'AdministratorAccess in management: IAM alone does not reach a key that does not delegate to the account root',
      'managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess]',
      'management',
    ],
    ['an inline kms:* in management', INLINE_KMS_ALL, 'management'],
  ])('%s', (_, spec, account) => {
    // the enterprise key policy names no principal-wide statement the probe matches: no power at all
    expect(powerOfProbe('examples/enterprise.yaml', spec, account, 'IdentityAdmins')).toBe('none');
  });
});
