/**
 * One key serving every use case, built with either profile, plus the principals that exercise
 * it: the input of the simulation tables.
 */
import type { KeyInput } from '../../../src/model/schema';
import type { PolicyDocumentJson } from '../../../src/model/policy-types';
import { renderPolicy } from '../../../src/policy/render';
import { parsePermissionSetRoleArn, permissionSetRoleArn } from '../../../src/model/arns';
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
  WORKLOAD_ID,
} from './fixtures';
import { stripEncryptionContext, type StrippedCondition } from './simulate';

/** A session role Identity Center creates for a permission set (us-west-2, some suffix). */
export function psRole(accountId: string, permissionSet: string): string {
  return permissionSetRoleArn(accountId, 'us-west-2', permissionSet, '0123456789abcdef', 'aws');
}

export const P = {
  admin: psRole(MGMT_ID, 'Admin'),
  delegatedAdmin: psRole(DELEGATED_ID, 'DelegatedAdmin'),
  ec2User: psRole(WORKLOAD_ID, 'MyPermissionSet'),
  otherPsInManagement: psRole(MGMT_ID, 'ReadOnly'),
  otherPsInDelegated: psRole(DELEGATED_ID, 'ReadOnly'),
  otherPsInWorkload: psRole(WORKLOAD_ID, 'ReadOnly'),
  /** A permission set whose name starts with the administrators' `Admin_` (its own role, not Admin's). */
  adminPrefixed: psRole(MGMT_ID, 'Admin_ReadOnly'),
  /** The administrators' permission set provisioned in the delegated account too: same inline policy, other account. */
  adminInDelegated: psRole(DELEGATED_ID, 'Admin'),
  /** The delegated administrators' permission set provisioned in a workload account. */
  delegatedAdminInWorkload: psRole(WORKLOAD_ID, 'DelegatedAdmin'),
  controlTower: `arn:aws:iam::${MGMT_ID}:role/AWSControlTowerAdmin`,
  provisioner: `arn:aws:iam::${DELEGATED_ID}:role/Provisioner`,
  auditor: `arn:aws:iam::${MGMT_ID}:role/Auditor`,
  appAdminInManagement: `arn:aws:iam::${MGMT_ID}:role/AppAdmin`,
  appAdminInWorkload: `arn:aws:iam::${WORKLOAD_ID}:role/AppAdmin`,
  outsider: `arn:aws:iam::${OUTSIDE_ID}:role/Intruder`,
} as const;

export const VIA = { sso: 'sso.us-west-2.amazonaws.com', identityStore: 'identitystore.us-west-2.amazonaws.com', s3: 's3.us-west-2.amazonaws.com' } as const;
export const CONTEXT_KEYS = {
  sso: ['aws:sso:instance-arn', 'tenant-key-id'],
  identityStore: ['aws:identitystore:identitystore-arn', 'tenant-key-id'],
} as const;

/** An identity policy allowing every KMS action: proves the key policy alone decides. */
export const ALLOW_ALL_KMS: PolicyDocumentJson = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] };

/** Every use case; restrict-managed-applications in `extra` takes the place of managed-applications (they cannot be listed together). */
export function scenarioKey(profile: 'baseline' | 'least-privilege', extra: NonNullable<KeyInput['useCases']> = []): KeyInput {
  const restricted = extra.some((u) => 'restrict-managed-applications' in u);
  return key({
    policyProfile: profile,
    administrators: [ADMIN],
    useCases: [
      { 'identity-center-admins': { principals: [ADMIN] } },
      { 'delegated-admins': { principals: [DELEGATED_ADMIN] } },
      ...(restricted ? [] : [{ 'managed-applications': {} }]),
      { 'managed-application-admins': null },
      { 'control-tower-admins': { principals: [{ role: P.controlTower }] } },
      { 'ec2-windows-sso': { principals: [{ permissionSet: 'MyPermissionSet', account: 'workload' }] } },
      { 'custom-workflows': { principals: [{ role: P.provisioner }] } },
      { 'read-only-admins': { principals: [{ role: P.auditor }] } },
      ...extra,
    ],
  });
}

export interface Scenario {
  /** Rendered key policy without encryption-context conditions (see simulate.ts). */
  readonly keyPolicy: PolicyDocumentJson;
  readonly removed: StrippedCondition[];
  /** The identity policies idcgen generates for a principal (rendered), none when it generates none. */
  identityOf(principalArn: string): PolicyDocumentJson[];
}

export function scenario(input: KeyInput): Scenario {
  const r = buildOne(input, context());
  const values = { keyArns: { [input.name]: MRK_ARN }, instanceArn: INSTANCE_ARN, identityStoreArn: IDENTITY_STORE_ARN };
  const { policy, removed } = stripEncryptionContext(renderPolicy(r.key.keyPolicy, values));
  return {
    keyPolicy: policy,
    removed,
    identityOf(principalArn: string): PolicyDocumentJson[] {
      const ps = parsePermissionSetRoleArn(principalArn)?.permissionSet;
      if (ps !== undefined) {
        const statements = r.permissionSetStatements.get(ps);
        return statements ? [renderPolicy({ Version: '2012-10-17', Statement: statements }, values)] : [];
      }
      const [, account, roleName] = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(principalArn) ?? [];
      return r.key.identityPolicies.filter((p) => p.accountId === account && p.attachToRoles.includes(roleName)).map((p) => renderPolicy(p.document, values));
    },
  };
}
