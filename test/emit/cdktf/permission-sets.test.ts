import {
  SsoadminCustomerManagedPolicyAttachment,
  SsoadminManagedPolicyAttachment,
  SsoadminPermissionSet,
  SsoadminPermissionSetInlinePolicy,
  SsoadminPermissionsBoundaryAttachment,
  Testing,
} from '../../../src/emit/cdktf/cdktf';
import { PermissionSets } from '../../../src/emit/cdktf/constructs/permission-sets';
import { fullIr } from '../../fixtures/ir/full';
import { inLiteralText } from '../../../src/emit/cdktf/private/literal-view';
import { blocks, synthGenerated } from './helpers';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1111222233334444';
const KEY_ARN = 'arn:aws:kms:eu-west-1:111111111111:key/mrk-test';
const PS_ARN = expect.stringMatching(/^\$\{aws_ssoadmin_permission_set\.[\w-]+\.arn\}$/);

function synth(): string {
  return synthGenerated((scope) => {
    new PermissionSets(scope, 'PermissionSets', {
      instanceArn: INSTANCE,
      permissionSets: inLiteralText(fullIr.permissionSets),
      resolve: (ref) => (ref.ref === 'key-arn' ? KEY_ARN : `all-regions:${ref.key}`),
    });
  });
}

describe('PermissionSets', () => {
  test('creates each permission set with its name, description, session, relay state and tags', () => {
    const s = synth();
    expect(s).toHaveResourceWithProperties(SsoadminPermissionSet, {
      instance_arn: INSTANCE,
      name: 'IdentityCenterAdmin',
      description: 'Administers Identity Center',
      session_duration: 'PT4H',
      relay_state: 'https://console.aws.amazon.com/singlesignon',
    });
    expect(s).toHaveResourceWithProperties(SsoadminPermissionSet, { name: 'Developer', session_duration: 'PT8H', tags: { team: 'apps' } });
    expect(Object.values(blocks(s, 'aws_ssoadmin_permission_set')).map((b) => b.name)).toEqual(['Developer', 'IdentityCenterAdmin', 'ReadOnly']);
  });

  test('attaches every AWS managed policy', () => {
    const s = synth();
    for (const arn of [
      'arn:aws:iam::aws:policy/PowerUserAccess',
      'arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    ]) {
      expect(s).toHaveResourceWithProperties(SsoadminManagedPolicyAttachment, {
        instance_arn: INSTANCE,
        managed_policy_arn: arn,
        permission_set_arn: PS_ARN,
      });
    }
    expect(Object.keys(blocks(s, 'aws_ssoadmin_managed_policy_attachment'))).toHaveLength(4);
  });

  test('attaches customer managed policies by name and path', () => {
    expect(synth()).toHaveResourceWithProperties(SsoadminCustomerManagedPolicyAttachment, {
      instance_arn: INSTANCE,
      permission_set_arn: PS_ARN,
      customer_managed_policy_reference: { name: 'BoundaryReadOnly', path: '/' },
    });
  });

  test('renders the inline policy with key refs resolved and policy variables escaped', () => {
    const inline = Object.values(blocks(synth(), 'aws_ssoadmin_permission_set_inline_policy'));
    expect(inline).toHaveLength(2);
    const readOnly = inline.map((b) => String(b.inline_policy)).find((p) => p.includes('OwnSecretsOnly'));
    expect(readOnly).toContain('"Resource":"arn:aws:secretsmanager:*:*:secret:$${aws:username}-*"');
    expect(readOnly).toContain('"Resource":["all-regions:identity-center"]');
    expect(synth()).toHaveResourceWithProperties(SsoadminPermissionSetInlinePolicy, {
      inline_policy: expect.stringContaining(`"Resource":["${KEY_ARN}"]`),
      permission_set_arn: PS_ARN,
    });
  });

  test('attaches a managed or a customer managed permissions boundary', () => {
    const s = synth();
    expect(s).toHaveResourceWithProperties(SsoadminPermissionsBoundaryAttachment, {
      permissions_boundary: { managed_policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
    });
    expect(s).toHaveResourceWithProperties(SsoadminPermissionsBoundaryAttachment, {
      permissions_boundary: { customer_managed_policy_reference: { name: 'DevBoundary', path: '/boundaries/' } },
    });
  });

  test('fails if asked for the ARN of a permission set it does not hold', () => {
    Testing.synthScope((scope) => {
      const sets = new PermissionSets(scope, 'PermissionSets', { instanceArn: INSTANCE, permissionSets: [], resolve: () => '' });
      expect(() => sets.arn('Nope')).toThrow('unknown permission set Nope');
    });
  });
});
