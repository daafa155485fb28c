/**
 * A shard of the permission sets, for organizations whose management stack would exceed the stack
 * bound with them, or whose delegated administrator manages them (src/model/shard.ts). It works in
 * the unit's account and reads key ARNs for the inline policies by alias (in the management
 * account), so it shares no state with the management stack.
 */
import { type PermissionSetsUnit, unitPermissionSets } from '../../../model';
import { AwsProvider, Construct } from '../cdktf';
import { MANAGEMENT_PROVIDER_ALIAS } from './member-account-stack';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { PermissionSets } from '../constructs/permission-sets';
import { keyAliasLookups } from '../private/key-aliases';
import { aliasRefResolver } from '../private/refs';
import { GeneratedStack } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { awsProvider, configureStack, unitProvider, type UnitStackConfig } from '../private/stack-setup';

/** The model and the unit this stack deploys (see UnitStackConfig). */
export type PermissionSetsStackConfig = UnitStackConfig<PermissionSetsUnit>;

/** The stack of a permission-sets unit, when permission sets do not fit in the management unit. */
export class PermissionSetsStack extends GeneratedStack {
  readonly permissionSets: PermissionSets;

  constructor(scope: Construct, id: string, config: PermissionSetsStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    const managementAccountId = ir.organization.managementAccountId;
    configureStack(this, unit, ir.deployment.backend, config.configureBackend);
    unitProvider(this, ir.identityCenter.region, unit);

    // Run by a delegated administrator, the stack reads key aliases in the management account, where
    // the keys live, through a second provider made on first use (as member stacks do).
    let management: AwsProvider | undefined;
    const managementProvider = (): AwsProvider =>
      (management ??= awsProvider(this, 'aws-management', {
        region: ir.identityCenter.region,
        accountId: managementAccountId,
        alias: MANAGEMENT_PROVIDER_ALIAS,
      }));
    const alias = keyAliasLookups(this, ir.keys, unit.accountId === managementAccountId ? undefined : managementProvider);
    const instance = IdentityCenterInstance.of(this, ir);
    // The same construct ids as in the management stack: a permission set's address reads the same
    // wherever it lives.
    this.permissionSets = new PermissionSets(this, 'PermissionSets', {
      instanceArn: instance.instanceArn,
      permissionSets: unitPermissionSets(ir, unit),
      resolve: aliasRefResolver(ir, alias, instance),
    });
  }
}
