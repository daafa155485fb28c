import { createHash } from 'node:crypto';
import { buildUnits, shardAssignments, UNIT_NAME_MAX_LENGTH, type ShardItem } from '../../src/model/shard';
import type { ResolvedAccount } from '../../src/model/ir';
import type { PolicyDocumentJson } from '../../src/model/policy-types';
import { unitNamed } from '../support/units';

/** `n` assignments over `accounts` accounts, with keys shaped as the IR's. */
function items(n: number, accounts: number): ShardItem[] {
  return Array.from({ length: n }, (_, i) => {
    const accountName = `acct-${i % accounts}`;
    return { key: `GROUP/g${i}/PS/${accountName}`, accountName, permissionSet: 'PS' };
  });
}

/** key → unit */
function shard(list: ShardItem[], max: number): Map<string, string> {
  const units = shardAssignments(list, max);
  return new Map(list.map((it, i) => [it.key, units[i]]));
}

/** unit → sorted keys */
function byUnit(m: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, u] of m) out.set(u, [...(out.get(u) ?? []), k].sort());
  return out;
}

describe('shardAssignments', () => {
  test('one unit named assignments while everything fits', () => {
    const m = shard(items(10, 3), 10);
    expect(new Set(m.values())).toEqual(new Set(['assignments']));
  });

  test('no unit exceeds the bound and every unit is a trie leaf named by its bits', () => {
    const m = shard(items(2000, 40), 100);
    const units = byUnit(m);
    expect(units.size).toBeGreaterThan(1);
    for (const [name, keys] of units) {
      expect(name).toMatch(/^assignments-[01]+$/);
      expect(keys.length).toBeLessThanOrEqual(100);
    }
    // Leaves of one trie: no unit name is a prefix of another
    const names = [...units.keys()];
    for (const a of names) for (const b of names) if (a !== b) expect(b.startsWith(`${a}`)).toBe(false);
    expect(m.size).toBe(2000);
  });

  test("an account's assignments stay together when the account alone fits", () => {
    const m = shard(items(2000, 40), 100); // 50 per account
    const unitsOfAccount = new Map<string, Set<string>>();
    for (const it of items(2000, 40)) {
      const s = unitsOfAccount.get(it.accountName) ?? new Set<string>();
      s.add(m.get(it.key) as string);
      unitsOfAccount.set(it.accountName, s);
    }
    for (const s of unitsOfAccount.values()) expect(s.size).toBe(1);
  });

  test('one account above the bound is split by assignment key, still within the bound', () => {
    const m = shard(items(250, 1), 100);
    const units = byUnit(m);
    expect(units.size).toBeGreaterThanOrEqual(3);
    for (const keys of units.values()) expect(keys.length).toBeLessThanOrEqual(100);
  });

  test('adding one assignment changes exactly one unit (or splits that one unit)', () => {
    const base = items(3000, 97);
    const before = byUnit(shard(base, 100));
    for (const extra of [
      { key: 'USER/new/PS/acct-5', accountName: 'acct-5', permissionSet: 'PS' },
      { key: 'GROUP/other/PS/acct-new', accountName: 'acct-new', permissionSet: 'PS' },
    ]) {
      const after = byUnit(shard([...base, extra], 100));
      const changedBefore = [...before.keys()].filter((u) => JSON.stringify(before.get(u)) !== JSON.stringify(after.get(u)));
      const changedAfter = [...after.keys()].filter((u) => JSON.stringify(before.get(u)) !== JSON.stringify(after.get(u)));
      // exactly one old unit changed; the new contents are that unit plus the new key, possibly in two halves
      expect(changedBefore).toHaveLength(1);
      expect(changedAfter.length === 1 || changedAfter.length === 2).toBe(true);
      const old = before.get(changedBefore[0]) as string[];
      const now = changedAfter.flatMap((u) => after.get(u) as string[]).sort();
      expect(now).toEqual([...old, extra.key].sort());
      for (const u of changedAfter) expect(u.startsWith(changedBefore[0])).toBe(true);
    }
  });

  test('one account above the bound splits by permission set: 51 groups x 10 permission sets in prod', () => {
    // GIVEN 510 assignments in one account at the default bound of 500 (this crashed with ENAMETOOLONG:
    // the trie kept splitting through the 256 bits of the account's hash)
    const list: ShardItem[] = [];
    for (let g = 0; g < 51; g++) {
      for (let p = 0; p < 10; p++) list.push({ key: `GROUP/Team${g}/Set${p}/prod`, accountName: 'prod', permissionSet: `Set${p}` });
    }
    const m = shard(list, 500);
    const units = byUnit(m);
    // THEN two or more units, each within the bound and with a short name
    expect(units.size).toBeGreaterThanOrEqual(2);
    for (const [name, keys] of units) {
      expect(keys.length).toBeLessThanOrEqual(500);
      expect(name.length).toBeLessThanOrEqual(UNIT_NAME_MAX_LENGTH);
    }
    // AND each permission set's assignments stay together
    for (let p = 0; p < 10; p++) expect(new Set(list.filter((it) => it.permissionSet === `Set${p}`).map((it) => m.get(it.key))).size).toBe(1);
  });

  test('names stay within UNIT_NAME_MAX_LENGTH whatever one account and permission set hold', () => {
    // 2,000 users with one permission set in one account, at the smallest bound
    const list = Array.from({ length: 2000 }, (_, i): ShardItem => ({ key: `USER/u${i}/Admin/prod`, accountName: 'prod', permissionSet: 'Admin' }));
    const units = byUnit(shard(list, 10));
    expect(units.size).toBeGreaterThanOrEqual(200);
    for (const [name, keys] of units) {
      expect(name.length).toBeLessThanOrEqual(UNIT_NAME_MAX_LENGTH);
      expect(keys.length).toBeLessThanOrEqual(10);
    }
    expect(UNIT_NAME_MAX_LENGTH).toBe('permission-sets-'.length + 64);
  });

  test('a unit of accounts that fit is named by the bits of sha256(account), as before', () => {
    const bits = (s: string): string => [...createHash('sha256').update(s).digest()].map((b) => b.toString(2).padStart(8, '0')).join('');
    const list = items(2000, 40);
    const m = shard(list, 100);
    for (const it of list) {
      const unit = m.get(it.key) as string;
      expect(bits(it.accountName).startsWith(unit.slice('assignments-'.length))).toBe(true);
    }
  });

  test('same input in another order gives the same units', () => {
    const base = items(500, 7);
    const a = shard(base, 50);
    const b = shard([...base].reverse(), 50);
    expect([...b].sort()).toEqual([...a].sort());
  });
});

