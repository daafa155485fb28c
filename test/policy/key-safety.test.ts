/**
 * Key policy safety (issue 13), proven with @cloud-copilot/iam-simulate: nobody locked out, nobody
 * let in by accident. One table per profile × Identity Center Region form (us-east-1, whose
 * permission-set roles have no Region segment, and another Region) × single/multi-Region key.
 * Each row is a request, the decision it must get (Allowed / denied) and, on failure, the actual
 * decision. The key is the one Identity Center uses, with administrators, delegated administrators,
 * the deployer and the default deletion guard of its profile.
 */
import type { KeyInput } from '../../src/model/schema';
import { permissionSetRoleArn } from '../../src/model/arns';
import { lintModel } from '../../src/policy/lint';
import { TERRAFORM_ACTIONS } from '../../src/permissions/terraform-actions';
import { renderPolicy } from '../../src/policy/render';
import type { PolicyDocumentJson } from '../../src/model/policy-types';
import {
  ADMIN,
  buildOne,
  context,
  DELEGATED_ADMIN,
  DELEGATED_ID,
  IDENTITY_STORE_ARN,
  INSTANCE_ARN,
  key,
  MGMT_ID,
  MRK_ARN,
  OUTSIDE_ID,
} from './support/fixtures';
import { DEPLOYER, irFor } from './support/ir';
import { roleCall, simulate, stripEncryptionContext, type KmsRequest } from './support/simulate';
import { ALLOW_ALL_KMS, CONTEXT_KEYS } from './support/scenario';

type Profile = 'baseline' | 'least-privilege';
type Expected = 'Allowed' | 'denied';

interface Setup {
  readonly profile: Profile;
  readonly region: string;
  readonly multiRegion: boolean;
  readonly deletionGuard?: boolean;
}

function keyInput(s: Setup): KeyInput {
  return key({
    policyProfile: s.profile,
    multiRegion: s.multiRegion,
    ...(s.deletionGuard !== undefined ? { deletionGuard: s.deletionGuard } : {}),
    administrators: [ADMIN],
    useCases: [
      { 'identity-center-admins': { principals: [ADMIN] } },
      { 'delegated-admins': { principals: [DELEGATED_ADMIN] } },
      { 'restrict-to-instance': {} },
    ],
  });
}

/** The rendered key policy (encryption-context conditions stripped, checked by structure elsewhere) and each permission set's inline statements. */
function build(s: Setup) {
  const r = buildOne(keyInput(s), context({ region: s.region, deployer: DEPLOYER }));
  const values = { keyArns: { idc: MRK_ARN }, instanceArn: INSTANCE_ARN, identityStoreArn: IDENTITY_STORE_ARN };
  const inline = (ps: string): PolicyDocumentJson[] => {
    const statements = r.permissionSetStatements.get(ps);
    return statements ? [renderPolicy({ Version: '2012-10-17', Statement: statements }, values)] : [];
  };
  return { keyPolicy: stripEncryptionContext(renderPolicy(r.key.keyPolicy, values)).policy, inline };
}

type Built = ReturnType<typeof build>;
type Row = readonly [string, Expected, (b: Built, s: Setup) => KmsRequest];

const via = (region: string) => ({ sso: `sso.${region}.amazonaws.com`, identityStore: `identitystore.${region}.amazonaws.com` });
const role = (accountId: string, s: Setup, ps: string) => permissionSetRoleArn(accountId, s.region, ps, '0123456789abcdef', 'aws');
/** In baseline the deployer reaches the key through the management account root's kms:*, so its own IAM policy (AdministratorAccess, say) counts. */
const deployerIam = (s: Setup) => (s.profile === 'baseline' ? [ALLOW_ALL_KMS] : []);
const bySso = (s: Setup) => ({ via: via(s.region).sso, contextKeys: [...CONTEXT_KEYS.sso] });

