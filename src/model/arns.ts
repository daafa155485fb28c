// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
/**
 * Every ARN idcgen builds or reads, in one place, each taking the partition (`partitionOf(region)`,
 * regions.ts): the emitters, import, review and the policy engine all call these, so a GovCloud or
 * China model cannot get an `arn:aws:` from a forgotten template. Nothing else in src/ spells an
 * ARN out (test/model/arns.test.ts greps for it).
 *
 * Builders take the partition last and have no default for it: forgetting it is a compile error.
 */
import { partitionOf } from './regions';

export { partitionOf };

/** Partitions as they appear in ARNs: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, `aws-eusc`, ... */
export const ARN_PARTITION = 'aws(?:-[a-z]{1,5}){0,3}';
const IAM_PATH_SEGMENTS = '(?:/[A-Za-z0-9.,+@=_-]+)*';

/** The partition of a concrete ARN (`arn:<partition>:...`), or undefined for anything else. */
export function arnPartition(value: string): string | undefined {
  return new RegExp(`^arn:(${ARN_PARTITION}):`).exec(value)?.[1];
}

/** True for anything written as an ARN (`arn:...`), valid or not. */
export function isArn(value: string): boolean {
  return value.startsWith('arn:');
}

/** The account of an IAM ARN (`arn:<partition>:iam::<account>:...`), or undefined for anything else. */
export function iamArnAccount(arn: string): string | undefined {
  return new RegExp(`^arn:${ARN_PARTITION}:iam::(\\d{12}):`).exec(arn)?.[1];
}

