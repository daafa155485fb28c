/**
 * Administrator-level permission sets, for the `admin-access-granted` risk flag.
 *
 * A permission set is administrator-level when
 * - it attaches the AWS managed policy `AdministratorAccess` (in any partition), or
 * - its inline policy has an `Allow` statement whose `Action` contains `*` or `*:*`.
 * Managed policies are known by name only (their content is not in the model), so other broad
 * managed policies such as PowerUserAccess are not flagged.
 */
import type { ResolvedPermissionSet } from '../../model/ir';
import { managedPolicyName } from '../../model/arns';
import { valueList } from './canonical';

const ALL_ACTIONS = new Set(['*', '*:*']);

/** Why a permission set is administrator-level, e.g. `AdministratorAccess`; empty when it is not. */
export function adminReasons(ps: ResolvedPermissionSet | undefined): string[] {
  if (!ps) return [];
  const out: string[] = [];
  if (ps.managedPolicyArns.some((arn) => managedPolicyName(arn) === 'AdministratorAccess')) out.push('AdministratorAccess');
  for (const s of ps.inlinePolicy?.Statement ?? []) {
    if (s.Effect !== 'Allow') continue;
    const wild = valueList(s.Action).filter((a) => ALL_ACTIONS.has(a));
    if (wild.length > 0) out.push(`inline Allow ${wild.join(', ')}${s.Sid ? ` (${s.Sid})` : ''}`);
  }
  return out;
}