const DEPLOYER_ROWS: Row[] = [
  ...[
    'kms:PutKeyPolicy',
    'kms:DescribeKey',
    'kms:GetKeyPolicy',
    'kms:GetKeyRotationStatus',
    'kms:ListResourceTags',
    'kms:EnableKeyRotation',
    'kms:TagResource',
    'kms:ScheduleKeyDeletion',
    'kms:DisableKey',
  ].map((action): Row => [`deployer ${action}`, 'Allowed', (_, s) => roleCall(DEPLOYER, action, { identityPolicies: deployerIam(s) })]),
  ...['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'].map((action): Row => [
    `deployer ${action} via sso (Identity Center calls once the instance uses the key)`,
    'Allowed',
    (_, s) => roleCall(DEPLOYER, action, { ...bySso(s), identityPolicies: deployerIam(s) }),
  ]),
  [
    'deployer kms:Decrypt via identitystore',
    'Allowed',
    (_, s) =>
      roleCall(DEPLOYER, 'kms:Decrypt', { via: via(s.region).identityStore, contextKeys: [...CONTEXT_KEYS.identityStore], identityPolicies: deployerIam(s) }),
  ],
];

const ADMIN_ROWS: Row[] = ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:DescribeKey'].map((action): Row => [
  `administrator permission set Admin in management ${action}`,
  'Allowed',
  (b, s) => roleCall(role(MGMT_ID, s, 'Admin'), action, { identityPolicies: b.inline('Admin') }),
]);

/** What Admin may do, asked by the role of permission set Admin_X (its name starts with Admin_). */
const PREFIX_ROWS: Row[] = [
  ...['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:DescribeKey'].map((action): Row => [
    `Admin_X ${action}`,
    'denied',
    (_, s) => roleCall(role(MGMT_ID, s, 'Admin_X'), action, prefixIam(s)),
  ]),
  ...['kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext'].map((action): Row => [
    `Admin_X ${action} via sso`,
    'denied',
    (_, s) => roleCall(role(MGMT_ID, s, 'Admin_X'), action, { ...bySso(s), ...prefixIam(s) }),
  ]),
  [
    'DelegatedAdmin_X in the delegated account kms:Encrypt via sso',
    'denied',
    (_, s) => roleCall(role(DELEGATED_ID, s, 'DelegatedAdmin_X'), 'kms:Encrypt', { ...bySso(s), ...prefixIam(s) }),
  ],
];
/**
 * least-privilege: even kms:* of its own must not help (only the key policy grants). baseline: the
 * roots of the management and delegated accounts have kms:*, so any role there with kms:* in IAM is
 * in, by AWS's design; Admin_X has no IAM policy of Admin's.
 */
function prefixIam(s: Setup): { identityPolicies: PolicyDocumentJson[] } {
  return { identityPolicies: s.profile === 'least-privilege' ? [ALLOW_ALL_KMS] : [] };
}

/** The administrators' permission set provisioned in the delegated account has the same inline policy. */
const OTHER_ACCOUNT_ROWS: Row[] = ['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:CancelKeyDeletion'].map((action): Row => [
  `Admin in the delegated account ${action}`,
  'denied',
  (b, s) => roleCall(role(DELEGATED_ID, s, 'Admin'), action, { identityPolicies: b.inline('Admin') }),
]);

const OUTSIDER = `arn:aws:iam::${OUTSIDE_ID}:role/Intruder`;
const OUTSIDER_ROWS: Row[] = [
  ...['kms:PutKeyPolicy', 'kms:DescribeKey', 'kms:ScheduleKeyDeletion'].map((action): Row => [
    `outsider with kms:* of its own ${action}`,
    'denied',
    () => roleCall(OUTSIDER, action, { orgId: 'o-zzzzzzzzzz', identityPolicies: [ALLOW_ALL_KMS] }),
  ]),
  [
    'outsider kms:Decrypt via sso',
    'denied',
    (_, s) => roleCall(OUTSIDER, 'kms:Decrypt', { ...bySso(s), orgId: 'o-zzzzzzzzzz', identityPolicies: [ALLOW_ALL_KMS] }),
  ],
];

