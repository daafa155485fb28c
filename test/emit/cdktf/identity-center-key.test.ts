import { AwsProvider, KmsAlias, KmsKey, KmsKeyPolicy, KmsReplicaKey } from '../../../src/emit/cdktf/cdktf';
import { IdentityCenterKey } from '../../../src/emit/cdktf/constructs/identity-center-key';
import type { ResolvedKey } from '../../../src/model/ir';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';
import { inLiteralText } from '../../../src/emit/cdktf/private/literal-view';
import { blocks, onlyBlock, sids, synthGenerated } from './helpers';

const multiRegionKey = fullIr.keys[0];
const singleRegionKey = minimalIr.keys[0];
/** The stack's apply-time values: only the instance ARN is reached (the key's own come from its resource). */
const refTargets = {
  managementAccountId: '111111111111',
  partition: 'aws',
  keyArn: (name: string): string => {
    throw new Error(`key ${name} is not in this stack`);
  },
  keyId: (name: string): string => {
    throw new Error(`key ${name} is not in this stack`);
  },
  instanceArn: () => 'arn:aws:sso:::instance/ssoins-test',
  identityStoreId: () => 'd-test',
};

function synthKey(key: ResolvedKey, replicaRegions: readonly string[] = key.replicaRegions): string {
  return synthGenerated((scope) => {
    new AwsProvider(scope, 'aws', { region: 'eu-west-1' });
    const replicaProviders = new Map(replicaRegions.map((r) => [r, new AwsProvider(scope, r, { region: r, alias: r })]));
    new IdentityCenterKey(scope, key.name, { key: inLiteralText(key), replicaProviders, refTargets });
  });
}

describe('IdentityCenterKey', () => {
  test('creates a symmetric, rotating, multi-Region key that refuses to be destroyed', () => {
    const synth = synthKey(multiRegionKey);
    expect(synth).toHaveResourceWithProperties(KmsKey, {
      description: 'Encrypts IAM Identity Center workforce identity data',
      key_usage: 'ENCRYPT_DECRYPT',
      customer_master_key_spec: 'SYMMETRIC_DEFAULT',
      multi_region: true,
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      tags: { owner: 'platform' },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('puts the key policy only on aws_kms_key_policy, never also on the key', () => {
    const synth = synthKey(multiRegionKey);
    expect(onlyBlock(synth, 'aws_kms_key').policy).toBeUndefined();
    const policy = onlyBlock(synth, 'aws_kms_key_policy');
    expect(policy.key_id).toMatch(/^\$\{aws_kms_key\.[\w-]+\.key_id\}$/);
    expect(policy.lifecycle).toEqual({ prevent_destroy: true });
    expect(sids(policy.policy)).toEqual([
      'AllowIdentityCenterAdminAccounts',
      'AllowIdentityCenterAndIdentityStoreToDescribeKey',
      'AllowIdentityCenterAndIdentityStoreToUseKey',
      'AllowOrgPrincipalsViaIdentityCenterAndIdentityStore',
      'AllowManagedApps',
    ]);
  });

  test('escapes the policy variables of the key policy ($${aws:ResourceAccount})', () => {
    const text = String(onlyBlock(synthKey(multiRegionKey), 'aws_kms_key_policy').policy);
    expect(text).toContain('"aws:SourceAccount":"$${aws:ResourceAccount}"');
    expect(text).toContain('"aws:PrincipalOrgID":"$${aws:ResourceOrgID}"');
    // No unescaped policy variable is left for Terraform to interpolate.
    expect(text).not.toMatch(/(^|[^$])\$\{aws:/);
  });

  test('resolves refs in the key policy through the given resolver', () => {
    const doc = JSON.parse(String(onlyBlock(synthKey(multiRegionKey), 'aws_kms_key_policy').policy));
    expect(doc.Statement[3].Condition.StringEquals['kms:EncryptionContext:aws:sso:instance-arn']).toBe('arn:aws:sso:::instance/ssoins-test');
  });

  test('aliases the key by its alias name', () => {
    expect(synthKey(multiRegionKey)).toHaveResourceWithProperties(KmsAlias, {
      name: 'alias/identity-center',
      target_key_id: expect.stringMatching(/^\$\{aws_kms_key\.[\w-]+\.key_id\}$/),
    });
  });

  test("creates one replica per Region, through that Region's provider, with the same policy text", () => {
    const synth = synthKey(multiRegionKey);
    const policy = onlyBlock(synth, 'aws_kms_key_policy').policy;
    const replicas = Object.values(blocks(synth, 'aws_kms_replica_key'));
    expect(replicas.map((r) => r.provider).sort()).toEqual(['aws.eu-central-1', 'aws.us-east-1']);
    for (const replica of replicas) {
      expect(replica.policy).toBe(policy);
      expect(replica.primary_key_arn).toMatch(/^\$\{aws_kms_key\.[\w-]+\.arn\}$/);
      expect(replica.deletion_window_in_days).toBe(30);
    }
  });

  test('a single-Region key without rotation has no rotation period and no replicas', () => {
    const synth = synthKey(singleRegionKey);
    const key = onlyBlock(synth, 'aws_kms_key');
    expect(key.multi_region).toBe(false);
    expect(key.enable_key_rotation).toBe(false);
    expect(key.rotation_period_in_days).toBeUndefined();
    expect(key.tags).toBeUndefined();
    expect(synth).not.toHaveResource(KmsReplicaKey);
    expect(synth).toHaveResource(KmsKeyPolicy);
  });

  test('fails if a replica Region has no provider', () => {
    expect(() => synthKey(multiRegionKey, ['eu-central-1'])).toThrow('no provider for replica Region us-east-1 of key identity-center');
  });

  test('renders its own ARN for key refs that name it', () => {
    const key: ResolvedKey = {
      ...singleRegionKey,
      keyPolicy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Self', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: { ref: 'key-arn', key: singleRegionKey.name } },
          {
            Sid: 'AllRegions',
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:Decrypt',
            Resource: { ref: 'key-arn-all-regions', key: singleRegionKey.name },
          },
        ],
      },
    };
    const doc = JSON.parse(String(onlyBlock(synthKey(key), 'aws_kms_key_policy').policy));
    expect(doc.Statement[0].Resource).toMatch(/^\$\{aws_kms_key\.[\w-]+\.arn\}$/);
    expect(doc.Statement[1].Resource).toMatch(/^arn:aws:kms:\*:111111111111:key\/\$\{aws_kms_key\.[\w-]+\.key_id\}$/);
  });
});
