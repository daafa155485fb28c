import { buildUnits, type ManagementContent, type Weighted } from '../../src/model/shard';
import type { DeploymentUnit, ResolvedAccount } from '../../src/model/ir';

const mgmt: ResolvedAccount = { name: 'management', id: '111111111111', ou: 'Root', tags: {} };

function units(management: ManagementContent): DeploymentUnit[] {
  return buildUnits({
    region: 'eu-west-1',
    roleName: 'OrganizationAccountAccessRole',
    managementAccount: mgmt,
    accounts: [mgmt],
    assignments: [{ key: 'GROUP/g/PS/management', unit: 'assignments', accountName: 'management', permissionSet: 'PS' }],
    identityPolicies: [],
    policiesByPermissionSet: new Map(),
    management,
  });
}

const named = (prefix: string, n: number, resources: (i: number) => number): Weighted[] =>
  Array.from({ length: n }, (_, i) => ({ name: `${prefix}${String(i).padStart(4, '0')}`, resources: resources(i) }));

/** name → resources, for summing what a unit holds. */
const weights = (...lists: Weighted[][]): Map<string, number> => new Map(lists.flat().map((w) => [w.name, w.resources]));

function held(u: DeploymentUnit): string[] {
  return u.kind === 'permission-sets' ? [...u.permissionSets] : u.kind === 'identity-store' ? [...u.groups, ...u.users] : [];
}

describe('buildUnits: the management unit and the stack bound', () => {
  test('everything stays in the management unit while it fits: no extra units', () => {
    // GIVEN 4 key resources, 10 permission sets of 3, 20 groups of 2 and 10 users: 4 + 30 + 40 + 10 = 84
    const u = units({
      maxResources: 84,
      keyResources: 4,
      permissionSets: named('ps', 10, () => 3),
      groups: named('g', 20, () => 2),
      users: named('u', 10, () => 1),
    });
    // THEN only management and the assignment unit, and management lists nothing (it holds the rest)
    expect(u.map((x) => [x.name, x.kind])).toEqual([
      ['management', 'management'],
      ['assignments', 'assignments'],
    ]);
    expect(u[0]).not.toHaveProperty('permissionSets');
    expect(u[0]).not.toHaveProperty('groups');
  });

  test('permission sets move out first when they do not fit; the identity store stays if it then fits', () => {
    const permissionSets = named('ps', 100, (i) => 1 + (i % 5));
    const u = units({ maxResources: 60, keyResources: 4, permissionSets, groups: named('g', 10, () => 2), users: named('u', 5, () => 1) });
    const shards = u.filter((x) => x.kind === 'permission-sets');
    expect(shards.length).toBeGreaterThan(1);
    expect(u.some((x) => x.kind === 'identity-store')).toBe(false);
    const w = weights(permissionSets);
    for (const s of shards) {
      expect(s.name).toMatch(/^permission-sets-[01]+$/);
      expect((s.permissionSets ?? []).reduce((n, name) => n + (w.get(name) ?? 0), 0)).toBeLessThanOrEqual(60);
    }
    // every permission set in exactly one unit
    expect(shards.flatMap(held).sort()).toEqual(permissionSets.map((p) => p.name).sort());
  });

  test('the identity store moves out into users and groups units that never mix, each within the bound', () => {
    const groups = named('g', 300, (i) => 1 + (i % 7));
    const users = named('u', 400, () => 1);
    const external = named('ext', 50, () => 0);
    const u = units({ maxResources: 100, keyResources: 4, permissionSets: named('ps', 5, () => 2), groups: [...groups, ...external], users });
    const stores = u.filter((x) => x.kind === 'identity-store');
    const w = weights(groups, users, external);
    for (const s of stores) {
      expect(s.name).toMatch(/^(groups|users)-[01]+$/);
      expect((s.groups ?? []).length === 0 || (s.users ?? []).length === 0).toBe(true);
      expect(held(s).reduce((n, name) => n + (w.get(name) ?? 0), 0)).toBeLessThanOrEqual(100);
    }
    expect(stores.flatMap((s) => s.groups ?? []).sort()).toEqual([...groups, ...external].map((g) => g.name).sort());
    expect(stores.flatMap((s) => s.users ?? []).sort()).toEqual(users.map((x) => x.name).sort());
    // permission sets (10 resources) still fit next to the keys
    expect(u.some((x) => x.kind === 'permission-sets')).toBe(false);
    // IR order: management, then identity-store units by name, then assignments
    expect(u[0].name).toBe('management');
    expect(u[u.length - 1].name).toBe('assignments');
    const names = stores.map((s) => s.name);
    expect(names).toEqual([...names].sort());
  });

  test("growing one group past its unit's room splits only the unit holding it", () => {
    // GIVEN groups in several units
    const groups = named('g', 300, (i) => 1 + (i % 7));
    const content = { maxResources: 100, keyResources: 4, permissionSets: [], groups, users: named('u', 50, () => 1) };
    const before = units(content);
    const home = before.find((x) => held(x).includes('g0123')) as DeploymentUnit;
    const w = weights(groups);
    const room = 100 - held(home).reduce((n, name) => n + (w.get(name) ?? 0), 0);
    // WHEN g0123 gains more members than its unit has room for
    const grown = groups.map((g) => (g.name === 'g0123' ? { ...g, resources: g.resources + room + 1 } : g));
    const after = units({ ...content, groups: grown });
    // THEN that unit is replaced by its two halves (same groups), and every other unit is unchanged
    const text = (list: DeploymentUnit[]) => new Map(list.map((x) => [x.name, JSON.stringify(held(x))]));
    const b = text(before);
    const a = text(after);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((n) => a.get(n) !== b.get(n));
    expect(changed).toContain(home.name);
    for (const n of changed) expect(n.startsWith(home.name)).toBe(true);
    const halves = after.filter((x) => x.name.startsWith(home.name) && x.name !== home.name);
    expect(halves.length).toBeGreaterThanOrEqual(2);
    expect(halves.flatMap(held).sort()).toEqual(held(home).sort());
  });

  test('a group alone above the bound gets a unit of its own: the only way a unit exceeds the bound', () => {
    const groups = [...named('g', 40, () => 2), { name: 'huge', resources: 150 }];
    const u = units({ maxResources: 50, keyResources: 4, permissionSets: [], groups, users: [] });
    const hugeUnit = u.find((x) => held(x).includes('huge'));
    expect(hugeUnit && held(hugeUnit)).toEqual(['huge']);
    const w = weights(groups);
    for (const s of u.filter((x) => x.kind === 'identity-store' && x !== hugeUnit)) {
      expect(held(s).reduce((n, name) => n + (w.get(name) ?? 0), 0)).toBeLessThanOrEqual(50);
    }
  });
});
