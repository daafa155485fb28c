/**
 * A shard of the identity store, for organizations whose management stack would exceed the stack
 * bound with it (src/model/shard.ts): `users-*` stacks create users, `groups-*` stacks create groups
 * and their memberships, reading member ids by user name from the users stacks deployed before.
 */
import { type IdentityStoreUnit, unitGroups, unitMemberLookups, unitUsers } from '../../../model';
import { Construct } from '../cdktf';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { IdentityStore } from '../constructs/identity-store';
import { GeneratedStack } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { configureStack, unitProvider, type UnitStackConfig } from '../private/stack-setup';

/** The model and the unit this stack deploys (see UnitStackConfig). */
export type IdentityStoreStackConfig = UnitStackConfig<IdentityStoreUnit>;

/** The stack of a users or groups unit, when the identity store does not fit in the management unit. */
export class IdentityStoreStack extends GeneratedStack {
  readonly identityStore: IdentityStore;

  constructor(scope: Construct, id: string, config: IdentityStoreStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    configureStack(this, unit, ir.deployment.backend, config.configureBackend);
    unitProvider(this, ir.identityCenter.region, unit);

    const instance = IdentityCenterInstance.of(this, ir);
    // The same construct ids as in the management stack, so addresses read the same in either.
    this.identityStore = new IdentityStore(this, 'IdentityStore', {
      identityStoreId: instance.identityStoreId,
      groups: unitGroups(ir, unit),
      users: unitUsers(ir, unit),
      memberLookups: unitMemberLookups(ir, unit),
    });
  }
}
