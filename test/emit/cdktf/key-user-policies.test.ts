import { IamPolicy, IamRolePolicyAttachment } from '../../../src/emit/cdktf/cdktf';
import { KeyUserPolicies } from '../../../src/emit/cdktf/constructs/key-user-policies';
import { fullIr } from '../../fixtures/ir/full';
import { unitNamed } from '../../support/units';
import { inLiteralText } from '../../../src/emit/cdktf/private/literal-view';
import { blocks, sids, synthGenerated } from './helpers';

const security = unitNamed(fullIr, 'account-security', 'member');
const prodApp = unitNamed(fullIr, 'account-prod-app', 'member');

function synth(unit: typeof security): string {
  return synthGenerated((scope) => {
    new KeyUserPolicies(scope, 'Policies', {
      customerManagedPolicies: inLiteralText(unit.customerManagedPolicies),
      keyIdentityPolicies: inLiteralText(unit.keyIdentityPolicies),
      resolve: (ref) => `resolved:${ref.ref}:${ref.key}`,
    });
  });
}

describe('KeyUserPolicies', () => {
  test('creates the key identity policy with the key ARN resolved, and attaches it to the named roles', () => {
    const s = synth(security);
    expect(s).toHaveResourceWithProperties(IamPolicy, {
      name: 'idcgen-identity-center-key-use',
      policy: expect.stringContaining('"Resource":["resolved:key-arn-all-regions:identity-center"]'),
    });
    const policy = Object.values(blocks(s, 'aws_iam_policy')).find((p) => p.name === 'idcgen-identity-center-key-use');
    expect(sids(policy?.policy)).toEqual(['AllowCrossAccountKMSKeyUse', 'AllowListKMSKeyAliases']);
    expect(s).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      role: 'ProvisioningPipeline',
      policy_arn: expect.stringMatching(/^\$\{aws_iam_policy\.[\w-]+\.arn\}$/),
    });
  });

  test('creates customer managed policies with the name and path permission sets reference', () => {
    const s = synth(prodApp);
    expect(s).toHaveResourceWithProperties(IamPolicy, { name: 'BoundaryReadOnly', path: '/' });
    expect(s).toHaveResourceWithProperties(IamPolicy, {
      name: 'DevBoundary',
      path: '/boundaries/',
      policy: expect.stringContaining('"Resource":"arn:aws:s3:::dev-$${aws:PrincipalTag/team}-*"'),
    });
    expect(s).not.toHaveResource(IamRolePolicyAttachment);
  });
});
