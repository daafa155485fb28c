// https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PermissionSet.html
/**
 * Every identifier and ARN pattern idcgen checks, each with the AWS page it is copied from.
 * Checks and their messages both read these constants (`pattern.source` is never re-typed), so a
 * pattern cannot drift from what the messages say. Lengths live in limits.ts.
 */

export interface Pattern {
  readonly re: RegExp;
  /** What a valid value looks like, for messages: `... is not valid; expected <expected>`. */
  readonly expected: string;
  readonly url: string;
}

const SSO_API = 'https://docs.aws.amazon.com/singlesignon/latest/APIReference';
const ORG_API = 'https://docs.aws.amazon.com/organizations/latest/APIReference';
const IAM_IDS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html';

/** AWS partitions as they appear in ARNs: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`, ... */
const PARTITION = 'aws(?:-[a-z]{1,5}){0,3}';
const IAM_PATH_SEGMENTS = '(?:/[A-Za-z0-9.,+@=_-]+)*';

export const PATTERNS = {
  accountId: { re: /^\d{12}$/, expected: 'exactly 12 digits, quoted, e.g. "111111111111"', url: `${ORG_API}/API_Account.html` },
  organizationId: { re: /^o-[a-z0-9]{10,32}$/, expected: 'o- and 10 to 32 lowercase letters or digits, e.g. o-a1b2c3d4e5', url: `${ORG_API}/API_Organization.html` },
  /** Region codes: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. */
  region: {
    re: /^[a-z]{2}(?:-[a-z]+){1,3}-\d{1,2}$/,
    expected: 'a region code such as eu-west-1',
    url: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html',
  },
  instanceArn: {
    re: new RegExp(`^arn:${PARTITION}:sso:::instance/(?:sso)?ins-[a-zA-Z0-9-.]{16}$`),
    expected: 'arn:aws:sso:::instance/ssoins- and 16 characters, e.g. arn:aws:sso:::instance/ssoins-1111222233334444',
    url: `${SSO_API}/API_InstanceMetadata.html`,
  },
  /** The id only (the API also accepts the identity store ARN; the IR builds the ARN itself). */
  identityStoreId: {
    re: /^(?:d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    expected: 'd- and 10 hexadecimal digits, e.g. d-1111222233',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_IdentityStore.html',
  },
  /** AWS managed policies only: customer managed policies are referenced by name and path. */
  awsManagedPolicyArn: {
    re: new RegExp(`^arn:${PARTITION}:iam::aws:policy${IAM_PATH_SEGMENTS}/[A-Za-z0-9.,+=@_-]+$`),
    expected: 'an aws managed policy arn such as arn:aws:iam::aws:policy/ReadOnlyAccess',
    url: `${SSO_API}/API_AttachManagedPolicyToPermissionSet.html`,
  },
  roleArn: {
    re: new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role${IAM_PATH_SEGMENTS}/[\\w+=,.@-]{1,64}$`),
    expected: 'a role arn such as arn:aws:iam::111111111111:role/Name',
    url: IAM_IDS,
  },
  /** Where S3 may find a KMS key: the key's ARN or an alias ARN (Terraform's s3 backend `kms_key_id`). */
  kmsKeyArn: {
    re: new RegExp(`^arn:${PARTITION}:kms:[a-z]{2}(?:-[a-z]+){1,3}-\\d{1,2}:\\d{12}:(?:key/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})|alias/[A-Za-z0-9/_-]{1,250})$`),
    expected: 'a kms key or alias arn such as arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    url: 'https://developer.hashicorp.com/terraform/language/backend/s3#kms_key_id',
  },
  permissionSetName: { re: /^[\w+=,.@-]+$/, expected: 'letters, digits and _+=,.@- only, e.g. ReadOnly', url: `${SSO_API}/API_PermissionSet.html` },
  permissionSetDescription: {
    re: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
    expected: 'printable latin-1 text',
    url: `${SSO_API}/API_PermissionSet.html`,
  },
  relayState: {
    re: /^[a-zA-Z0-9&$@#\\/%?=~\-_'"|!:,.;*+[\] (){}]+$/,
    expected: 'a url such as https://console.aws.amazon.com/ec2/',
    url: `${SSO_API}/API_PermissionSet.html`,
  },
  /** Hours, minutes and seconds only: anything with days is above the 12-hour maximum anyway. */
  sessionDuration: {
    re: /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/,
    expected: 'an iso-8601 duration such as PT4H',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html',
  },
  customerManagedPolicyName: {
    re: /^[\w+=,.@-]+$/,
    expected: 'letters, digits and _+=,.@- only, e.g. BoundaryReadOnly',
    url: `${SSO_API}/API_CustomerManagedPolicyReference.html`,
  },
  iamPath: {
    re: new RegExp(`^${IAM_PATH_SEGMENTS}/$`),
    expected: 'segments of letters, digits and .,+@=_- between slashes, e.g. /teams/platform/',
    url: `${SSO_API}/API_CustomerManagedPolicyReference.html`,
  },
  roleName: { re: /^[\w+=,.@-]+$/, expected: 'letters, digits and _+=,.@- only, e.g. OrganizationAccountAccessRole', url: IAM_IDS },
  /**
   * The AWS access portal (the start URL of `aws sso login`): `https://<d-id or subdomain>.awsapps.com/start`
   * (awsapps.cn in China), or the portal endpoint of a Region the instance is replicated to.
   */
  startUrl: {
    re: /^https:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.awsapps\.(?:com|cn)\/start\/?(?:#\/?)?|ssoins-[a-z0-9]{16}\.[a-z]{2}(?:-[a-z]+){1,3}-\d{1,2}\.portal\.amazonaws\.com\/?)$/i,
    expected: 'the aws access portal url, e.g. https://d-1234567890.awsapps.com/start',
    url: 'https://docs.aws.amazon.com/signin/latest/userguide/sign-in-urls-defined.html',
  },
  /**
   * idcgen's own rule, not AWS's: account and key names become deployment unit names, directory
   * names and Terraform addresses, so they are limited to characters that are safe in all three.
   */
  handle: {
    re: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    expected: 'letters, digits, ., _ and -, starting with a letter or digit, e.g. prod-app',
    url: 'https://developer.hashicorp.com/terraform/language/syntax/configuration#identifiers',
  },
} as const satisfies Record<string, Pattern>;

/**
 * The partition a Region belongs to, for ARNs idcgen builds itself.
 * @see https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** Seconds of an ISO-8601 session duration in the accepted form, or undefined when it is not one. */
export function sessionDurationSeconds(value: string): number | undefined {
  const m = PATTERNS.sessionDuration.re.exec(value);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
