/**
 * IAM policies one account needs: the identity policies that let its principals use a key in the
 * management account (cross-account use needs both the key policy and an identity policy), attached
 * to the named roles; and the customer managed policies that permission sets reference by name,
 * which must exist in every account the permission set is provisioned to.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/howtocmp.html
 */
import type { PolicyUnit } from '../../../model';
import { Construct, IamPolicy, IamRolePolicyAttachment } from '../cdktf';
import { constructId, namespace, namespaceAt } from '../private/namespace';
import { policyJson, type PolicyRefResolver } from '../private/policy-json';

/** Props of {@link KeyUserPolicies}. */
export interface KeyUserPoliciesProps {
  readonly customerManagedPolicies: PolicyUnit['customerManagedPolicies'];
  readonly keyIdentityPolicies: PolicyUnit['keyIdentityPolicies'];
  /** Resolves key ARNs (read from the management account) in the documents. */
  readonly resolve: PolicyRefResolver;
}

/** IAM policies in a member account: what principals there need to use the key, and customer managed policies permission sets reference. */
export class KeyUserPolicies extends Construct {
  constructor(scope: Construct, id: string, props: KeyUserPoliciesProps) {
    super(scope, id);

    for (const cmp of props.customerManagedPolicies) {
      new IamPolicy(namespaceAt(this, ['CustomerManagedPolicy', cmp.path]), constructId(cmp.name), {
        name: cmp.name,
        path: cmp.path,
        policy: policyJson(cmp.document, props.resolve),
      });
    }

    for (const kip of props.keyIdentityPolicies) {
      const scope = namespaceAt(this, ['KeyIdentityPolicy', kip.keyName]);
      const policy = new IamPolicy(scope, 'Policy', {
        name: kip.policyName,
        policy: policyJson(kip.document, props.resolve),
      });
      for (const role of kip.attachToRoles) {
        new IamRolePolicyAttachment(namespace(scope, 'Attachment'), constructId(role), { role, policyArn: policy.arn });
      }
    }
  }
}
