/**
 * `idcgen import --compare <model>`: the model's external permission sets (owned by Control Tower
 * or another tool: idcgen only looks them up) against the live ones the import read. The model's
 * `managedPolicies` on an external permission set declare what it is expected to hold, and the
 * review judges its assignments by them (README "Permission sets idcgen does not own"), so a
 * declaration that no longer matches AWS misleads every later review: say where they differ.
 */
import { compareKeys, type ResolvedModel } from '../model';
import type { Estate, EstatePermissionSet } from './estate';

/** What a live permission set holds beyond AWS managed policies, which a model cannot declare. */
function undeclarable(live: EstatePermissionSet): string[] {
  const out: string[] = [];
  if (live.customerManagedPolicies.length > 0)
    out.push(
      `customer managed policies ${live.customerManagedPolicies
        .map((p) => `${p.path}${p.name}`)
        .sort(compareKeys)
        .join(', ')}`,
    );
  if (live.inlinePolicy !== undefined) out.push('an inline policy');
  if (live.permissionsBoundary !== undefined) out.push('a permissions boundary');
  return out;
}

/** One line per external permission set whose declaration differs from AWS (none when all match). */
export function compareExternalPermissionSets(estate: Estate, ir: ResolvedModel): string[] {
  const live = new Map(estate.permissionSets.map((p) => [p.name, p]));
  const out: string[] = [];
  for (const ps of ir.permissionSets.filter((p) => p.external === true)) {
    const found = live.get(ps.name);
    if (!found) {
      out.push(`external permission set '${ps.name}' is not in the instance: its assignments will fail until its owner creates it`);
      continue;
    }
    const declared = new Set(ps.managedPolicyArns);
    const held = new Set(found.managedPolicyArns);
    const missing = [...declared].filter((a) => !held.has(a)).sort(compareKeys);
    const extra = [...held].filter((a) => !declared.has(a)).sort(compareKeys);
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`declared but not held: ${missing.join(', ')}`);
    if (extra.length > 0) parts.push(`held but not declared: ${extra.join(', ')}`);
    const other = undeclarable(found);
    if (other.length > 0) parts.push(`it also holds ${other.join(', ')}, which the review cannot see`);
    if (parts.length > 0) out.push(`external permission set '${ps.name}' differs from its declaration (managedPolicies): ${parts.join('; ')}`);
  }
  return out;
}
