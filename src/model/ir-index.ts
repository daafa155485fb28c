/**
 * Look-ups over a resolved model that several emitters need once per deployment unit: assignments
 * by key, and which unit holds each permission set, group and user.
 *
 * Built once per IR and cached: an enterprise model has ~100,000 assignments in ~300 units, and a
 * map rebuilt for every unit made emitting quadratic (tens of seconds). The IR is immutable, so a
 * cache keyed by the IR object can never go stale, and a WeakMap lets it go with the IR.
 */
import type {
  AssignmentsUnit,
  DeploymentUnit,
  ResolvedApplication,
  ResolvedAssignment,
  ResolvedGroup,
  ResolvedModel,
  ResolvedPermissionSet,
  ResolvedUser,
} from './ir';
import { compareKeys } from './ir';
import { MANAGEMENT_UNIT } from './shard';

const byKeyCache = new WeakMap<ResolvedModel, ReadonlyMap<string, ResolvedAssignment>>();

/** Every assignment of the model by its stable key. */
export function assignmentsByKey(ir: ResolvedModel): ReadonlyMap<string, ResolvedAssignment> {
  let byKey = byKeyCache.get(ir);
  if (!byKey) {
    byKey = new Map(ir.assignments.map((a) => [a.key, a]));
    byKeyCache.set(ir, byKey);
  }
  return byKey;
}

const byPrincipalCache = new WeakMap<ResolvedModel, ReadonlyMap<string, readonly ResolvedAssignment[]>>();

/** The key of a principal in assignmentsByPrincipal: type and name (a name cannot hold a NUL). */
function principalKey(type: 'GROUP' | 'USER', name: string): string {
  return `${type}\u0000${name}`;
}

/** Every assignment of the model by its principal, each list in model order. */
export function assignmentsByPrincipal(ir: ResolvedModel): ReadonlyMap<string, readonly ResolvedAssignment[]> {
  let index = byPrincipalCache.get(ir);
  if (!index) {
    const built = new Map<string, ResolvedAssignment[]>();
    for (const a of ir.assignments) {
      const k = principalKey(a.principalType, a.principalName);
      const list = built.get(k);
      if (list) list.push(a);
      else built.set(k, [a]);
    }
    byPrincipalCache.set(ir, (index = built));
  }
  return index;
}

/** The assignments of one group or user, in model order. */
export function principalAssignments(ir: ResolvedModel, type: 'GROUP' | 'USER', name: string): readonly ResolvedAssignment[] {
  return assignmentsByPrincipal(ir).get(principalKey(type, name)) ?? [];
}

/** The assignments an assignment unit holds, in the unit's (sorted) key order. */
export function unitAssignments(ir: ResolvedModel, unit: AssignmentsUnit): ResolvedAssignment[] {
  const byKey = assignmentsByKey(ir);
  return unit.assignmentKeys.map((key) => {
    const a = byKey.get(key);
    if (!a) throw new Error(`unit ${unit.name} holds assignment ${key}, which is not in the model`);
    return a;
  });
}

interface Placement {
  readonly permissionSets: ReadonlyMap<string, string>;
  readonly groups: ReadonlyMap<string, string>;
  readonly users: ReadonlyMap<string, string>;
  readonly applications: ReadonlyMap<string, string>;
}

const placementCache = new WeakMap<ResolvedModel, Placement>();

/**
 * Which unit holds each permission set, group, user and application: the unit that lists it, else
 * the management unit (see PermissionSetsUnit, IdentityStoreUnit, ApplicationsUnit).
 */
function placement(ir: ResolvedModel): Placement {
  let p = placementCache.get(ir);
  if (!p) {
    const management = ir.units.find((u) => u.kind === 'management')?.name ?? MANAGEMENT_UNIT;
    const place = (names: readonly string[], listed: (u: DeploymentUnit) => readonly string[] | undefined): Map<string, string> => {
      const out = new Map(names.map((n) => [n, management]));
      for (const u of ir.units) for (const n of listed(u) ?? []) out.set(n, u.name);
      return out;
    };
    p = {
      // External permission sets are only looked up (by every unit assigning them): no unit holds them.
      permissionSets: place(
        ir.permissionSets.filter((ps) => ps.external !== true).map((ps) => ps.name),
        (u) => (u.kind === 'permission-sets' ? u.permissionSets : undefined),
      ),
      groups: place(
        ir.groups.map((g) => g.name),
        (u) => (u.kind === 'identity-store' ? u.groups : undefined),
      ),
      users: place(
        ir.users.map((u) => u.userName),
        (u) => (u.kind === 'identity-store' ? u.users : undefined),
      ),
      applications: place(
        (ir.applications ?? []).map((a) => a.name),
        (u) => (u.kind === 'applications' ? u.applications : undefined),
      ),
    };
    placementCache.set(ir, p);
  }
  return p;
}

/** Name of the unit that creates the permission set; undefined for an external one or a name the model lacks. */
export function permissionSetUnit(ir: ResolvedModel, name: string): string | undefined {
  return placement(ir).permissionSets.get(name);
}

/** Name of the unit that creates (or, for an external group, looks up) the group; undefined for a name the model lacks. */
export function groupUnit(ir: ResolvedModel, name: string): string | undefined {
  return placement(ir).groups.get(name);
}

/** Name of the unit that creates (or, for an external user, looks up) the user; undefined for a name the model lacks. */
export function userUnit(ir: ResolvedModel, userName: string): string | undefined {
  return placement(ir).users.get(userName);
}

/** The permission sets the unit creates, in IR order. */
export function unitPermissionSets(ir: ResolvedModel, unit: DeploymentUnit): ResolvedPermissionSet[] {
  const at = placement(ir).permissionSets;
  return ir.permissionSets.filter((ps) => at.get(ps.name) === unit.name);
}

/** The groups the unit holds, in IR order. */
export function unitGroups(ir: ResolvedModel, unit: DeploymentUnit): ResolvedGroup[] {
  const at = placement(ir).groups;
  return ir.groups.filter((g) => at.get(g.name) === unit.name);
}

/** The users the unit holds, in IR order. */
export function unitUsers(ir: ResolvedModel, unit: DeploymentUnit): ResolvedUser[] {
  const at = placement(ir).users;
  return ir.users.filter((u) => at.get(u.userName) === unit.name);
}

/**
 * Members of the unit's created groups whom another unit creates, sorted: memberships here read
 * their ids by user name (a groups unit holds no users).
 */
export function unitMemberLookups(ir: ResolvedModel, unit: DeploymentUnit): string[] {
  const held = new Set(unitUsers(ir, unit).map((u) => u.userName));
  const names = new Set<string>();
  for (const g of unitGroups(ir, unit)) {
    if (g.external) continue;
    for (const m of g.members) if (!held.has(m)) names.add(m);
  }
  return [...names].sort(compareKeys);
}

/** Name of the unit that creates the application; undefined for a name the model lacks. */
export function applicationUnit(ir: ResolvedModel, name: string): string | undefined {
  return placement(ir).applications.get(name);
}

/** The applications the unit creates, in IR order. */
export function unitApplications(ir: ResolvedModel, unit: DeploymentUnit): ResolvedApplication[] {
  const at = placement(ir).applications;
  return (ir.applications ?? []).filter((a) => at.get(a.name) === unit.name);
}
