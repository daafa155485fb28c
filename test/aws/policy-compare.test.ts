/**
 * Key policy comparison: statements that mean the same compare equal whatever their spelling,
 * and every real difference is reported with the field and the values.
 */
import { checkServiceGrants, compareKeyPolicy } from '../../src/aws/policy-compare';
import { baselinePolicy } from './harness';

type Statement = Record<string, unknown>;

function withStatement(sid: string, change: (s: Statement) => Statement) {
  const p = baselinePolicy();
  p.Statement = p.Statement.map((s) => (s.Sid === sid ? change(s) : s));
  return p;
}

describe('compareKeyPolicy', () => {
  test('reports nothing for the same policy', () => {
    expect(compareKeyPolicy(baselinePolicy(), baselinePolicy())).toEqual([]);
  });

  test.each<[string, Statement]>([
    ['statement order', { reverse: true }],
    ['action order and case', { Action: ['kms:generatedatakeywithoutplaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'KMS:Decrypt'] }],
    ['service order', { Principal: { Service: ['sso.amazonaws.com', 'identitystore.amazonaws.com'] } }],
    [
      'condition key case',
      {
        Condition: {
          StringEquals: { 'aws:sourceaccount': '${aws:ResourceAccount}' },
          'ForAnyValue:StringEquals': {
            'kms:EncryptionContextKeys': ['aws:identitystore:identitystore-arn', 'aws:sso:instance-arn'],
          },
        },
      },
    ],
  ])('treats %s as the same', (_what, change) => {
    const live = change.reverse
      ? { ...baselinePolicy(), Statement: [...baselinePolicy().Statement].reverse() }
      : withStatement('AllowIdentityCenterAndIdentityStoreToUseKey', (s) => ({ ...s, ...change }));
    expect(compareKeyPolicy(baselinePolicy(), live)).toEqual([]);
  });

  test('treats a one-element list as its element, an account id as its root and true as "true"', () => {
    const expected = {
      Statement: [
        {
          Sid: 'A',
          Effect: 'Allow',
          Principal: { AWS: '111111111111' },
          Action: 'kms:*',
          Resource: ['*'],
          Condition: { Bool: { 'aws:SecureTransport': true } },
        },
      ],
    };
    const live = {
      Statement: {
        Sid: 'A',
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::111111111111:root'] },
        Action: ['kms:*'],
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
    };
    expect(compareKeyPolicy(expected, live)).toEqual([]);
  });

  test('treats Principal "*" as { AWS: "*" }', () => {
    const live = withStatement('AllowManagedApps', (s) => ({ ...s, Principal: { AWS: '*' } }));
    expect(compareKeyPolicy(baselinePolicy(), live)).toEqual([]);
  });

  test('reports a changed condition value and a dropped operator', () => {
    const live = withStatement('AllowManagedApps', (s) => ({
      ...s,
      Condition: {
        Bool: { 'aws:PrincipalIsAWSService': 'true' },
        StringEquals: { 'aws:SourceOrgID': 'o-other' },
        'ForAnyValue:StringEquals': {
          'kms:EncryptionContextKeys': ['aws:sso:instance-arn', 'aws:identitystore:identitystore-arn'],
        },
      },
    }));
    expect(compareKeyPolicy(baselinePolicy(), live)).toEqual([
      {
        severity: 'error',
        message:
          "key policy statement 'AllowManagedApps' differs from the model: Condition.StringEquals.aws:SourceOrgID missing '${aws:ResourceOrgID}', unexpected 'o-other'; Condition.StringLike.kms:ViaService missing 'identitystore.*.amazonaws.com', 'sso.*.amazonaws.com'",
      },
    ]);
  });

  test('reports a changed service statement as such', () => {
    const live = withStatement('AllowIdentityCenterAndIdentityStoreToDescribeKey', (s) => ({ ...s, Effect: 'Deny' }));
    expect(compareKeyPolicy(baselinePolicy(), live)).toEqual([
      {
        severity: 'error',
        message:
          "key policy statement 'AllowIdentityCenterAndIdentityStoreToDescribeKey' (identity center and identity store service) differs from the model: Effect missing 'Allow', unexpected 'Deny'",
      },
    ]);
  });

  test('warns about live statements the model does not have', () => {
    const live = baselinePolicy();
    live.Statement.push({
      Sid: 'BreakGlass',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:role/BreakGlass' },
      Action: 'kms:*',
      Resource: '*',
    });
    expect(compareKeyPolicy(baselinePolicy(), live)).toEqual([{ severity: 'warning', message: "key policy statement 'BreakGlass' is not in the model" }]);
  });

  test('matches statements without a sid by content', () => {
    const statement = {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111111111111:root' },
      Action: 'kms:*',
      Resource: '*',
    };
    expect(compareKeyPolicy({ Statement: [statement] }, { Statement: [{ ...statement, Action: ['kms:*'] }] })).toEqual([]);
    expect(compareKeyPolicy({ Statement: [statement] }, { Statement: [{ ...statement, Action: 'kms:Decrypt' }] })).toEqual([
      { severity: 'error', message: 'key policy statement #1 (no sid) is missing' },
      { severity: 'warning', message: 'key policy statement #1 (no sid) is not in the model' },
    ]);
  });
});

describe('checkServiceGrants', () => {
  test('accepts the baseline policy', () => {
    expect(checkServiceGrants(baselinePolicy())).toEqual([]);
  });

  test('accepts wildcards and grants split over several statements', () => {
    const policy = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'sso.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Principal: { Service: ['sso.amazonaws.com', 'identitystore.amazonaws.com'] },
          Action: 'kms:Describe?ey',
          Resource: '*',
        },
        { Effect: 'Allow', Principal: { Service: 'identitystore.amazonaws.com' }, Action: 'kms:*', Resource: '*' },
      ],
    };
    expect(checkServiceGrants(policy)).toEqual([]);
  });

  test('fails if a service is only granted by a Deny or by a statement for everyone', () => {
    const policy = {
      Statement: [
        { Effect: 'Deny', Principal: { Service: 'sso.amazonaws.com' }, Action: 'kms:*', Resource: '*' },
        { Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' },
        {
          Effect: 'Allow',
          Principal: { Service: 'identitystore.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:DescribeKey'],
          Resource: '*',
        },
      ],
    };
    expect(checkServiceGrants(policy).map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^key policy does not allow identity center \(sso.amazonaws.com\) kms:Decrypt, kms:DescribeKey, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncryptFrom, kms:ReEncryptTo: /,
      ),
      expect.stringMatching(
        /^key policy does not allow identity store \(identitystore.amazonaws.com\) kms:GenerateDataKeyWithoutPlaintext, kms:ReEncryptFrom, kms:ReEncryptTo: /,
      ),
    ]);
  });
});
