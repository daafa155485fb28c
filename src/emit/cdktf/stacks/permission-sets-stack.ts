/**
 * A shard of the permission sets, for organizations whose management stack would exceed the stack
 * bound with them (src/model/shard.ts). It works in the management account, like the management
 * stack, and reads key ARNs for the inline policies by alias, so it shares no state with it.
 */
import { partitionOf } from '../../../model/arns';
import { unitPermissionSets } from '../../../model/ir-index';
import { Construct } from '../cdktf';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { PermissionSets } from '../constructs/permission-sets';
import { keyAliasLookups } from '../private/key-aliases';
import { refResolver } from '../private/refs';
import { GeneratedStack } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { awsProvider, configureStack, type UnitStackConfig } from '../private/stack-setup';

/** The model and the unit this stack deploys (see UnitStackConfig). */
export type PermissionSetsStackConfig = UnitStackConfig;

/** The stack of a permission-sets unit, when permission sets do not fit in the management unit. */
export class PermissionSetsStack extends GeneratedStack {
  readonly permissionSets: PermissionSets;

  constructor(scope: Construct, id: string, config: PermissionSetsStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    const managementAccountId = ir.organization.managementAccountId;
    configureStack(this, unit, ir.deployment.backend, config.configureBackend);
    awsProvider(this, 'aws', { region: ir.identityCenter.region, accountId: managementAccountId });

    const alias = keyAliasLookups(this, ir.keys);
    const instance = new IdentityCenterInstance(this, 'IdentityCenter', {
      instanceArn: ir.identityCenter.instanceArn,
      identityStoreId: ir.identityCenter.identityStoreId,
    });
    // The same construct ids as in the management stack: a permission set's address reads the same
    // wherever it lives.
    this.permissionSets = new PermissionSets(this, 'PermissionSets', {
      instanceArn: instance.instanceArn,
      permissionSets: unitPermissionSets(ir, unit),
      resolve: refResolver({
        managementAccountId,
        partition: partitionOf(ir.identityCenter.region),
        keyArn: (name) => alias(name).targetKeyArn,
        keyId: (name) => alias(name).targetKeyId,
        instanceArn: () => instance.instanceArn,
        identityStoreId: () => instance.identityStoreId,
      }),
    });
  }
}
