/**
 * A member account's stack: the IAM policies its principals need to use the Identity Center key,
 * and the customer managed policies permission sets reference there. The default provider assumes
 * the deployment role in that account; a second provider, `management`, reads the key's ARN by
 * alias from the management account, so no stack reads another stack's state.
 */
import type { DeploymentUnit, ResolvedModel } from '../../../model/ir';
import { AwsProvider, Construct } from '../cdktf';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { KeyUserPolicies } from '../constructs/key-user-policies';
import { keyAliasLookups } from '../private/key-aliases';
import { refResolver } from '../private/refs';
import { GeneratedStack } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { awsProvider, configureStack } from '../private/stack-setup';

export interface MemberAccountStackConfig {
  readonly ir: ResolvedModel;
  readonly unit: DeploymentUnit;
}

/** Alias of the provider that reads the management account. */
export const MANAGEMENT_PROVIDER_ALIAS = 'management';

export class MemberAccountStack extends GeneratedStack {
  readonly management: AwsProvider;

  constructor(scope: Construct, id: string, config: MemberAccountStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    const { region } = ir.identityCenter;
    const managementAccountId = ir.organization.managementAccountId;
    if (!unit.assumeRoleArn) throw new Error(`member unit ${unit.name} has no role to assume`);
    configureStack(this, unit, ir.deployment.backend);
    awsProvider(this, 'aws', { region, accountId: unit.accountId, assumeRoleArn: unit.assumeRoleArn });
    this.management = awsProvider(this, 'aws-management', {
      region,
      accountId: managementAccountId,
      alias: MANAGEMENT_PROVIDER_ALIAS,
    });

    // One alias look-up per key the policies name, made on first use.
    const alias = keyAliasLookups(this, ir.keys, this.management);
    const instance = new IdentityCenterInstance(this, 'IdentityCenter', {
      instanceArn: ir.identityCenter.instanceArn,
      identityStoreId: ir.identityCenter.identityStoreId,
      provider: this.management,
    });

    new KeyUserPolicies(this, 'Policies', {
      customerManagedPolicies: unit.customerManagedPolicies,
      keyIdentityPolicies: unit.keyIdentityPolicies,
      resolve: refResolver({
        managementAccountId,
        keyArn: (name) => alias(name).targetKeyArn,
        keyId: (name) => alias(name).targetKeyId,
        instanceArn: () => instance.instanceArn,
        identityStoreId: () => instance.identityStoreId,
      }),
    });
  }
}
