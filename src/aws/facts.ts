// https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
/**
 * AWS facts the encryption switch relies on: what a key must be for Identity Center to use it,
 * the wire values of the sso-admin encryption API, and who the service principals are.
 * Each value carries the page it comes from; nothing here is repeated elsewhere in src/aws.
 */

/** Documentation pages quoted in messages, so the user can read the rule they broke. */
import { arnPartition, identityStoreArn as buildIdentityStoreArn, KEY_ARN, PATTERNS } from '../model';
import { ACTIONS, KEY_SPEC, SERVICE_PRINCIPALS as CATALOG_SERVICE_PRINCIPALS } from '../policy';

export const DOCS = {
  /** Step 3: key requirements (same Region, symmetric, encrypt/decrypt, management account). */
  keyRequirements: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html',
  /** The key policy statements Identity Center and Identity Store need. */
  baselinePolicy: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html',
  /** Which AWS managed applications work with a customer managed key. */
  managedApps: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/awsapps-that-work-with-identity-center.html',
  /** Errors seen while enabling the key, and the KMS permissions the caller needs. */
  cmkErrors: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/cmk-related-errors.html',
  /** KMS key states and what each allows. */
  keyStates: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html',
  /** Imported key material can expire or be deleted, which makes the key unusable. */
  importedKeyMaterial: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html',
  updateInstance: 'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_UpdateInstance.html',
  encryptionDetails: 'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_EncryptionConfigurationDetails.html',
} as const;

/**
 * `EncryptionConfiguration.KeyType` of UpdateInstance (note: not `CUSTOMER_MANAGED_KMS_KEY`).
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_EncryptionConfiguration.html
 */
export enum InstanceKeyType {
  AWS_OWNED_KMS_KEY = 'AWS_OWNED_KMS_KEY',
  CUSTOMER_MANAGED_KEY = 'CUSTOMER_MANAGED_KEY',
}

/**
 * `EncryptionConfigurationDetails.EncryptionStatus` of DescribeInstance.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_EncryptionConfigurationDetails.html
 */
export enum EncryptionStatus {
  UPDATING = 'UPDATING',
  ENABLED = 'ENABLED',
  UPDATE_FAILED = 'UPDATE_FAILED',
}

/**
 * What DescribeKey must report for Identity Center to use the key. Spec and usage come from the
 * key requirements page (symmetric, "encrypt and decrypt"); the manager from the encryption-at-rest
 * page (a customer managed key, not an AWS managed `aws/...` key); state from the KMS key-state table
 * (only `Enabled` keys can be used in cryptographic operations). Origin is idcgen's own rule:
 * imported (EXTERNAL) or external-key-store material can expire or become unreachable, and then
 * every user loses Identity Center.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/encryption-at-rest.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html
 */
export const KEY_REQUIREMENTS = {
  keySpec: KEY_SPEC.customerMasterKeySpec,
  keyUsage: KEY_SPEC.keyUsage,
  origin: 'AWS_KMS',
  keyState: 'Enabled',
  keyManager: 'CUSTOMER',
} as const;

/** KMS key states that need their own explanation (the rest get the generic "not usable"). */
export const KEY_STATE = {
  disabled: 'Disabled',
  pendingDeletion: 'PendingDeletion',
  pendingReplicaDeletion: 'PendingReplicaDeletion',
} as const;

/**
 * Service principals that call KMS for Identity Center ("only IAM Identity Center and Identity
 * Store services directly call the AWS KMS API") and the actions the key policy must grant them
 * (baseline policy statements AllowIdentityCenterAndIdentityStoreToDescribeKey/-ToUseKey; G2
 * AllowIAMIdentityCenterToUseTheKMSKey, AllowIdentityStoreToUseTheKMSKey, ...DescribeKMSKey).
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/baseline-KMS-key-policy.html
 */
export const SERVICE_PRINCIPALS = [
  { service: CATALOG_SERVICE_PRINCIPALS.sso, label: 'identity center' },
  { service: CATALOG_SERVICE_PRINCIPALS.identityStore, label: 'identity store' },
] as const;

export const SERVICE_REQUIRED_ACTIONS: readonly string[] = [...ACTIONS.serviceUse, ...ACTIONS.describe].sort();

/** Whether an application's provider is an AWS managed one: model/arns.ts. */
export { isAwsManagedApplicationProvider } from '../model';

/** Key and alias ARNs (the partition-aware patterns of model/arns.ts). */
export { ALIAS_ARN, KEY_ARN } from '../model';

/** Identity Center instance ARN: the one pattern in model/aws-patterns.ts. */
export const INSTANCE_ARN = PATTERNS.instanceArn.re;

/** The Region of a key ARN, or undefined when the string is not one. */
export function keyArnRegion(arn: string): string | undefined {
  return KEY_ARN.exec(arn)?.[2];
}

/** The account of a key ARN, or undefined when the string is not one. */
export function keyArnAccount(arn: string): string | undefined {
  return KEY_ARN.exec(arn)?.[3];
}

/**
 * Identity store ARN, for an instance whose DescribeInstance answer lacks IdentityStoreArn:
 * `arn:<partition>:identitystore::<account>:identitystore/d-...` (no Region, with account).
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/encryption-at-rest.html
 */
export function identityStoreArn(instanceArn: string, ownerAccountId: string, identityStoreId: string): string {
  return buildIdentityStoreArn(ownerAccountId, identityStoreId, arnPartition(instanceArn) ?? 'aws');
}
