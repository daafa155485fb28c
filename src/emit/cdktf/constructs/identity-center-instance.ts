/**
 * The Identity Center instance ARN and identity store id: literals from the model when it gives
 * them, else read from `data aws_ssoadmin_instances` (an organization has one instance, so `one()`
 * both unwraps the set and fails loudly if that ever changes).
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/ssoadmin_instances
 */
import type { ResolvedModel } from '../../../model';
import { AwsProvider, Construct, DataAwsSsoadminInstances, Fn, Token } from '../cdktf';

/** Props of {@link IdentityCenterInstance}. */
export interface IdentityCenterInstanceProps {
  /** @default looked up */
  readonly instanceArn?: string;
  /** @default looked up */
  readonly identityStoreId?: string;
  /** Provider for the look-up (member stacks read the management account). @default the stack's default */
  readonly provider?: AwsProvider;
}

/** The Identity Center instance ARN and identity store ID: literals from the model, or looked up. */
export class IdentityCenterInstance extends Construct {
  private lookup?: DataAwsSsoadminInstances;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: IdentityCenterInstanceProps,
  ) {
    super(scope, id);
  }

  /** `arn:aws:sso:::instance/ssoins-…` */
  get instanceArn(): string {
    return this.props.instanceArn ?? Token.asString(Fn.one(this.instances().arns));
  }

  /** `d-…` */
  get identityStoreId(): string {
    return this.props.identityStoreId ?? Token.asString(Fn.one(this.instances().identityStoreIds));
  }

  /**
   * Both values as they appear in cdk.tf.json (the literals, or the `${one(...)}` references cdktf
   * renders for the look-up), for blocks written without tokens (private/assignment-blocks.ts).
   */
  get jsonText(): { readonly instanceArn: string; readonly identityStoreId: string } {
    const ref = (attribute: string): string => `\${one(data.aws_ssoadmin_instances.${this.instances().friendlyUniqueId}.${attribute})}`;
    return {
      instanceArn: this.props.instanceArn ?? ref('arns'),
      identityStoreId: this.props.identityStoreId ?? ref('identity_store_ids'),
    };
  }

  /** A stack's instance (`IdentityCenter`), from the model's instance ARN and identity store id when it has them. */
  static of(scope: Construct, ir: Pick<ResolvedModel, 'identityCenter'>, provider?: AwsProvider): IdentityCenterInstance {
    const { instanceArn, identityStoreId } = ir.identityCenter;
    return new IdentityCenterInstance(scope, 'IdentityCenter', { instanceArn, identityStoreId, ...(provider ? { provider } : {}) });
  }

  // Created on first use, so a stack that never needs the instance reads nothing.
  private instances(): DataAwsSsoadminInstances {
    this.lookup ??= new DataAwsSsoadminInstances(this, 'Lookup', { provider: this.props.provider });
    return this.lookup;
  }
}
