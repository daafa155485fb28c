/**
 * Review and explain of key safety (issue 13): an administrator that goes because its assignment
 * (or its only membership path) goes, and a change that lets a principal administer a key through
 * its identity policies, on the bundled examples.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadResolved } from '../../src/pipeline';
import { explainModel, renderExplainMarkdown, reviewModels } from '../../src/review';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-key-review-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The example with `edit` applied, resolved as review resolves models (lint errors are warnings). */
function model(example: string, name: string, edit?: (text: string) => string) {
  const text = fs.readFileSync(path.join(ROOT, example), 'utf8');
  const changed = edit ? edit(text) : text;
  if (edit) expect(changed).not.toBe(text);
  const file = path.join(dir, name);
  fs.writeFileSync(file, changed);
  return loadResolved(file, { lintAsWarnings: true }).ir;
}

describe('key-administrator-removed when the administrator role goes', () => {
  test('GIVEN enterprise WHEN the IdentityAdmins → IdentityCenterAdmin → management assignment is removed THEN critical: only the deployer is left', () => {
    const base = model('examples/enterprise.yaml', 'base.yaml');
    const head = model('examples/enterprise.yaml', 'head.yaml', (t) =>
      t.replace('  - { group: IdentityAdmins, permissionSet: IdentityCenterAdmin, accounts: [management] }\n', ''),
    );
    const flags = reviewModels(base, head).risks.filter((r) => r.rule === 'key-administrator-removed');
    expect(flags).toEqual([
      {
        rule: 'key-administrator-removed',
        severity: 'critical',
        message:
          'key identity-center loses its last administrator other than the deployer (permission set IdentityCenterAdmin in management (IdentityCenterAdmin is no longer assigned in management, so identity center deletes its role)); only the deployer arn:aws:iam::100000000001:role/IdcgenDeployer could change its key policy again',
      },
    ]);
  });

  test('WHEN the only membership path goes (the group loses its last members) THEN critical as well', () => {
    const base = model('examples/enterprise.yaml', 'base.yaml');
    const head = model('examples/enterprise.yaml', 'members.yaml', (t) => t.replace('members: [alice, carol] }', 'members: [] }'));
    const [flag] = reviewModels(base, head).risks.filter((r) => r.rule === 'key-administrator-removed');
    expect(flag.severity).toBe('critical');
    expect(flag.message).toContain('no user can sign in to it any more: the groups assigned IdentityCenterAdmin in management lost their last members');
  });

  test('WHEN another administrator remains THEN high', () => {
    const withTwo = (t: string) =>
      t.replace(
        '    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]',
        '    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }, { permissionSet: BreakGlass, account: management }]',
      );
    const base = model('examples/enterprise.yaml', 'two.yaml', withTwo);
    const head = model('examples/enterprise.yaml', 'two-head.yaml', (t) =>
      withTwo(t).replace('  - { group: IdentityAdmins, permissionSet: IdentityCenterAdmin, accounts: [management] }\n', ''),
    );
    const [flag] = reviewModels(base, head).risks.filter((r) => r.rule === 'key-administrator-removed');
    expect(flag.severity).toBe('high');
  });
});

describe('key-administer-granted and effective power', () => {
  test('GIVEN typical (baseline key) WHEN a permission set with AdministratorAccess is assigned in the management account THEN its holders can administer the key', () => {
    const base = model('examples/typical.yaml', 'typical.yaml');
    const head = model('examples/typical.yaml', 'typical-admin.yaml', (t) =>
      t
        .replace('permissionSets:\n', 'permissionSets:\n  - { name: Admin, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }\n')
        .replace('assignments:\n', 'assignments:\n  - { group: PlatformAdmins, permissionSet: Admin, accounts: [management] }\n'),
    );
    const review = reviewModels(base, head);
    expect(review.risks.filter((r) => r.rule === 'key-administer-granted')).toEqual([
      {
        rule: 'key-administer-granted',
        severity: 'high',
        message:
          'permission set Admin in management can now administer key identity-center (kms:DisableKey, kms:PutKeyPolicy, kms:ScheduleKeyDeletion) through key policy AllowIdentityCenterAdminAccounts, managed policy AdministratorAccess',
      },
    ]);
    expect(review.keyPower).toContainEqual({
      change: 'added',
      after: expect.objectContaining({ principal: 'permission set Admin', accountName: 'management', power: 'administer', certain: true }),
    });
  });

  test('explain shows it as administer, not as kms:Decrypt', () => {
    const ir = model('examples/typical.yaml', 'typical-admin2.yaml', (t) =>
      t
        .replace('permissionSets:\n', 'permissionSets:\n  - { name: Admin, managedPolicies: [arn:aws:iam::aws:policy/AdministratorAccess] }\n')
        .replace('assignments:\n', 'assignments:\n  - { group: PlatformAdmins, permissionSet: Admin, accounts: [management] }\n'),
    );
    const md = renderExplainMarkdown(explainModel(ir));
    expect(md).toContain(
      '| administer | `permission set Admin in management` | management (111111111111) | kms\\:DisableKey, kms\\:PutKeyPolicy, kms\\:ScheduleKeyDeletion | key policy AllowIdentityCenterAdminAccounts; managed policy AdministratorAccess |',
    );
    // the deployer is named as an administrator in a baseline key too (through the account root: its IAM policies decide)
    expect(md).toContain('| administer (possibly) | `deployer arn:aws:iam::111111111111:role/IdcgenDeployer` |');
  });
});
