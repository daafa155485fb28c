/**
 * Simulation tables (@cloud-copilot/iam-simulate) for every use case and both profiles: requests
 * that must be allowed and requests that must be denied. Every simulation asserts that no context
 * key was ignored (simulate.ts). Encryption-context conditions are checked structurally at the end.
 */
import { DELEGATED_ID, IDENTITY_STORE_ARN, INSTANCE_ARN, OUTSIDE_ID, WORKLOAD_ID } from './support/fixtures';
import { roleCall, serviceCall, simulate, type KmsRequest } from './support/simulate';
import { ALLOW_ALL_KMS, CONTEXT_KEYS, P, scenario, scenarioKey, VIA, type Scenario } from './support/scenario';

type Row = [string, (s: Scenario) => KmsRequest];

const OTHER_ORG = 'o-zzzzzzzzzz';
const APP = 'qbusiness.amazonaws.com';

/** Requests both profiles must allow. */
const ALLOWED: Row[] = [
  ['sso service decrypts with the instance context', () => serviceCall('sso.amazonaws.com', 'kms:Decrypt', { contextKeys: [...CONTEXT_KEYS.sso] })],
  ['sso service re-encrypts', () => serviceCall('sso.amazonaws.com', 'kms:ReEncryptFrom', { contextKeys: [...CONTEXT_KEYS.sso] })],
  [
    'identitystore service generates a data key',
    () => serviceCall('identitystore.amazonaws.com', 'kms:GenerateDataKeyWithoutPlaintext', { contextKeys: [...CONTEXT_KEYS.identityStore] }),
  ],
  ['identitystore service describes the key', () => serviceCall('identitystore.amazonaws.com', 'kms:DescribeKey')],
  [
    'Identity Center admin encrypts via sso',
    (s) => roleCall(P.admin, 'kms:Encrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso], identityPolicies: s.identityOf(P.admin) }),
  ],
  ['Identity Center admin describes the key', (s) => roleCall(P.admin, 'kms:DescribeKey', { identityPolicies: s.identityOf(P.admin) })],
  ['key administrator changes the key policy', (s) => roleCall(P.admin, 'kms:PutKeyPolicy', { identityPolicies: s.identityOf(P.admin) })],
  ['key administrator schedules deletion', (s) => roleCall(P.admin, 'kms:ScheduleKeyDeletion', { identityPolicies: s.identityOf(P.admin) })],
  [
    'delegated admin (other account) encrypts via identitystore',
    (s) =>
      roleCall(P.delegatedAdmin, 'kms:Encrypt', {
        via: VIA.identityStore,
        contextKeys: [...CONTEXT_KEYS.identityStore],
        identityPolicies: s.identityOf(P.delegatedAdmin),
      }),
  ],
  [
    'delegated admin (other account) generates a data key via sso',
    (s) =>
      roleCall(P.delegatedAdmin, 'kms:GenerateDataKeyWithoutPlaintext', {
        via: VIA.sso,
        contextKeys: [...CONTEXT_KEYS.sso],
        identityPolicies: s.identityOf(P.delegatedAdmin),
      }),
  ],
  ['delegated admin describes the key', (s) => roleCall(P.delegatedAdmin, 'kms:DescribeKey', { identityPolicies: s.identityOf(P.delegatedAdmin) })],
  [
    'managed application of the organization decrypts via sso',
    () => serviceCall(APP, 'kms:Decrypt', { via: VIA.sso, sourceAccount: WORKLOAD_ID, contextKeys: [...CONTEXT_KEYS.sso] }),
  ],
  [
    'managed application of the organization decrypts via identitystore',
    () => serviceCall(APP, 'kms:Decrypt', { via: VIA.identityStore, sourceAccount: WORKLOAD_ID, contextKeys: [...CONTEXT_KEYS.identityStore] }),
  ],
  [
    'application admin in the management account decrypts via sso',
    () => roleCall(P.appAdminInManagement, 'kms:Decrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] }),
  ],
  [
    'Control Tower admin decrypts via identitystore',
    () => roleCall(P.controlTower, 'kms:Decrypt', { via: VIA.identityStore, contextKeys: [...CONTEXT_KEYS.identityStore] }),
  ],
  [
    'EC2 Windows permission set (other account) decrypts via sso',
    (s) => roleCall(P.ec2User, 'kms:Decrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso], identityPolicies: s.identityOf(P.ec2User) }),
  ],
  [
    'custom workflow (other account) decrypts via identitystore',
    (s) =>
      roleCall(P.provisioner, 'kms:Decrypt', {
        via: VIA.identityStore,
        contextKeys: [...CONTEXT_KEYS.identityStore],
        identityPolicies: s.identityOf(P.provisioner),
      }),
  ],
  ['read-only admin decrypts via sso', () => roleCall(P.auditor, 'kms:Decrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] })],
];

/** Requests both profiles must deny. */
const DENIED: Row[] = [
  [
    'sso service for another account',
    () => serviceCall('sso.amazonaws.com', 'kms:Decrypt', { sourceAccount: OUTSIDE_ID, sourceOrgId: OTHER_ORG, contextKeys: [...CONTEXT_KEYS.sso] }),
  ],
  [
    'identitystore service for another account describing the key',
    () => serviceCall('identitystore.amazonaws.com', 'kms:Decrypt', { sourceAccount: OUTSIDE_ID, sourceOrgId: OTHER_ORG }),
  ],
  ['a service other than sso/identitystore, not via them', () => serviceCall('s3.amazonaws.com', 'kms:Decrypt', { contextKeys: [...CONTEXT_KEYS.sso] })],
  [
    'a service other than sso/identitystore generating data keys',
    () => serviceCall(APP, 'kms:GenerateDataKeyWithoutPlaintext', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] }),
  ],
  [
    'managed application of another organization',
    () => serviceCall(APP, 'kms:Decrypt', { via: VIA.sso, sourceAccount: OUTSIDE_ID, sourceOrgId: OTHER_ORG, contextKeys: [...CONTEXT_KEYS.sso] }),
  ],
  [
    'principal outside the organization, even with kms:* of its own',
    () => roleCall(P.outsider, 'kms:Decrypt', { via: VIA.sso, orgId: OTHER_ORG, contextKeys: [...CONTEXT_KEYS.sso], identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  ['EC2 Windows user not via sso/identitystore', (s) => roleCall(P.ec2User, 'kms:Decrypt', { identityPolicies: s.identityOf(P.ec2User) })],
  ['EC2 Windows user via another service', (s) => roleCall(P.ec2User, 'kms:Decrypt', { via: VIA.s3, identityPolicies: s.identityOf(P.ec2User) })],
  [
    'cross-account delegated admin without its identity policy',
    () => roleCall(P.delegatedAdmin, 'kms:Encrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] }),
  ],
  [
    'cross-account custom workflow without its identity policy',
    () => roleCall(P.provisioner, 'kms:Decrypt', { via: VIA.identityStore, contextKeys: [...CONTEXT_KEYS.identityStore] }),
  ],
  [
    'cross-account EC2 Windows user without its identity policy',
    () => roleCall(P.ec2User, 'kms:Decrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] }),
  ],
  [
    'permission-set role of another name in a workload account encrypting',
    () => roleCall(P.otherPsInWorkload, 'kms:Encrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso], identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  [
    'permission-set role of another name in a workload account changing the key policy',
    () => roleCall(P.otherPsInWorkload, 'kms:PutKeyPolicy', { identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  [
    'application admin in a workload account changing the key policy',
    () => roleCall(P.appAdminInWorkload, 'kms:PutKeyPolicy', { identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  // AWSReservedSSO_<name>_* matched the roles of <name>_<anything>: the suffix is exactly 16 characters
  [
    'role of permission set Admin_ReadOnly (name starts with Admin_) changing the key policy of a key whose administrator is Admin',
    () => roleCall(P.adminPrefixed, 'kms:PutKeyPolicy'),
  ],
  ['role of permission set Admin_ReadOnly scheduling deletion', () => roleCall(P.adminPrefixed, 'kms:ScheduleKeyDeletion')],
  // identity statements carry aws:PrincipalAccount: a permission set is the same in every account
  [
    "the administrators' permission set in the delegated account changing the key policy with its inline policy",
    (s) => roleCall(P.adminInDelegated, 'kms:PutKeyPolicy', { identityPolicies: s.identityOf(P.adminInDelegated) }),
  ],
  [
    "the administrators' permission set in the delegated account scheduling deletion with its inline policy",
    (s) => roleCall(P.adminInDelegated, 'kms:ScheduleKeyDeletion', { identityPolicies: s.identityOf(P.adminInDelegated) }),
  ],
  [
    "the delegated administrators' permission set in a workload account encrypting via sso with its inline policy",
    (s) =>
      roleCall(P.delegatedAdminInWorkload, 'kms:Encrypt', {
        via: VIA.sso,
        contextKeys: [...CONTEXT_KEYS.sso],
        identityPolicies: s.identityOf(P.delegatedAdminInWorkload),
      }),
  ],
  ['Control Tower admin encrypting (Decrypt only)', () => roleCall(P.controlTower, 'kms:Encrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] })],
];

/** Least-privilege only: what the baseline deliberately allows (kms:* to admin account roots). */
const DENIED_LEAST_PRIVILEGE: Row[] = [
  [
    'permission-set role of another name in the management account encrypting',
    () => roleCall(P.otherPsInManagement, 'kms:Encrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso], identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  [
    'permission-set role of another name in the management account changing the key policy',
    () => roleCall(P.otherPsInManagement, 'kms:PutKeyPolicy', { identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  [
    'role of permission set Admin_ReadOnly with kms:* of its own changing the key policy',
    () => roleCall(P.adminPrefixed, 'kms:PutKeyPolicy', { identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  [
    'role of permission set Admin_ReadOnly with kms:* of its own encrypting via sso',
    () => roleCall(P.adminPrefixed, 'kms:Encrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso], identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  [
    'permission-set role of another name in the delegated account encrypting',
    () => roleCall(P.otherPsInDelegated, 'kms:Encrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso], identityPolicies: [ALLOW_ALL_KMS] }),
  ],
  ['delegated admin not via sso/identitystore', (s) => roleCall(P.delegatedAdmin, 'kms:Decrypt', { identityPolicies: s.identityOf(P.delegatedAdmin) })],
  ['delegated admin via another service', (s) => roleCall(P.delegatedAdmin, 'kms:Encrypt', { via: VIA.s3, identityPolicies: s.identityOf(P.delegatedAdmin) })],
  // baseline: the delegated account's root has kms:*, so its principals' IAM policies decide (G3 §2.1)
  [
    'custom workflow (in the delegated account) via another service',
    (s) => roleCall(P.provisioner, 'kms:Decrypt', { via: VIA.s3, identityPolicies: s.identityOf(P.provisioner) }),
  ],
  [
    'delegated admin changing the key policy',
    (s) => roleCall(P.delegatedAdmin, 'kms:PutKeyPolicy', { identityPolicies: [ALLOW_ALL_KMS, ...s.identityOf(P.delegatedAdmin)] }),
  ],
];

/** Baseline only: the encryption-context keys condition is simulated (kms:EncryptionContextKeys is not dropped). */
const DENIED_BASELINE: Row[] = [
  ['sso service without Identity Center encryption context', () => serviceCall('sso.amazonaws.com', 'kms:Decrypt', { contextKeys: ['tenant-key-id'] })],
  [
    'organization principal via sso without Identity Center encryption context',
    () => roleCall(P.appAdminInManagement, 'kms:Decrypt', { via: VIA.sso, contextKeys: ['tenant-key-id'] }),
  ],
  ['key administrator of the management account without an IAM policy (root grant delegates to IAM)', () => roleCall(P.admin, 'kms:PutKeyPolicy')],
];

describe.each(['baseline', 'least-privilege'] as const)('%s profile', (profile) => {
  const s = scenario(scenarioKey(profile));
  const denied = [...DENIED, ...(profile === 'baseline' ? DENIED_BASELINE : DENIED_LEAST_PRIVILEGE)];

  test.each(ALLOWED)('allows: %s', async (_, request) => {
    expect(await simulate(s.keyPolicy, request(s))).toBe('Allowed');
  });

  test.each(denied)('denies: %s', async (_, request) => {
    expect(await simulate(s.keyPolicy, request(s))).not.toBe('Allowed');
  });
});

describe('encryption context, checked structurally (the simulator drops kms:EncryptionContext:* keys)', () => {
  const viaOf = (policy: Scenario['keyPolicy'], sid: string) => {
    const via = policy.Statement.find((x) => x.Sid === sid)?.Condition?.StringLike?.['kms:ViaService'];
    return ([] as unknown[]).concat(via ?? []);
  };

  test.each([
    ['least-privilege', [] as never[], '*', '*'],
    ['least-privilege', [{ 'restrict-to-instance': {} }], INSTANCE_ARN, IDENTITY_STORE_ARN],
    ['baseline', [{ 'restrict-to-instance': {} }], INSTANCE_ARN, IDENTITY_STORE_ARN],
  ] as const)('%s %j: every context condition pairs the right key with its service', (profile, extra, instance, store) => {
    const s = scenario(scenarioKey(profile, [...extra]));
    expect(s.removed.length).toBeGreaterThan(0);
    for (const c of s.removed) {
      const via = viaOf(s.keyPolicy, c.sid);
      if (c.key === 'kms:EncryptionContext:aws:sso:instance-arn') {
        // read-only statements always name this instance (advanced-kms-policy.html)
        expect(c.values).toEqual([c.sid.startsWith('AllowReadOnly') ? INSTANCE_ARN : instance]);
        if (via.length > 0) expect(via).toEqual(['sso.*.amazonaws.com']);
      } else {
        expect(c.key).toBe('kms:EncryptionContext:aws:identitystore:identitystore-arn');
        expect(c.values).toEqual([c.sid.startsWith('AllowReadOnly') ? IDENTITY_STORE_ARN : store]);
        if (via.length > 0) expect(via).toEqual(['identitystore.*.amazonaws.com']);
      }
    }
  });

  test.each(['baseline', 'least-privilege'] as const)('%s: no DescribeKey statement is conditioned on encryption context', (profile) => {
    const s = scenario(scenarioKey(profile, [{ 'restrict-to-instance': {} }]));
    const describeSids = s.keyPolicy.Statement.filter((x) => ([] as unknown[]).concat(x.Action ?? []).includes('kms:DescribeKey')).map((x) => x.Sid);
    expect(describeSids.length).toBeGreaterThan(0);
    expect(s.removed.filter((c) => describeSids.includes(c.sid))).toEqual([]);
  });

  test('least-privilege: the stripped statements that grant Decrypt to the services all require a context key', () => {
    const s = scenario(scenarioKey('least-privilege'));
    for (const sid of ['AllowIAMIdentityCenterToUseTheKMSKey', 'AllowIdentityStoreToUseTheKMSKey']) {
      expect(s.removed.filter((c) => c.sid === sid)).toHaveLength(1);
    }
  });
});

describe.each(['baseline', 'least-privilege'] as const)('%s profile, restrict-managed-applications', (profile) => {
  const byAccount = scenario(scenarioKey(profile, [{ 'restrict-managed-applications': { servicePrincipals: [APP], sourceAccounts: ['workload'] } }]));
  const APP_ARN = `arn:aws:qbusiness:us-west-2:${WORKLOAD_ID}:application/a1`;
  const byInstance = scenario(scenarioKey(profile, [{ 'restrict-managed-applications': { servicePrincipals: [APP], sourceArns: [APP_ARN] } }]));
  const call = (opts: Parameters<typeof serviceCall>[2], service = APP) =>
    serviceCall(service, 'kms:Decrypt', { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso], ...opts });

  test.each([
    ['allows the named service of a listed account', byAccount, call({ sourceAccount: WORKLOAD_ID }), 'Allowed'],
    [
      'allows it via identitystore too',
      byAccount,
      call({ sourceAccount: WORKLOAD_ID, via: VIA.identityStore, contextKeys: [...CONTEXT_KEYS.identityStore] }),
      'Allowed',
    ],
    ['denies the named service of an account of the organization not listed', byAccount, call({ sourceAccount: DELEGATED_ID }), 'denied'],
    ['denies another service of a listed account', byAccount, call({ sourceAccount: WORKLOAD_ID }, 'athena.amazonaws.com'), 'denied'],
    ['allows the named application instance', byInstance, call({ sourceAccount: WORKLOAD_ID, sourceArn: APP_ARN }), 'Allowed'],
    ['denies another application instance of the same service', byInstance, call({ sourceAccount: WORKLOAD_ID, sourceArn: `${APP_ARN}-other` }), 'denied'],
  ] as const)('%s', async (_, s, request, expected) => {
    const decision = await simulate(s.keyPolicy, request);
    expect(decision === 'Allowed' ? 'Allowed' : 'denied').toBe(expected);
  });

  test('the refined statements require this instance and identity store in the encryption context', () => {
    const sids = byInstance.keyPolicy.Statement.map((x) => x.Sid).filter((sid) => sid?.startsWith('AllowSpecificAppInstance'));
    expect(sids).toEqual(['AllowSpecificAppInstanceToUseTheKMSKeyViaIdentityCenter', 'AllowSpecificAppInstanceToUseTheKMSKeyViaIdentityStore']);
    expect(byInstance.removed.filter((c) => sids.includes(c.sid))).toEqual([
      { sid: sids[0], operator: 'StringLike', key: 'kms:EncryptionContext:aws:sso:instance-arn', values: [INSTANCE_ARN] },
      { sid: sids[1], operator: 'StringLike', key: 'kms:EncryptionContext:aws:identitystore:identitystore-arn', values: [IDENTITY_STORE_ARN] },
    ]);
  });
});