describe('buildUnits', () => {
  const acct = (name: string, id: string): ResolvedAccount => ({ name, id, ou: 'Root', tags: {} });
  const mgmt = acct('management', '111111111111');
  const prod = acct('prod', '333333333333');
  const dev = acct('dev', '555555555555');
  const doc: PolicyDocumentJson = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };

  test('management first, then member units that need policies, then assignment units, each sorted', () => {
    // GIVEN a permission set with a customer managed policy document, assigned to prod and management
    const units = buildUnits({
      region: 'eu-west-1',
      roleName: 'OrganizationAccountAccessRole',
      managementAccount: mgmt,
      accounts: [dev, mgmt, prod],
      assignments: [
        { key: 'GROUP/g/Dev/prod', unit: 'assignments-1', accountName: 'prod', permissionSet: 'Dev' },
        { key: 'GROUP/g/Dev/management', unit: 'assignments-0', accountName: 'management', permissionSet: 'Dev' },
        { key: 'GROUP/g/Read/dev', unit: 'assignments-0', accountName: 'dev', permissionSet: 'Read' },
      ],
      identityPolicies: [],
      policiesByPermissionSet: new Map([['Dev', [{ name: 'DevExtra', path: '/', document: doc }]]]),
    });
    // THEN dev (nothing needed) has no unit; prod gets the policy; management gets it too
    expect(units.map((u) => [u.name, u.kind])).toEqual([
      ['management', 'management'],
      ['account-prod', 'member'],
      ['assignments-0', 'assignments'],
      ['assignments-1', 'assignments'],
    ]);
    expect(unitNamed({ units }, 'management', 'management').customerManagedPolicies).toEqual([{ name: 'DevExtra', path: '/', document: doc }]);
    expect(units[1]).toEqual({
      name: 'account-prod',
      kind: 'member',
      accountName: 'prod',
      accountId: '333333333333',
      assumeRoleArn: 'arn:aws:iam::333333333333:role/OrganizationAccountAccessRole',
      customerManagedPolicies: [{ name: 'DevExtra', path: '/', document: doc }],
      keyIdentityPolicies: [],
    });
    expect(unitNamed({ units }, 'assignments-0', 'assignments').assignmentKeys).toEqual(['GROUP/g/Dev/management', 'GROUP/g/Read/dev']);
    expect(units[2].accountId).toBe('111111111111');
  });

  test('an account with key identity policies gets a unit, in the partition of the region', () => {
    const units = buildUnits({
      region: 'cn-north-1',
      roleName: 'Deployer',
      managementAccount: mgmt,
      accounts: [dev, mgmt],
      assignments: [],
      identityPolicies: [
        { keyName: 'k', accountName: 'dev', accountId: dev.id, policyName: 'p', attachToRoles: [], document: doc, useCases: ['custom-workflows'] },
      ],
      policiesByPermissionSet: new Map(),
    });
    expect(units.map((u) => u.name)).toEqual(['management', 'account-dev']);
    expect(units[1].assumeRoleArn).toBe('arn:aws-cn:iam::555555555555:role/Deployer');
    expect(unitNamed({ units }, 'account-dev', 'member').keyIdentityPolicies.map((p) => p.policyName)).toEqual(['p']);
  });
});