/** The same ARN in another partition (for "did you mean" in messages). */
export function inPartition(arn: string, partition: string): string {
  return arn.replace(new RegExp(`^arn:${ARN_PARTITION}:`), `arn:${partition}:`);
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
/** The account principal `arn:<partition>:iam::<account>:root`. */
export function accountRootArn(accountId: string, partition: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/** An account principal: captures partition and account id. */
export const ACCOUNT_ROOT_ARN = new RegExp(`^arn:(${ARN_PARTITION}):iam::(\\d{12}):root$`);

/** The account of an account principal or of its `aws:PrincipalArn` pattern (`:root`, `:*`). */
export function wholeAccountOf(arn: string): string | undefined {
  return new RegExp(`^arn:${ARN_PARTITION}:iam::(\\d{12}):(?:root|\\*)$`).exec(arn)?.[1];
}

// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSSOMasterAccountAdministrator.html
/** The roles Identity Center creates for permission sets, in every account: `role/aws-reserved/sso.amazonaws.com/*`. */
export function identityCenterRolesArnPattern(partition: string): string {
  return roleArn('*', '*', partition, `/${PERMISSION_SET_ROLE.path}`);
}

/** The SAML providers Identity Center creates in every account (`saml-provider/AWSSSO_*`). */
export function identityCenterSamlProvidersArnPattern(partition: string): string {
  return `arn:${partition}:iam::*:saml-provider/AWSSSO_*`;
}

/** A role ARN without wildcards (a principal a model can name as `role:`). */
export function isConcreteRoleArn(arn: string): boolean {
  return new RegExp(`^arn:${ARN_PARTITION}:iam::\\d{12}:role\\/[^*]+$`).test(arn);
}

/** Matches every IAM principal of an account in `aws:PrincipalArn` (root, users, roles). */
export function accountPrincipalArnPattern(accountId: string, partition: string): string {
  return `arn:${partition}:iam::${accountId}:*`;
}

/** `arn:<partition>:iam::<account>:role<path><name>`; `path` starts and ends with `/`. */
export function roleArn(accountId: string, roleName: string, partition: string, path = '/'): string {
  return `arn:${partition}:iam::${accountId}:role${path}${roleName}`;
}

/**
 * `arn:<partition>:iam::<account>:role/<path/>name`, capturing the account and the name. Path
 * segments as model/aws-patterns.ts `roleArn` allows them: no `*` or `?`, which KMS would reject
 * in a Principal (validate reports those first, positioned).
 */
export const ROLE_ARN = new RegExp(`^arn:${ARN_PARTITION}:iam::(\\d{12}):role\\/(?:[A-Za-z0-9.,+@=_-]+\\/)*([\\w+=,.@-]{1,64})$`);

// https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
/**
 * The role Identity Center creates for a permission set in each account it is assigned to:
 * `role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_<name>_<unique suffix>`, with no
 * Region segment when the identity source is in us-east-1. The suffix is 16 characters (the
 * page's example `AWSReservedSSO_DatabaseAdministrator_1234567890abcdef`) and changes when the
 * role is re-created (last assignment removed, then assigned again). 15 + 32 (longest permission
 * set name) + 1 + 16 = 64, IAM's longest role name, so the suffix is never shortened.
 */
export const PERMISSION_SET_ROLE = {
  path: 'aws-reserved/sso.amazonaws.com/',
  namePrefix: 'AWSReservedSSO_',
  suffixLength: 16,
  /** The Region whose roles carry no Region segment. */
  regionlessIn: 'us-east-1',
  docUrl: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html',
} as const;

/** `role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<name>_<suffix>`. */
function permissionSetRoleResource(identityCenterRegion: string, permissionSet: string, suffix: string): string {
  const region = identityCenterRegion === PERMISSION_SET_ROLE.regionlessIn ? '' : `${identityCenterRegion}/`;
  return `role/${PERMISSION_SET_ROLE.path}${region}${PERMISSION_SET_ROLE.namePrefix}${permissionSet}_${suffix}`;
}

/**
 * `aws:PrincipalArn` pattern (ArnLike) of the roles Identity Center creates for a permission set
 * in an account: any unique suffix, so re-provisioning keeps access, but exactly
 * `suffixLength` characters (`?` is one character), so the roles of a permission set whose name
 * merely starts with `<name>_` (`Admin_ReadOnly` for `Admin`) never match: their names are at
 * least two characters longer. The one builder of this pattern: key policies, identity
 * policies, review, import and explain all come here.
 */
export function permissionSetRoleArnPattern(accountId: string, identityCenterRegion: string, permissionSet: string, partition: string): string {
  return `arn:${partition}:iam::${accountId}:${permissionSetRoleResource(identityCenterRegion, permissionSet, '?'.repeat(PERMISSION_SET_ROLE.suffixLength))}`;
}

/** A real permission-set role ARN with the given unique suffix (what a session's aws:PrincipalArn is). */
export function permissionSetRoleArn(accountId: string, identityCenterRegion: string, permissionSet: string, suffix: string, partition: string): string {
  return `arn:${partition}:iam::${accountId}:${permissionSetRoleResource(identityCenterRegion, permissionSet, suffix)}`;
}

/** What a permission-set role ARN (or a pattern of one) names. */
export interface PermissionSetRole {
  readonly accountId: string;
  readonly permissionSet: string;
  /** The unique suffix Identity Center adds, or the wildcard of a pattern (`????????????????`, or `*` as older policies and AWS's examples write it). */
  readonly suffix: string;
  /** True for a pattern (a wildcard suffix), false for one real role. */
  readonly pattern: boolean;
}

const PERMISSION_SET_ROLE_ARN = new RegExp(
  `^arn:${ARN_PARTITION}:iam::(\\d{12}):role/${PERMISSION_SET_ROLE.path.replace(/\./g, '\\.')}(?:[^/]+/)?${PERMISSION_SET_ROLE.namePrefix}(.+)_([^/]{${PERMISSION_SET_ROLE.suffixLength}}|\\*)$`,
);

/** The reverse of the builders above, for real role ARNs and patterns; undefined for any other ARN. */
export function parsePermissionSetRoleArn(arn: string): PermissionSetRole | undefined {
  const m = PERMISSION_SET_ROLE_ARN.exec(arn);
  return m ? { accountId: m[1], permissionSet: m[2], suffix: m[3], pattern: /[*?]/.test(m[3]) } : undefined;
}

// https://docs.aws.amazon.com/singlesignon/latest/userguide/encryption-at-rest.html
/** Identity store ARN: no Region, the Identity Center (management) account. */
export function identityStoreArn(managementAccountId: string, identityStoreId: string, partition: string): string {
  return `${identityStoreArnPrefix(managementAccountId, partition)}${identityStoreId}`;
}

/** The identity store ARN up to its id, for emitters that append a Terraform reference. */
export function identityStoreArnPrefix(managementAccountId: string, partition: string): string {
  return `arn:${partition}:identitystore::${managementAccountId}:identitystore/`;
}

/** Identity Center instance ARN: no Region, no account. */
export function instanceArn(instanceId: string, partition: string): string {
  return `arn:${partition}:sso:::instance/${instanceId}`;
}

// https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-ARN
/** A KMS key ARN. */
export function keyArn(region: string, accountId: string, keyId: string, partition: string): string {
  return `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`;
}

// https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html
/** The primary key and every replica of a multi-Region key (they share the key id), in any Region. */
export function keyArnAllRegions(accountId: string, keyId: string, partition: string): string {
  return `${keyArnAllRegionsPrefix(accountId, partition)}${keyId}`;
}

/** A key ARN with its Region replaced by `*`: the same key and all its replicas (undefined for another ARN). */
export function inAllRegions(keyArnValue: string): string | undefined {
  const m = new RegExp(`^(arn:${ARN_PARTITION}:kms:)[^:]*(:.*)$`).exec(keyArnValue);
  return m ? `${m[1]}*${m[2]}` : undefined;
}

/** keyArnAllRegions up to the key id, for emitters that append a Terraform reference. */
export function keyArnAllRegionsPrefix(accountId: string, partition: string): string {
  return `arn:${partition}:kms:*:${accountId}:key/`;
}

/**
 * KMS key ARN (the only form UpdateInstance accepts: aliases and bare key ids fail its pattern).
 * Captures partition, Region, account and key id.
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_EncryptionConfiguration.html
 */
export const KEY_ARN = new RegExp(
  `^arn:(${ARN_PARTITION}):kms:([a-z]{2,}(?:-[a-z0-9]+)+):([0-9]{12}):key\\/(mrk-[a-f0-9]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`,
);

/** KMS alias ARN (`arn:<partition>:kms:<region>:<account>:alias/<name>`). */
export const ALIAS_ARN = new RegExp(`^arn:${ARN_PARTITION}:kms:[a-z0-9-]+:[0-9]{12}:alias\\/.+$`);

// https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CreateApplication.html
/** An application provider ARN (AWS owns every provider); captures the provider name. */
export const AWS_APPLICATION_PROVIDER = new RegExp(`^arn:${ARN_PARTITION}:sso::aws:applicationProvider\\/(.+)$`);

// https://docs.aws.amazon.com/singlesignon/latest/userguide/customermanagedapps.html
/**
 * Providers of customer managed applications: OAuth 2.0 (`custom`, the only one CreateApplication
 * documents) and SAML 2.0 (`custom-saml`, set up in the console). Every other provider is an AWS
 * managed application's (Amazon Q, Redshift, ...), which signs in through the instance's key.
 */
export const CUSTOMER_APPLICATION_PROVIDERS: readonly string[] = ['custom', 'custom-saml'];

/** The provider CreateApplication creates OAuth 2.0 customer managed applications for: an application's default. */
export const DEFAULT_APPLICATION_PROVIDER = 'custom';

/** `arn:<partition>:sso::aws:applicationProvider/<name>`. */
export function applicationProviderArn(name: string, partition: string): string {
  return `arn:${partition}:sso::aws:applicationProvider/${name}`;
}

/** An application's ARN: `arn:<partition>:sso::<account>:application/<instance id>/<application id>`. */
export function applicationArn(accountId: string, instanceId: string, applicationId: string, partition: string): string {
  return `arn:${partition}:sso::${accountId}:application/${instanceId}/${applicationId}`;
}

/** True for the provider of an AWS managed application (a provider ARN that is not a customer managed one). */
export function isAwsManagedApplicationProvider(arn: string): boolean {
  const provider = AWS_APPLICATION_PROVIDER.exec(arn)?.[1];
  return provider !== undefined && !CUSTOMER_APPLICATION_PROVIDERS.includes(provider);
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies
/** An AWS managed policy: `arn:<partition>:iam::aws:policy/<path/>name`. */
export function managedPolicyArn(name: string, partition: string, path = '/'): string {
  return `arn:${partition}:iam::aws:policy${path}${name}`;
}

/** The name of an AWS managed policy ARN (any partition, any path), or undefined for anything else. */
export function managedPolicyName(arn: string): string | undefined {
  return new RegExp(`^arn:${ARN_PARTITION}:iam::aws:policy${IAM_PATH_SEGMENTS}/([A-Za-z0-9.,+=@_-]+)$`).exec(arn)?.[1];
}

/** The name of an AWS managed policy at the root path (`arn:<partition>:iam::aws:policy/<name>`), or undefined. */
export function rootManagedPolicyName(arn: string): string | undefined {
  return new RegExp(`^arn:${ARN_PARTITION}:iam::aws:policy/([^/]+)$`).exec(arn)?.[1];
}

/** A customer managed policy ARN (`arn:<partition>:iam::<account>:policy/...`). */
export function isCustomerManagedPolicyArn(arn: string): boolean {
  return new RegExp(`^arn:${ARN_PARTITION}:iam::\\d{12}:policy\\/`).test(arn);
}

/** Patterns of the ARNs a model may hold (model/aws-patterns.ts adds them to PATTERNS with their messages). */
export const ARN_PATTERNS = {
  instanceArn: new RegExp(`^arn:${ARN_PARTITION}:sso:::instance/(?:sso)?ins-[a-zA-Z0-9-.]{16}$`),
  awsManagedPolicyArn: new RegExp(`^arn:${ARN_PARTITION}:iam::aws:policy${IAM_PATH_SEGMENTS}/[A-Za-z0-9.,+=@_-]+$`),
  roleArn: new RegExp(`^arn:${ARN_PARTITION}:iam::\\d{12}:role${IAM_PATH_SEGMENTS}/[\\w+=,.@-]{1,64}$`),
  /** CreateApplication's ApplicationProviderArn. */
  applicationProviderArn: new RegExp(`^arn:${ARN_PARTITION}:sso::aws:applicationProvider/[a-zA-Z0-9-/]+$`),
  /** PutApplicationAccessScope's ScopeTarget: an application or an instance. */
  accessScopeTarget: new RegExp(
    `^arn:${ARN_PARTITION}:sso::(?:\\d{12}:application/(?:sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16}|:instance/(?:sso)?ins-[a-zA-Z0-9-.]{16})$`,
  ),
  /** Where S3 may find a KMS key: the key's ARN or an alias ARN (Terraform's s3 backend `kms_key_id`). */
  kmsKeyArn: new RegExp(
    `^arn:${ARN_PARTITION}:kms:[a-z]{2}(?:-[a-z]+){1,3}-\\d{1,2}:\\d{12}:(?:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})|alias/[A-Za-z0-9/_-]{1,250})$`,
  ),
} as const;

/** Example ARNs for messages, help and the starter model (commercial partition, documentation account ids). */
export const EXAMPLE_ARNS = {
  instance: instanceArn('ssoins-1111222233334444', 'aws'),
  instancePrefix: instanceArn('ssoins-', 'aws'),
  instancePattern: instanceArn('ssoins-...', 'aws'),
  role: roleArn('111111111111', 'Name', 'aws'),
  accountRootTemplate: accountRootArn('<id>', 'aws'),
  readOnlyAccess: managedPolicyArn('ReadOnlyAccess', 'aws'),
  ssoMasterAccountAdministrator: managedPolicyArn('AWSSSOMasterAccountAdministrator', 'aws'),
  keyArnPattern: keyArn('eu-west-1', '111111111111', 'mrk-...', 'aws'),
  kmsKey: keyArn('eu-west-1', '111111111111', '1234abcd-12ab-34cd-56ef-1234567890ab', 'aws'),
  customApplicationProvider: applicationProviderArn('custom', 'aws'),
  application: applicationArn('111111111111', 'ssoins-1111222233334444', 'apl-1111222233334444', 'aws'),
} as const;

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
/**
 * A role or user ARN as identity: partition, account, type and name. IAM names are unique in an
 * account whatever their path, so two ARNs that differ only in the path name one principal.
 */
export function iamPrincipalIdentity(arn: string): { partition: string; account: string; type: 'role' | 'user'; name: string } | undefined {
  const m = new RegExp(`^arn:(${ARN_PARTITION}):iam::(\\d{12}):(role|user)\\/(?:.*\\/)?([^/]+)$`).exec(arn);
  return m ? { partition: m[1], account: m[2], type: m[3] as 'role' | 'user', name: m[4] } : undefined;
}

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
/**
 * What GetCallerIdentity's Arn names: an assumed role (`arn:<p>:sts::<account>:assumed-role/<role>/<session>`,
 * the role's path left out), an IAM user (path kept) or the account root; undefined for anything
 * else (a federated user).
 */
export function parseCallerArn(
  arn: string,
):
  | { partition: string; account: string; kind: 'assumed-role'; roleName: string }
  | { partition: string; account: string; kind: 'iam'; arn: string }
  | undefined {
  const assumed = new RegExp(`^arn:(${ARN_PARTITION}):sts::(\\d{12}):assumed-role\\/([^/]+)\\/.+$`).exec(arn);
  if (assumed) return { partition: assumed[1], account: assumed[2], kind: 'assumed-role', roleName: assumed[3] };
  const iam = new RegExp(`^arn:(${ARN_PARTITION}):iam::(\\d{12}):(?:user\\/.+|root)$`).exec(arn);
  return iam ? { partition: iam[1], account: iam[2], kind: 'iam', arn } : undefined;
}
