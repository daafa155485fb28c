/**
 * View of an identity-store root: one shard of the users (`users-*`) or of the groups with their
 * memberships (`groups-*`), when the management root would exceed the stack bound with them
 * (src/model/shard.ts). A groups root looks its members up by user name: the users roots that
 * create them are applied first.
 */
import { type DeploymentUnit, type ResolvedModel, unitGroups, unitMemberLookups, unitUsers } from '../../model';
import { instanceView, type InstanceView } from './view-common';
import type { MovedView } from './private/names';
import { identityStoreCall } from './view-management';
import { type ModuleCallView } from './view-common';
import { membershipMoves } from './view-moved';

export interface IdentityStoreView {
  readonly source: string;
  readonly instance: InstanceView;
  readonly identityStore: ModuleCallView;
  /** From the keys an earlier idcgen gave memberships (view-moved.ts). */
  readonly moved: readonly MovedView[];
}

export function identityStoreView(ir: ResolvedModel, unit: DeploymentUnit): IdentityStoreView {
  const groups = unitGroups(ir, unit);
  const identityStore = identityStoreCall(groups, unitUsers(ir, unit), unitMemberLookups(ir, unit));
  if (!identityStore) throw new Error(`unit ${unit.name} holds no group or user`);
  return { source: ir.source, instance: instanceView(ir), identityStore, moved: membershipMoves(groups) };
}
