/**
 * The order deployment units must be applied in: which units each one depends on, and the wave
 * each falls in. One source for every consumer (CDKTF stack dependencies, `hcl/units.json`,
 * `hcl/atlantis.yaml`, the CI apply workflow), so they cannot disagree.
 *
 * Dependencies (a unit reads by name what another creates, so that one must be applied first):
 * - every unit depends on `management`: it holds the key (member units read its alias) and, while
 *   they fit, the permission sets and the identity store;
 * - a groups unit depends on the users units holding the members its memberships look up;
 * - an applications unit depends on the units holding the groups and users it assigns;
 * - an assignments unit depends on the units creating the permission sets and principals it
 *   assigns, and on the member units of its accounts (customer managed policies must exist in an
 *   account before a permission set referencing them is provisioned there).
 *
 * - a unit run by a delegated administrator depends on the member unit of that account (the
 *   identity policy that lets its role use the key).
 *
 * Wave: `management` is wave 1; every other unit is one more than the highest wave among its
 * dependencies. Units of one wave never depend on each other, so they can be applied in parallel
 * once the waves before them are. With the dependencies above there are at most four waves:
 * management → member, permission-set and users units (and groups units whose members live in
 * management) → groups units reading users units → assignments and applications; five with a
 * delegated administrator whose account has a member unit (it comes before that account's units).
 */
import type { AssignmentsUnit, DeploymentUnit, ResolvedModel } from './ir';
import { compareKeys } from './ir';
import { assignmentsByKey, groupUnit, permissionSetUnit, unitApplications, unitMemberLookups, userUnit } from './ir-index';

/** Dependencies and apply waves of the deployment units (see `unitOrder`). */
export interface UnitOrder {
  /** Unit name → the units it depends on, sorted. */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
  /** Unit name → its wave, from 1. */
  readonly wave: ReadonlyMap<string, number>;
  /** Unit names by wave: `waves[0]` is wave 1. Each wave sorted by name. */
  readonly waves: readonly (readonly string[])[];
}

const cache = new WeakMap<ResolvedModel, UnitOrder>();

/** Dependencies and waves of every unit of the model (cached per IR, which is immutable). */
export function unitOrder(ir: ResolvedModel): UnitOrder {
  let order = cache.get(ir);
  if (!order) {
    order = computeOrder(ir);
    cache.set(ir, order);
  }
  return order;
}

function computeOrder(ir: ResolvedModel): UnitOrder {
  const management = ir.units.filter((u) => u.kind === 'management');
  if (management.length !== 1) throw new Error(`expected one management unit, found ${management.length}`);
  const names = new Set(ir.units.map((u) => u.name));
  const dependsOn = new Map<string, readonly string[]>();
  for (const unit of ir.units) {
    const direct = directDependencies(ir, unit).filter((d): d is string => d !== undefined);
    const deps = new Set(unit.kind === 'management' ? [] : [management[0].name, ...direct]);
    deps.delete(unit.name);
    for (const d of deps) if (!names.has(d)) throw new Error(`unit ${unit.name} depends on ${d}, which is not a unit of the model`);
    dependsOn.set(unit.name, [...deps].sort(compareKeys));
  }

  const wave = new Map<string, number>();
  const visiting = new Set<string>();
  const waveOf = (name: string): number => {
    const known = wave.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) throw new Error(`deployment units depend on each other in a cycle through ${name}`);
    visiting.add(name);
    const w = 1 + Math.max(0, ...(dependsOn.get(name) ?? []).map(waveOf));
    visiting.delete(name);
    wave.set(name, w);
    return w;
  };
  const waves: string[][] = [];
  for (const name of [...names].sort(compareKeys)) {
    const w = waveOf(name);
    while (waves.length < w) waves.push([]);
    waves[w - 1].push(name);
  }
  return { dependsOn, wave, waves };
}

/** Units (other than management) holding what `unit` reads by name, or needs before it can run. */
function directDependencies(ir: ResolvedModel, unit: DeploymentUnit): (string | undefined)[] {
  return [...ownDependencies(ir, unit), delegatedAdminPolicies(ir, unit)];
}

/**
 * A unit run by the delegated administrator uses the key (the instance's data is encrypted with it)
 * through the identity policy its role gets in the member unit of that account: that unit first.
 */
function delegatedAdminPolicies(ir: ResolvedModel, unit: DeploymentUnit): string | undefined {
  const admin = ir.identityCenter.delegatedAdmin;
  if (!admin || unit.kind === 'member' || unit.kind === 'management' || unit.accountName !== admin.accountName) return undefined;
  return ir.units.find((u) => u.kind === 'member' && u.accountName === admin.accountName)?.name;
}

function ownDependencies(ir: ResolvedModel, unit: DeploymentUnit): (string | undefined)[] {
  switch (unit.kind) {
    case 'management':
    case 'member':
    case 'permission-sets':
      return [];
    case 'identity-store':
      return unitMemberLookups(ir, unit).map((user) => userUnit(ir, user));
    case 'assignments':
      return assignmentDependencies(ir, unit);
    case 'applications':
      return unitApplications(ir, unit).flatMap((a) =>
        a.assignments.map((p) => (p.principalType === 'GROUP' ? groupUnit(ir, p.principalName) : userUnit(ir, p.principalName))),
      );
  }
}

/** Units creating what a shard's assignments need: member accounts, permission sets, principals. */
function assignmentDependencies(ir: ResolvedModel, unit: AssignmentsUnit): (string | undefined)[] {
  const byKey = assignmentsByKey(ir);
  const accounts = new Set<string>();
  const units = new Set<string | undefined>();
  for (const key of unit.assignmentKeys) {
    const a = byKey.get(key);
    if (!a) continue; // the emitters report it
    accounts.add(a.accountName);
    units.add(permissionSetUnit(ir, a.permissionSet));
    units.add(a.principalType === 'GROUP' ? groupUnit(ir, a.principalName) : userUnit(ir, a.principalName));
  }
  for (const u of ir.units) if (u.kind === 'member' && accounts.has(u.accountName)) units.add(u.name);
  return [...units];
}
