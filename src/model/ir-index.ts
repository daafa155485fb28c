/**
 * Look-ups over a resolved model that several emitters need once per deployment unit.
 *
 * Built once per IR and cached: an enterprise model has ~100,000 assignments in ~300 units, and a
 * map rebuilt for every unit made emitting quadratic (tens of seconds). The IR is immutable, so a
 * cache keyed by the IR object can never go stale, and a WeakMap lets it go with the IR.
 */
import type { DeploymentUnit, ResolvedAssignment, ResolvedModel } from './ir';

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

/** The assignments an assignment unit holds, in the unit's (sorted) key order. */
export function unitAssignments(ir: ResolvedModel, unit: DeploymentUnit): ResolvedAssignment[] {
  const byKey = assignmentsByKey(ir);
  return unit.assignmentKeys.map((key) => {
    const a = byKey.get(key);
    if (!a) throw new Error(`unit ${unit.name} holds assignment ${key}, which is not in the model`);
    return a;
  });
}
