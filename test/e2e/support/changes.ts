/**
 * Plans as short sentences, so a test states the changes it expects in terms of the model — not of
 * Terraform addresses, which differ between the HCL and CDKTF output:
 *   `update permission set Developer: session_duration PT8H -> PT6H`
 *   `create assignment USER/alice/ReadOnly/333333333333`
 *   `create replica key of identity-center` (its Region is checked in the emulator after the apply)
 *   `create alias alias/identity-center` (the same: which Region's, the emulator says after the apply)
 * Anything else is described by its actions, type and address, so an unexpected change shows up as
 * itself in a failed comparison.
 */
import type { Estate } from '../../../src/import/estate';
import type { PlannedChange, UnitPlan } from './deployment';

/** Unit name → sorted change sentences, for units whose plan changes anything. */
export function describePlans(plans: readonly UnitPlan[], estate: Estate, keyNames: Readonly<Record<string, string>>): Record<string, string[]> {
  const names = {
    sets: new Map(estate.permissionSets.map((p) => [p.arn, p.name])),
    principals: new Map([...estate.groups.map((g) => [g.id, g.displayName] as const), ...estate.users.map((u) => [u.id, u.userName] as const)]),
    keys: new Map(Object.entries(keyNames).map(([name, arn]) => [arn, name])),
  };
  const out: Record<string, string[]> = {};
  for (const plan of plans) {
    if (plan.changes.length > 0) out[plan.unit] = plan.changes.map((c) => describeChange(c, names)).sort();
  }
  return out;
}

interface Names {
  readonly sets: ReadonlyMap<string, string>;
  readonly principals: ReadonlyMap<string, string>;
  readonly keys: ReadonlyMap<string, string>;
}

function describeChange(c: PlannedChange, names: Names): string {
  const action = c.actions.join('+');
  const values = (c.actions.includes('create') ? c.after : c.before) ?? {};
  const str = (k: string): string => String(values[k]);
  switch (c.type) {
    case 'aws_ssoadmin_account_assignment': {
      const principal = names.principals.get(str('principal_id')) ?? str('principal_id');
      const set = names.sets.get(str('permission_set_arn')) ?? str('permission_set_arn');
      return `${action} assignment ${str('principal_type')}/${principal}/${set}/${str('target_id')}`;
    }
    case 'aws_ssoadmin_permission_set':
      return action === 'update' ? `update permission set ${str('name')}: ${changedAttributes(c)}` : `${action} permission set ${str('name')}`;
    case 'aws_kms_replica_key': {
      const primary = str('primary_key_arn');
      return `${action} replica key of ${names.keys.get(primary) ?? primary}`;
    }
    case 'aws_kms_alias':
      return `${action} alias ${str('name')}`;
    default:
      return `${action} ${c.type} ${c.address}`;
  }
}

/** Attributes whose planned value differs from the current one, sorted. */
export function changedKeys(c: PlannedChange): string[] {
  const before = c.before ?? {};
  const after = c.after ?? {};
  return Object.keys(after)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
}

function changedAttributes(c: PlannedChange): string {
  return changedKeys(c)
    .map((k) => `${k} ${JSON.stringify(c.before?.[k])} -> ${JSON.stringify(c.after?.[k])}`)
    .join(', ');
}

/**
 * Arguments the AWS provider cannot read back, per resource type: after an import they are null in
 * state, so the first plan "updates" them to the configured value, in state only (the provider's
 * update calls no API for them). KMS reports no deletion window for a key that is not being deleted
 * (KeyMetadata.PendingDeletionWindowInDays), and the policy lockout check is a flag of the request.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
const NOT_READ_BACK: Readonly<Record<string, readonly string[]>> = {
  aws_kms_key: ['bypass_policy_lockout_safety_check', 'deletion_window_in_days'],
  aws_kms_replica_key: ['bypass_policy_lockout_safety_check', 'deletion_window_in_days'],
};

/** An import that changes nothing in AWS: no other action, and no update beyond what AWS cannot report. */
export function onlyImports(c: PlannedChange): boolean {
  if (!c.importing) return false;
  const actions = c.actions.join('+');
  if (actions === 'no-op') return true;
  const allowed = NOT_READ_BACK[c.type] ?? [];
  return actions === 'update' && changedKeys(c).every((k) => allowed.includes(k));
}
