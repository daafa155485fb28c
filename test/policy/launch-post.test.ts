/**
 * The launch post's policy (launch-post-policies.md) is the least-privilege profile's first test
 * vector: for the post's use cases (an administrator role, the services, AWS managed applications
 * and their administrators), least-privilege decides every request of the table exactly as the
 * published policy does. least-privilege adds encryption-context conditions the post leaves out
 * ("omit encryption context for brevity"): those are stripped before simulation and checked to
 * be the only difference in kind (see simulate.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PolicyDocumentJson } from '../../src/model/policy-types';
import { renderPolicy } from '../../src/policy/render';
import { ADMIN, buildOne, key, MGMT_ID, MRK_ARN, ORG_ID, OUTSIDE_ID, WORKLOAD_ID } from './support/fixtures';
import { roleCall, serviceCall, simulate, stripEncryptionContext, type KmsRequest } from './support/simulate';
import { CONTEXT_KEYS, VIA } from './support/scenario';

const ADMIN_ROLE = `arn:aws:iam::${MGMT_ID}:role/IdcAdmin`;
const APP_ADMIN = `arn:aws:iam::${WORKLOAD_ID}:role/AppAdmin`;

/** The published JSON with its placeholders replaced by the fixture values. */
function published(name: string): string {
  return fs
    .readFileSync(path.join(__dirname, 'vectors', `${name}.json`), 'utf8')
    .split('ARN_OF_YOUR_IDENTITY_CENTER_ADMIN_IAM_ROLE')
    .join(ADMIN_ROLE)
    .split('<Identity Center Account ID>')
    .join(MGMT_ID)
    .split('MY_ORG_ID (format: o-xxxxxxxx)')
    .join(ORG_ID)
    .split('<key_ARN>')
    .join(MRK_ARN);
}

const part1 = JSON.parse(published('launch-post-part1-key-policy')) as PolicyDocumentJson;
const launchPost: PolicyDocumentJson = { ...part1, Statement: [...part1.Statement, ...JSON.parse(published('launch-post-part1-managed-apps'))] };
const appAdminIdentity: PolicyDocumentJson = { Version: '2012-10-17', Statement: [JSON.parse(published('launch-post-part2-app-admin-identity'))] };

const built = buildOne(
  key({
    policyProfile: 'least-privilege',
    administrators: [ADMIN],
    useCases: [{ 'identity-center-admins': { principals: [{ role: ADMIN_ROLE }] } }, { 'managed-applications': {} }, { 'managed-application-admins': null }],
  }),
);
const ours = stripEncryptionContext(renderPolicy(built.key.keyPolicy, { keyArns: { idc: MRK_ARN } }));

const sso = { via: VIA.sso, contextKeys: [...CONTEXT_KEYS.sso] };
const store = { via: VIA.identityStore, contextKeys: [...CONTEXT_KEYS.identityStore] };
const TABLE: [string, KmsRequest, 'Allowed' | 'denied'][] = [
  ['administrator encrypts via sso', roleCall(ADMIN_ROLE, 'kms:Encrypt', sso), 'Allowed'],
  ['administrator decrypts via identitystore', roleCall(ADMIN_ROLE, 'kms:Decrypt', store), 'Allowed'],
  ['administrator generates a data key via sso', roleCall(ADMIN_ROLE, 'kms:GenerateDataKeyWithoutPlaintext', sso), 'Allowed'],
  ['administrator describes the key', roleCall(ADMIN_ROLE, 'kms:DescribeKey'), 'Allowed'],
  ['administrator decrypts directly', roleCall(ADMIN_ROLE, 'kms:Decrypt'), 'denied'],
  ['administrator re-encrypts via sso', roleCall(ADMIN_ROLE, 'kms:ReEncryptFrom', sso), 'denied'],
  ['sso service decrypts for its account', serviceCall('sso.amazonaws.com', 'kms:Decrypt', { contextKeys: [...CONTEXT_KEYS.sso] }), 'Allowed'],
  [
    'identitystore service re-encrypts for its account',
    serviceCall('identitystore.amazonaws.com', 'kms:ReEncryptTo', { contextKeys: [...CONTEXT_KEYS.identityStore] }),
    'Allowed',
  ],
  ['services describe the key, from any account', serviceCall('sso.amazonaws.com', 'kms:DescribeKey', { sourceAccount: OUTSIDE_ID }), 'Allowed'],
  [
    'sso service decrypts for another account',
    serviceCall('sso.amazonaws.com', 'kms:Decrypt', { sourceAccount: OUTSIDE_ID, sourceOrgId: 'o-zzzzzzzzzz', contextKeys: [...CONTEXT_KEYS.sso] }),
    'denied',
  ],
  ['another service decrypts', serviceCall('s3.amazonaws.com', 'kms:Decrypt', { contextKeys: [...CONTEXT_KEYS.sso] }), 'denied'],
  [
    'application admin in another account decrypts via sso with its IAM policy',
    roleCall(APP_ADMIN, 'kms:Decrypt', { ...sso, identityPolicies: [appAdminIdentity] }),
    'Allowed',
  ],
  ['application admin without its IAM policy', roleCall(APP_ADMIN, 'kms:Decrypt', sso), 'denied'],
  [
    'application admin of another organization',
    roleCall(`arn:aws:iam::${OUTSIDE_ID}:role/AppAdmin`, 'kms:Decrypt', { ...sso, orgId: 'o-zzzzzzzzzz', identityPolicies: [appAdminIdentity] }),
    'denied',
  ],
  ['application admin encrypts', roleCall(APP_ADMIN, 'kms:Encrypt', { ...sso, identityPolicies: [appAdminIdentity] }), 'denied'],
  [
    'managed application of the organization decrypts via identitystore',
    serviceCall('qbusiness.amazonaws.com', 'kms:Decrypt', { ...store, sourceAccount: WORKLOAD_ID }),
    'Allowed',
  ],
  [
    'managed application of another organization',
    serviceCall('qbusiness.amazonaws.com', 'kms:Decrypt', { ...sso, sourceAccount: OUTSIDE_ID, sourceOrgId: 'o-zzzzzzzzzz' }),
    'denied',
  ],
];

test.each(TABLE)('%s: least-privilege decides as the launch post does', async (_, request, expected) => {
  const theirs = await simulate(launchPost, request);
  const mine = await simulate(ours.policy, request);
  expect(theirs === 'Allowed' ? 'Allowed' : 'denied').toBe(expected);
  expect(mine === 'Allowed' ? 'Allowed' : 'denied').toBe(expected);
});

test('the only conditions least-privilege adds to what was simulated are the Identity Center encryption-context keys, any value', () => {
  expect(new Set(ours.removed.map((c) => `${c.key}=${c.values.join(',')}`))).toEqual(
    new Set(['kms:EncryptionContext:aws:sso:instance-arn=*', 'kms:EncryptionContext:aws:identitystore:identitystore-arn=*']),
  );
});
