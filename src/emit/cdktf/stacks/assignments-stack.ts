/**
 * One shard of account assignments. It reads what it needs by name — permission set ARNs, group
 * and user ids — instead of referencing the management stack, so shards deploy on their own and
 * adding an assignment changes only the shard that holds it.
 */
import type { DeploymentUnit, ResolvedModel } from '../../../model/ir';
import { compareKeys } from '../../../model/ir';
import { unitAssignments } from '../../../model/ir-index';
import { Construct, DataAwsSsoadminPermissionSet, TerraformStack } from '../cdktf';
import { AccountAssignments } from '../constructs/account-assignments';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { IdentityStore } from '../constructs/identity-store';
import { awsProvider, configureStack } from '../private/stack-setup';

export interface AssignmentsStackConfig {
  readonly ir: ResolvedModel;
  readonly unit: DeploymentUnit;
}

export class AssignmentsStack extends TerraformStack {
  readonly assignments: AccountAssignments;

  constructor(scope: Construct, id: string, config: AssignmentsStackConfig) {
    super(scope, id);
    const { ir, unit } = config;
    configureStack(this, unit, ir.deployment.backend);
    awsProvider(this, 'aws', { region: ir.identityCenter.region, accountId: ir.organization.managementAccountId });

    const mine = unitAssignments(ir, unit);
    const instance = new IdentityCenterInstance(this, 'IdentityCenter', {
      instanceArn: ir.identityCenter.instanceArn,
      identityStoreId: ir.identityCenter.identityStoreId,
    });

    const lookups = new Construct(this, 'PermissionSetLookup');
    const permissionSetArns = new Map<string, string>();
    for (const name of distinct(mine.map((a) => a.permissionSet))) {
      const ps = new DataAwsSsoadminPermissionSet(lookups, name, { instanceArn: instance.instanceArn, name });
      permissionSetArns.set(name, ps.arn);
    }

    const groupNames = new Set(mine.filter((a) => a.principalType === 'GROUP').map((a) => a.principalName));
    const userNames = new Set(mine.filter((a) => a.principalType === 'USER').map((a) => a.principalName));
    const identityStore = new IdentityStore(this, 'IdentityStore', {
      identityStoreId: instance.identityStoreId,
      groups: ir.groups.filter((g) => groupNames.has(g.name)),
      users: ir.users.filter((u) => userNames.has(u.userName)),
      lookupOnly: true,
    });

    this.assignments = new AccountAssignments(this, 'Assignment', {
      instanceArn: instance.instanceArn,
      assignments: mine,
      permissionSetArn: (name) => {
        const arn = permissionSetArns.get(name);
        if (arn === undefined) throw new Error(`permission set ${name} was not looked up`);
        return arn;
      },
      principalId: (type, name) => identityStore.principalId(type, name),
    });
  }
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareKeys);
}
