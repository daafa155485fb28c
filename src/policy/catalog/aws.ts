// https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
/**
 * Every AWS fact the CMK policy engine uses: service principals, kms:ViaService patterns,
 * encryption-context keys, action lists and documentation links. Nothing else in src/policy spells
 * these out; ARNs come from src/model/arns.ts.
 */

/** Documentation pages the catalog statements come from. */
import { PATTERNS } from '../../model';

export const DOCS = {
  /** G3 "Baseline KMS key policy" (newest) and G2 "Baseline KMS key and IAM policy statements" share this URL. */
  baseline: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html',
  advanced: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/advanced-kms-policy.html',
  implementation: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html',
  encryptionAtRest: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/encryption-at-rest.html',
  referencingPermissionSets: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html',
  newInstance: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/considerations-for-customer-managed-kms-keys-advanced.html',
  /** "Allows key administrators to administer the KMS key" statement of the console default key policy. */
  kmsKeyAdministrators: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators',
  kmsCrossAccount: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  kmsQuotas: 'https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html',
  /** "Prevent unmanageable KMS keys": the policy lockout safety check of PutKeyPolicy. */
  kmsLockout: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#prevent-unmanageable-key',
  /** "Controlling access to key deletion": deny ScheduleKeyDeletion to those who need not delete keys. */
  kmsDeletingKeys: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-adding-permission.html',
  /** Troubleshooting: the KMS permissions of the principal that enables the customer managed key. */
  cmkErrors: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/cmk-related-errors.html',
} as const;

// https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
/** "only IAM Identity Center and Identity Store services directly call the AWS KMS API." */
export const SERVICE_PRINCIPALS = {
  sso: 'sso.amazonaws.com',
  identityStore: 'identitystore.amazonaws.com',
} as const;

// https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
/** kms:ViaService values for calls made through Identity Center and Identity Store in any Region. */
export const VIA_SERVICE = {
  sso: 'sso.*.amazonaws.com',
  identityStore: 'identitystore.*.amazonaws.com',
} as const;

// https://docs.aws.amazon.com/singlesignon/latest/userguide/encryption-at-rest.html
/** Encryption-context keys Identity Center and Identity Store put on every KMS call. */
export const ENCRYPTION_CONTEXT_KEYS = {
  instanceArn: 'aws:sso:instance-arn',
  identityStoreArn: 'aws:identitystore:identitystore-arn',
} as const;

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
/** Condition keys the catalog statements test, spelt as the docs spell them (keys are case-insensitive). */
export const CONDITION_KEYS = {
  viaService: 'kms:ViaService',
  encryptionContextKeys: 'kms:EncryptionContextKeys',
  callerAccount: 'kms:CallerAccount',
  sourceAccount: 'aws:SourceAccount',
  sourceOrgId: 'aws:SourceOrgID',
  /** The advanced page writes aws:SourceARN. */
  sourceArn: 'aws:SourceARN',
  principalOrgId: 'aws:PrincipalOrgID',
  principalAccount: 'aws:PrincipalAccount',
  principalArn: 'aws:PrincipalArn',
  principalIsAwsService: 'aws:PrincipalIsAWSService',
} as const;

/** The condition keys that test one encryption-context pair. */
export const EC_CONDITION = {
  instanceArn: `kms:EncryptionContext:${ENCRYPTION_CONTEXT_KEYS.instanceArn}`,
  identityStoreArn: `kms:EncryptionContext:${ENCRYPTION_CONTEXT_KEYS.identityStoreArn}`,
} as const;

// https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
/**
 * IAM policy variables of the G3 baseline, evaluated by AWS (not template placeholders): the key
 * is in the Identity Center account, so "resource account" is that account. Emitters escape `${`.
 */
export const POLICY_VARIABLES = {
  resourceAccount: '${aws:ResourceAccount}',
  resourceOrgId: '${aws:ResourceOrgID}',
} as const;

