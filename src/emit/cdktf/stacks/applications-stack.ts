/**
 * A shard of the applications, for organizations whose management stack would exceed the stack
 * bound with them (src/model/shard.ts). It works where the unit runs (the management account, or
 * the delegated administrator's) and reads the ids of the groups and users it assigns by name: the
 * stacks that create them are deployed before it.
 */
import { type ApplicationsUnit, unitApplications } from '../../../model';
import { Construct } from '../cdktf';
import { Applications } from '../constructs/applications';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { IdentityStore } from '../constructs/identity-store';
import { GeneratedStack } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { configureStack, unitProvider, type UnitStackConfig } from '../private/stack-setup';

/** The model and the unit this stack deploys (see UnitStackConfig). */
export type ApplicationsStackConfig = UnitStackConfig<ApplicationsUnit>;

/** The stack of an applications unit, when applications do not fit in the management unit. */
export class ApplicationsStack extends GeneratedStack {
  readonly applications: Applications;

  constructor(scope: Construct, id: string, config: ApplicationsStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    configureStack(this, unit, ir.deployment.backend, config.configureBackend);
    unitProvider(this, ir.identityCenter.region, unit);

    const instance = IdentityCenterInstance.of(this, ir);
    const apps = unitApplications(ir, unit);
    const assigned = (type: 'GROUP' | 'USER'): Set<string> =>
      new Set(apps.flatMap((a) => a.assignments.filter((p) => p.principalType === type).map((p) => p.principalName)));
    const groups = assigned('GROUP');
    const users = assigned('USER');
    // Look-ups only, with the construct ids the other stacks use for the same principals.
    const principals = new IdentityStore(this, 'IdentityStore', {
      identityStoreId: instance.identityStoreId,
      groups: ir.groups.filter((g) => groups.has(g.name)),
      users: ir.users.filter((u) => users.has(u.userName)),
      lookupOnly: true,
    });
    // The same construct ids as in the management stack: an application's address reads the same wherever it lives.
    this.applications = new Applications(this, 'Applications', {
      instanceArn: instance.instanceArn,
      applications: apps,
      principalId: (type, name) => principals.principalId(type, name),
    });
  }
}