const SETUPS: Setup[] = (['baseline', 'least-privilege'] as const).flatMap((profile) =>
  ['us-east-1', 'eu-west-1'].flatMap((region) => [true, false].map((multiRegion) => ({ profile, region, multiRegion }))),
);

describe.each(SETUPS.map((s) => [`${s.profile}, ${s.region}, ${s.multiRegion ? 'multi' : 'single'}-Region`, s] as const))('%s', (_, s) => {
  const b = build(s);
  const rows: Row[] = [
    ...DEPLOYER_ROWS,
    ...(s.multiRegion
      ? [[`deployer kms:ReplicateKey`, 'Allowed', (_b: Built, x: Setup) => roleCall(DEPLOYER, 'kms:ReplicateKey', { identityPolicies: deployerIam(x) })] as Row]
      : []),
    ...ADMIN_ROWS,
    ...PREFIX_ROWS,
    ...OTHER_ACCOUNT_ROWS,
    ...OUTSIDER_ROWS,
  ];
  test.each(rows.map(([name, expected, request]) => [name, expected, request] as const))('%s: %s', async (_name, expected, request) => {
    const actual = await simulate(b.keyPolicy, request(b, s));
    expect({ expected, actual: actual === 'Allowed' ? 'Allowed' : `denied (${actual})` }).toEqual({
      expected,
      actual: expected === 'Allowed' ? 'Allowed' : expect.stringMatching(/^denied/),
    });
  });

  test('an unassigned administrator is refused by lint (key-admin-unassigned)', () => {
    const ir = irFor([keyInput(s)], { assigned: [['DelegatedAdmin', 'delegated']] });
    expect(
      lintModel(ir)
        .filter((f) => f.rule === 'key-admin-unassigned' && f.severity === 'error')
        .map((f) => f.message),
    ).toEqual([expect.stringMatching(/^key 'idc' administrator permission set Admin in management is not assigned in management/)]);
  });
});

