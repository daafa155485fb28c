/**
 * View of an identity-store root: one shard of the users (`users-*`) or of the groups with their
 * memberships (`groups-*`), when the management root would exceed the stack bound with them
 * (src/model/shard.ts). A groups root looks its members up by user name: the users roots that
 * create them are applied first.
 */
import type { DeploymentUnit, ResolvedModel } from '../../model/ir';
import { unitGroups, unitMemberLookups, unitUsers } from '../../model/ir-index';
import { instanceView, type InstanceView } from './view-common';
import { identityStoreCall, type ModuleCallView } from './view-management';

export interface IdentityStoreView {
  readonly source: string;
  readonly instance: InstanceView;
  readonly identityStore: ModuleCallView;
}

export function identityStoreView(ir: ResolvedModel, unit: DeploymentUnit): IdentityStoreView {
  const identityStore = identityStoreCall(unitGroups(ir, unit), unitUsers(ir, unit), unitMemberLookups(ir, unit));
  if (!identityStore) throw new Error(`unit ${unit.name} holds no group or user`);
  return { source: ir.source, instance: instanceView(ir), identityStore };
}
