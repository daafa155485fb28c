/**
 * View of a permission-set root: one shard of the permission sets, when the management root would
 * exceed the stack bound with them or a delegated administrator manages them (src/model/shard.ts).
 * It works in the unit's account and reads the ARNs of the keys its inline policies name through
 * their aliases in the management account, so it shares no state with the management root, which
 * is applied first.
 */
import { type DeploymentUnit, type ResolvedModel, unitPermissionSets } from '../../model';
import { instanceView, type InstanceView, type ModuleCallView } from './view-common';
import { permissionSetsCall } from './view-management';
import { keyAliasLookups, type KeyLookupView } from './view-member';
import { policyRefs } from './view-policy';

export interface PermissionSetsView {
  readonly source: string;
  readonly keyLookups: readonly KeyLookupView[];
  /** Provider alias the key look-ups use: `management` when the root runs in another account (a delegated administrator's). */
  readonly keyLookupProvider: string | null;
  readonly instance: InstanceView;
  readonly permissionSets: ModuleCallView;
}

export function permissionSetsView(ir: ResolvedModel, unit: DeploymentUnit): PermissionSetsView {
  const sets = unitPermissionSets(ir, unit);
  const { keyLookups, resolve } = keyAliasLookups(
    ir,
    sets.flatMap((ps) => policyRefs(ps.inlinePolicy)),
  );
  const permissionSets = permissionSetsCall(sets, resolve);
  if (!permissionSets) throw new Error(`unit ${unit.name} holds no permission set`);
  const keyLookupProvider = keyLookups.length > 0 && unit.accountId !== ir.organization.managementAccountId ? 'management' : null;
  return { source: ir.source, keyLookups, keyLookupProvider, instance: instanceView(ir), permissionSets };
}