/** Action lists, each as the documentation writes it (order kept; AWS treats them as sets). */
export const ACTIONS = {
  /** G3 AllowIdentityCenterAdminAccounts. */
  all: ['kms:*'],
  /** Service principals: G3 AllowIdentityCenterAndIdentityStoreToUseKey, G2 AllowIAMIdentityCenterToUseTheKMSKey. */
  serviceUse: ['kms:Decrypt', 'kms:ReEncryptTo', 'kms:ReEncryptFrom', 'kms:GenerateDataKeyWithoutPlaintext'],
  describe: ['kms:DescribeKey'],
  /** Identity Center administrators in the key policy: G2 AllowIAMIdentityCenterAdminToUseTheKMSKeyVia*. */
  adminUse: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKeyWithoutPlaintext'],
  /** Identity policy of administrators in other accounts: G3 AllowCrossAccountKMSKeyUse, G2 §3.2. */
  adminIdentityUse: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'],
  listAliases: ['kms:ListAliases'],
  decrypt: ['kms:Decrypt'],
  /** The console default key policy's key-administrator statement (DOCS.kmsKeyAdministrators). */
  keyAdministration: [
    'kms:Create*',
    'kms:Describe*',
    'kms:Enable*',
    'kms:List*',
    'kms:Put*',
    'kms:Update*',
    'kms:Revoke*',
    'kms:Disable*',
    'kms:Get*',
    'kms:Delete*',
    'kms:TagResource',
    'kms:UntagResource',
    'kms:ScheduleKeyDeletion',
    'kms:CancelKeyDeletion',
    'kms:RotateKeyOnDemand',
  ],
  /**
   * Added to keyAdministration for multi-Region keys, as the console does: replicating the key and
   * moving its primary Region are authorized by the primary key's policy, and no wildcard above
   * covers kms:ReplicateKey.
   * @see https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-auth.html
   */
  multiRegionKeyAdministration: ['kms:ReplicateKey', 'kms:UpdatePrimaryRegion'],
  /**
   * What the principal that switches the instance to the key needs on it: Identity Center
   * validates the key with the caller's permissions ("The user or IAM principal lacks one or more
   * required KMS permissions (kms:Decrypt, kms:Encrypt, kms:GenerateDataKey, kms:DescribeKey) when
   * enabling customer managed key"). The administrators' statements grant
   * kms:GenerateDataKeyWithoutPlaintext instead; which one UpdateInstance needs is not documented.
   * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/cmk-related-errors.html
   */
  switchCaller: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
  /**
   * The deployer through Identity Center and Identity Store (least-privilege, the key Identity
   * Center uses): the administrators' use (adminUse) and what switching the instance needs
   * (switchCaller; kms:DescribeKey it has as a key administrator).
   */
  deployerUse: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'],
  /**
   * Denied by the deletion guard to everyone but the key administrators and the deployer: what
   * destroys the key (ScheduleKeyDeletion), stops it (DisableKey), or could remove the guard itself
   * (PutKeyPolicy). See catalog/deletion-guard.ts for why PutKeyPolicy is among them.
   */
  guarded: ['kms:DisableKey', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion'],
} as const;

// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#prevent-unmanageable-key
/** The action KMS's policy lockout safety check requires some principal to keep. */
export const KEY_POLICY_ADMIN_ACTION = 'kms:PutKeyPolicy';

// ARNs (account roots, roles, permission-set role patterns, identity store, keys) are built by the
// one partition-aware module, src/model/arns.ts.

/** Region codes: the one pattern in model/aws-patterns.ts. */
export const REGION_NAME = PATTERNS.region.re;

// https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
/** "The KMS key must be a symmetric key configured for encrypt and decrypt usage" (key requirements, Step 3). */
export const KEY_SPEC = {
  customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
  keyUsage: 'ENCRYPT_DECRYPT',
} as const;

// https://docs.aws.amazon.com/singlesignon/latest/userguide/advanced-kms-policy.html
/** "A service principal is … typically formatted as servicename.amazonaws.com". */
export const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?$/;

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
/**
 * Condition keys that tie a `"Principal": "*"` statement to the organization or to accounts:
 * without one of them, anyone in any AWS account could be allowed.
 */
export const SCOPING_CONDITION_KEYS = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceAccount',
  'aws:SourceArn',
  'kms:CallerAccount',
] as const;