describe('deletion guard', () => {
  const OTHER = `arn:aws:iam::${MGMT_ID}:role/PlatformAdmin`;
  test.each([
    // baseline: the management account root has kms:*, so any role there with kms:* in IAM could delete the key ...
    [
      'baseline without the guard: another admin-level role of the management account schedules deletion',
      false,
      OTHER,
      'kms:ScheduleKeyDeletion',
      [ALLOW_ALL_KMS],
      'Allowed',
    ],
    // ... the guard denies the three guarded actions to it, and leaves it everything else
    ['baseline with the guard: it may not schedule deletion', true, OTHER, 'kms:ScheduleKeyDeletion', [ALLOW_ALL_KMS], 'denied'],
    ['baseline with the guard: it may not disable the key', true, OTHER, 'kms:DisableKey', [ALLOW_ALL_KMS], 'denied'],
    ['baseline with the guard: it may not change the key policy (else it could drop the guard)', true, OTHER, 'kms:PutKeyPolicy', [ALLOW_ALL_KMS], 'denied'],
    ['baseline with the guard: it may still describe the key', true, OTHER, 'kms:DescribeKey', [ALLOW_ALL_KMS], 'Allowed'],
    ['baseline with the guard: the deployer still schedules deletion', true, DEPLOYER, 'kms:ScheduleKeyDeletion', [ALLOW_ALL_KMS], 'Allowed'],
    [
      'baseline with the guard: the deployer still changes the key policy (KMS lockout check passes)',
      true,
      DEPLOYER,
      'kms:PutKeyPolicy',
      [ALLOW_ALL_KMS],
      'Allowed',
    ],
    ['baseline with the guard: the deployer still disables the key', true, DEPLOYER, 'kms:DisableKey', [ALLOW_ALL_KMS], 'Allowed'],
    ['baseline with the guard: the root user may not schedule deletion', true, `arn:aws:iam::${MGMT_ID}:root`, 'kms:ScheduleKeyDeletion', [], 'denied'],
  ] as const)('%s', async (_, deletionGuard, principal, action, identityPolicies, expected) => {
    const s: Setup = { profile: 'baseline', region: 'eu-west-1', multiRegion: true, deletionGuard };
    const actual = await simulate(build(s).keyPolicy, roleCall(principal, action, { identityPolicies: [...identityPolicies] }));
    expect(actual === 'Allowed' ? 'Allowed' : 'denied').toBe(expected);
  });

  test.each(SETUPS.map((s) => [`${s.profile}, ${s.region}, ${s.multiRegion ? 'multi' : 'single'}-Region`, s] as const))(
    "%s: administrators keep every guarded action, the administrators' permission set elsewhere and Admin_X do not (guard on)",
    async (_, base) => {
      const s = { ...base, deletionGuard: true };
      const b = build(s);
      for (const action of ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:PutKeyPolicy']) {
        expect([action, await simulate(b.keyPolicy, roleCall(role(MGMT_ID, s, 'Admin'), action, { identityPolicies: b.inline('Admin') }))]).toEqual([
          action,
          'Allowed',
        ]);
        expect([action, await simulate(b.keyPolicy, roleCall(DEPLOYER, action, { identityPolicies: deployerIam(s) }))]).toEqual([action, 'Allowed']);
        // with kms:* in IAM: only the guard (baseline) or the missing grant (least-privilege) stops them
        expect([action, await simulate(b.keyPolicy, roleCall(role(MGMT_ID, s, 'Admin_X'), action, { identityPolicies: [ALLOW_ALL_KMS] }))]).toEqual([
          action,
          expect.stringMatching(/Denied$/),
        ]);
        expect([action, await simulate(b.keyPolicy, roleCall(role(DELEGATED_ID, s, 'Admin'), action, { identityPolicies: [ALLOW_ALL_KMS] }))]).toEqual([
          action,
          expect.stringMatching(/Denied$/),
        ]);
      }
    },
  );

  test('defaults: on for least-privilege, off for baseline (AWS text), and the model can say otherwise', () => {
    const sids = (input: Partial<KeyInput>) => buildOne(key(input), context({ deployer: DEPLOYER })).key.keyPolicy.Statement.map((x) => x.Sid);
    const guard = 'DenyKeyDeletionAndPolicyChangesExceptAdministrators';
    expect(sids({ policyProfile: 'least-privilege' })).toContain(guard);
    expect(sids({ policyProfile: 'baseline' })).not.toContain(guard);
    expect(sids({ policyProfile: 'baseline', deletionGuard: true })).toContain(guard);
    expect(sids({ policyProfile: 'least-privilege', deletionGuard: false })).not.toContain(guard);
  });
});

describe('the deployer may make every key-scoped KMS call the AWS provider makes for the generated key resources', () => {
  // src/permissions/terraform-actions.ts lists what the provider calls per resource type. Not
  // key-scoped, so a key policy cannot grant them (the deployer's IAM policy must):
  // kms:CreateKey (no key yet) and kms:ListAliases (Resource "*").
  const NOT_KEY_SCOPED = ['kms:CreateKey', 'kms:ListAliases'];
  const types = ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_alias', 'aws_kms_replica_key', 'data.aws_kms_alias'];
  const actions = [...new Set(types.flatMap((t) => [...TERRAFORM_ACTIONS[t].read, ...TERRAFORM_ACTIONS[t].write]))]
    .filter((a) => !NOT_KEY_SCOPED.includes(a))
    .sort();

  test.each(SETUPS.map((s) => [`${s.profile}, ${s.region}, ${s.multiRegion ? 'multi' : 'single'}-Region`, s] as const))('%s', async (_, s) => {
    const b = build(s);
    const denied: string[] = [];
    for (const action of actions) {
      if (action === 'kms:ReplicateKey' && !s.multiRegion) continue;
      if ((await simulate(b.keyPolicy, roleCall(DEPLOYER, action, { identityPolicies: deployerIam(s) }))) !== 'Allowed') denied.push(action);
    }
    expect(denied).toEqual([]);
    expect(actions.length).toBeGreaterThan(10);
  });
});
