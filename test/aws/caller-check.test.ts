/**
 * `encryption enable` pre-flight on the caller (src/aws/caller-check.ts): STS GetCallerIdentity,
 * then the live key policy evaluated for that principal on kms:Decrypt, kms:DescribeKey,
 * kms:Encrypt and kms:GenerateDataKey through Identity Center. A caller the key policy shuts out is
 * refused before UpdateInstance, with the missing actions named.
 */
import { GetKeyPolicyCommand } from '@aws-sdk/client-kms';
import { UpdateInstanceCommand } from '@aws-sdk/client-sso-admin';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { callerPrincipal, checkCaller } from '../../src/aws/caller-check';
import type { ResolvedAccount } from '../../src/model/ir';
import { buildKeys } from '../../src/policy/keys';
import { renderPolicy } from '../../src/policy/render';
import type { PolicyDocumentJson } from '../../src/model/policy-types';
import { ACCOUNT, DELEGATED, INSTANCE_ARN, KEY_ARN, REGION, errors, harness, warnings } from './harness';

const ACCOUNTS: ResolvedAccount[] = [
  { name: 'management', id: ACCOUNT, ou: 'Root', tags: {} },
  { name: 'security', id: DELEGATED, ou: 'Security', tags: {} },
];
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/ci/IdcgenDeployer`;
const ADMIN = { permissionSet: 'IdentityCenterAdmin', account: 'management' };

/** The live key policy idcgen generates for the instance key (rendered with the live ARNs). */
function livePolicy(profile: 'baseline' | 'least-privilege', deployer?: string): PolicyDocumentJson {
  const built = buildKeys(
    [
      {
        name: 'idc',
        policyProfile: profile,
        administrators: [ADMIN],
        useCases: [{ 'identity-center-admins': { principals: [ADMIN] } }, { 'restrict-to-instance': {} }],
      },
    ],
    {
      organizationId: 'o-a1b2c3d4e5',
      managementAccountName: 'management',
      managementAccountId: ACCOUNT,
      region: REGION,
      instanceArn: INSTANCE_ARN,
      identityStoreId: 'd-1111222233',
      encryptionKeyName: 'idc',
      accounts: ACCOUNTS,
      permissionSetNames: new Set(['IdentityCenterAdmin']),
      ...(deployer ? { deployer } : {}),
    },
  );
  expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return renderPolicy(built.keys[0].keyPolicy, {
    keyArns: { idc: KEY_ARN },
    instanceArn: INSTANCE_ARN,
    identityStoreArn: `arn:aws:identitystore::${ACCOUNT}:identitystore/d-1111222233`,
  });
}

const check = (callerArn: string, policy: PolicyDocumentJson, deployer?: string) =>
  checkCaller({
    caller: { arn: callerArn, account: callerArn.split(':')[4] },
    policy,
    keyArn: KEY_ARN,
    instanceArn: INSTANCE_ARN,
    keyAccountId: ACCOUNT,
    region: REGION,
    organizationId: 'o-a1b2c3d4e5',
    deployer,
  });

const CI = `arn:aws:sts::${ACCOUNT}:assumed-role/GitHubActions/run-42`;
const ADMIN_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_IdentityCenterAdmin_0123456789abcdef/alice`;
const PREFIXED_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_IdentityCenterAdmin_X_0123456789abcdef/mallory`;

describe('the caller on a least-privilege key', () => {
  test('fails if the caller is a role the key policy does not name: every action it lacks is listed', () => {
    expect(check(CI, livePolicy('least-privilege', DEPLOYER))).toEqual([
      {
        severity: 'error',
        message: `the caller ${CI} (as arn:aws:iam::${ACCOUNT}:role/GitHubActions) may not kms:Decrypt, kms:DescribeKey, kms:Encrypt, kms:GenerateDataKey on key ${KEY_ARN} through identity center under its live key policy; identity center checks the key with the caller's permissions when switching, so run this as the deployer (deployment.deployer) or an identity center administrator the key policy names, or add the caller to the key policy (see https://docs.aws.amazon.com/singlesignon/latest/userguide/cmk-related-errors.html)`,
      },
    ]);
  });

  test('passes for the deployer (its path comes from the model)', () => {
    expect(check(`arn:aws:sts::${ACCOUNT}:assumed-role/IdcgenDeployer/tf`, livePolicy('least-privilege', DEPLOYER), DEPLOYER)).toEqual([]);
  });

  test('an Identity Center administrator passes, with a warning that the key policy grants kms:GenerateDataKeyWithoutPlaintext, not kms:GenerateDataKey', () => {
    const findings = check(ADMIN_SESSION, livePolicy('least-privilege', DEPLOYER));
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(findings[0].message).toContain('lets the caller');
    expect(findings[0].message).toContain('kms:GenerateDataKeyWithoutPlaintext but not kms:GenerateDataKey');
  });

  test("fails for the role of a permission set whose name only starts with the administrators' (AWSReservedSSO_<name>_X_…)", () => {
    expect(check(PREFIXED_SESSION, livePolicy('least-privilege', DEPLOYER)).map((f) => f.severity)).toEqual(['error']);
  });

  test('fails for a principal of another account', () => {
    expect(
      check(`arn:aws:sts::${DELEGATED}:assumed-role/AWSReservedSSO_IdentityCenterAdmin_0123456789abcdef/bob`, livePolicy('least-privilege', DEPLOYER)).map(
        (f) => f.severity,
      ),
    ).toEqual(['error']);
  });
});

