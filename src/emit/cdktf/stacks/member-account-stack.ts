/**
 * A member account's stack: the IAM policies its principals need to use the Identity Center key,
 * and the customer managed policies permission sets reference there. The default provider assumes
 * the deployment role in that account; a second provider, `management`, reads the key's ARN by
 * alias from the management account, so no stack reads another stack's state.
 */
import type { MemberUnit } from '../../../model';
import { AwsProvider, Construct } from '../cdktf';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { KeyUserPolicies } from '../constructs/key-user-policies';
import { keyAliasLookups } from '../private/key-aliases';
import { aliasRefResolver } from '../private/refs';
import { GeneratedStack } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { awsProvider, configureStack, type UnitStackConfig } from '../private/stack-setup';

/** The model and the unit this stack deploys (see UnitStackConfig). */
export type MemberAccountStackConfig = UnitStackConfig<MemberUnit>;

/** Alias of the provider that reads the management account. */
export const MANAGEMENT_PROVIDER_ALIAS = 'management';

/** The stack of a member account unit (`account-<name>`): IAM policies created in that account through the assumed role. */
export class MemberAccountStack extends GeneratedStack {
  readonly management: AwsProvider;

  constructor(scope: Construct, id: string, config: MemberAccountStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    const { region } = ir.identityCenter;
    const managementAccountId = ir.organization.managementAccountId;
    if (!unit.assumeRoleArn) throw new Error(`member unit ${unit.name} has no role to assume`);
    configureStack(this, unit, ir.deployment.backend, config.configureBackend);
    awsProvider(this, 'aws', { region, accountId: unit.accountId, assumeRoleArn: unit.assumeRoleArn, planAssumeRoleArn: unit.planAssumeRoleArn });
    this.management = awsProvider(this, 'aws-management', {
      region,
      accountId: managementAccountId,
      alias: MANAGEMENT_PROVIDER_ALIAS,
    });

    // One alias look-up per key the policies name, made on first use.
    const alias = keyAliasLookups(this, ir.keys, this.management);
    const instance = IdentityCenterInstance.of(this, ir, this.management);

    new KeyUserPolicies(this, 'Policies', {
      customerManagedPolicies: unit.customerManagedPolicies,
      keyIdentityPolicies: unit.keyIdentityPolicies,
      resolve: aliasRefResolver(ir, alias, instance),
    });
  }
}
