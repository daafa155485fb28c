/**
 * The documentation's example organization: Identity Center (management) account 111122223333,
 * delegated administration account 444455556666, organization o-a1b2c3d4e5, instance
 * ssoins-1234567890abcdef, identity store d-1234567890 (identity-center-cmk.md §2, §3).
 */
import type { ResolvedAccount } from '../../../src/model/ir';
import type { KeyInput } from '../../../src/model/schema';
import { buildKeys, type KeyBuildResult, type KeyContext } from '../../../src/policy/keys';

export const ORG_ID = 'o-a1b2c3d4e5';
export const MGMT_ID = '111122223333';
export const DELEGATED_ID = '444455556666';
export const WORKLOAD_ID = '555566667777';
export const OUTSIDE_ID = '999988887777';
export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';
export const IDENTITY_STORE_ID = 'd-1234567890';
export const IDENTITY_STORE_ARN = `arn:aws:identitystore::${MGMT_ID}:identitystore/${IDENTITY_STORE_ID}`;
/** The docs' example key ARNs (§2.2 multi-Region, §3.2 single-Region). */
export const MRK_ARN = `arn:aws:kms:us-west-2:${MGMT_ID}:key/mrk-1234abcd-12ab-34cd-56ef-1234567890ab`;
export const KEY_ARN = `arn:aws:kms:us-west-2:${MGMT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

export const ACCOUNTS: ResolvedAccount[] = [
  { name: 'delegated', id: DELEGATED_ID, ou: 'Security', tags: {} },
  { name: 'management', id: MGMT_ID, ou: 'Root', tags: {} },
  { name: 'workload', id: WORKLOAD_ID, ou: 'Workloads', tags: {} },
];

export const PERMISSION_SETS = ['Admin', 'DelegatedAdmin', 'MyPermissionSet', 'ReadOnly'];

export function context(overrides: Partial<KeyContext> = {}): KeyContext {
  return {
    organizationId: ORG_ID,
    managementAccountName: 'management',
    managementAccountId: MGMT_ID,
    region: 'us-west-2',
    instanceArn: INSTANCE_ARN,
    identityStoreId: IDENTITY_STORE_ID,
    encryptionKeyName: 'idc',
    accounts: ACCOUNTS,
    permissionSetNames: new Set(PERMISSION_SETS),
    ...overrides,
  };
}

export const ADMIN = { permissionSet: 'Admin', account: 'management' };
export const DELEGATED_ADMIN = { permissionSet: 'DelegatedAdmin', account: 'delegated' };

export function key(overrides: Partial<KeyInput> = {}): KeyInput {
  return { name: 'idc', administrators: [ADMIN], ...overrides };
}

/** buildKeys for one key, failing the test on any error problem (warnings are returned). */
export function buildOne(input: KeyInput, ctx: KeyContext = context()): KeyBuildResult & { key: KeyBuildResult['keys'][number] } {
  const result = buildKeys([input], ctx);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(errors)}`);
  return { ...result, key: result.keys[0] };
}