describe('what the caller check cannot see', () => {
  test('a baseline key hands the account to its IAM policies: nothing to report', () => {
    expect(check(CI, livePolicy('baseline'))).toEqual([]);
  });

  test('a role whose path STS does not report, named with a path in the key policy: a warning, never a refusal', () => {
    const policy: PolicyDocumentJson = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Ci',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'kms:*',
          Resource: '*',
          Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/ci/GitHubActions` } },
        },
      ],
    };
    const findings = check(CI, policy);
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(findings[0].message).toContain("it depends on the role's path, which sts does not report,");
  });

  test('a caller that is no IAM principal (a federated user) is not checked, with a warning', () => {
    expect(check(`arn:aws:sts::${ACCOUNT}:federated-user/bob`, livePolicy('least-privilege', DEPLOYER)).map((f) => f.severity)).toEqual(['warning']);
  });

  test.each([
    [CI, `arn:aws:iam::${ACCOUNT}:role/GitHubActions`, false],
    [ADMIN_SESSION, `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_IdentityCenterAdmin_0123456789abcdef`, true],
    [`arn:aws:sts::${ACCOUNT}:assumed-role/IdcgenDeployer/tf`, DEPLOYER, true],
    [`arn:aws:iam::${ACCOUNT}:user/ops/bob`, `arn:aws:iam::${ACCOUNT}:user/ops/bob`, true],
  ])('reads %s as %s', (caller, arn, pathKnown) => {
    expect(callerPrincipal({ arn: caller, account: ACCOUNT }, REGION, DEPLOYER)).toEqual({ arn, pathKnown });
  });
});

describe('idcgen encryption enable', () => {
  test('fails before UpdateInstance when the caller may not use the key, naming the missing actions', async () => {
    // GIVEN a least-privilege key policy live on the key, and a CI role that is not in it
    const h = harness();
    h.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(livePolicy('least-privilege', DEPLOYER)) });
    h.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: CI });
    // WHEN it is switched
    const code = await h.run({ deployer: DEPLOYER });
    // THEN the pre-flight refuses, and nothing was written
    expect(code).toBe(1);
    expect(errors(h.captured)).toEqual([
      expect.stringContaining('may not kms:Decrypt, kms:DescribeKey, kms:Encrypt, kms:GenerateDataKey on key'),
      'pre-flight failed: nothing changed',
    ]);
    expect(h.sso.commandCalls(UpdateInstanceCommand)).toHaveLength(0);
  });

  test('switches when the deployer runs it', async () => {
    const h = harness();
    h.kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify(livePolicy('least-privilege', DEPLOYER)) });
    h.sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/IdcgenDeployer/tf` });
    const code = await h.run({ deployer: DEPLOYER, dryRun: true });
    expect(errors(h.captured)).toEqual([]);
    expect(warnings(h.captured)).toEqual([]);
    expect(code).toBe(0);
  });

  test('status does not ask who the caller is (it switches nothing)', async () => {
    const h = harness();
    await h.run({ action: 'status' });
    expect(h.sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
  });
});
