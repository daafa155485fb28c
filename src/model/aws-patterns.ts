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
import { ARN_PATTERNS, EXAMPLE_ARNS } from './arns';

const SSO_API = 'https://docs.aws.amazon.com/singlesignon/latest/APIReference';
const ORG_API = 'https://docs.aws.amazon.com/organizations/latest/APIReference';
const IAM_IDS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html';

const IAM_PATH_SEGMENTS = '(?:/[A-Za-z0-9.,+@=_-]+)*';

export const PATTERNS = {
  accountId: { re: /^\d{12}$/, expected: 'exactly 12 digits, quoted, e.g. "111111111111"', url: `${ORG_API}/API_Account.html` },
  /** An organizational unit: `ou-<root id suffix>-<suffix>`. */
  ouId: {
    re: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/,
    expected: 'ou- and 4 to 32 lowercase letters or digits, -, and 8 to 32 lowercase letters or digits, e.g. ou-ab12-34cd56ef',
    url: `${ORG_API}/API_OrganizationalUnit.html`,
  },
  /** The organization's root. */
  rootId: { re: /^r-[0-9a-z]{4,32}$/, expected: 'r- and 4 to 32 lowercase letters or digits, e.g. r-ab12', url: `${ORG_API}/API_Root.html` },
  organizationId: {
    re: /^o-[a-z0-9]{10,32}$/,
    expected: 'o- and 10 to 32 lowercase letters or digits, e.g. o-a1b2c3d4e5',
    url: `${ORG_API}/API_Organization.html`,
  },
  /** Region codes: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. */
  region: {
    re: /^[a-z]{2}(?:-[a-z]+){1,3}-\d{1,2}$/,
    expected: 'a region code such as eu-west-1',
    url: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html',
  },
  instanceArn: {
    re: ARN_PATTERNS.instanceArn,
    expected: `${EXAMPLE_ARNS.instancePrefix} and 16 characters, e.g. ${EXAMPLE_ARNS.instance}`,
    url: `${SSO_API}/API_InstanceMetadata.html`,
  },
  /** The id only (the API also accepts the identity store ARN; the IR builds the ARN itself). */
  identityStoreId: {
    re: /^(?:d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    expected: 'd- and 10 hexadecimal digits, e.g. d-1111222233',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_IdentityStore.html',
  },
  /** Every string attribute of an identity store user (names, emails, phone numbers, address parts, title, ...). */
  identityStoreText: {
    re: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r \u00A0\u3000]+$/u,
    expected: 'letters, marks, symbols, digits, punctuation, spaces, tabs and line breaks',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_User.html',
  },
  /** AWS managed policies only: customer managed policies are referenced by name and path. */
  awsManagedPolicyArn: {
    re: ARN_PATTERNS.awsManagedPolicyArn,
    expected: `an aws managed policy arn such as ${EXAMPLE_ARNS.readOnlyAccess}`,
    url: `${SSO_API}/API_AttachManagedPolicyToPermissionSet.html`,
  },
  roleArn: {
    re: ARN_PATTERNS.roleArn,
    expected: `a role arn such as ${EXAMPLE_ARNS.role}`,
    url: IAM_IDS,
  },
  /** Where S3 may find a KMS key: the key's ARN or an alias ARN (Terraform's s3 backend `kms_key_id`). */
  kmsKeyArn: {
    re: ARN_PATTERNS.kmsKeyArn,
    expected: `a kms key or alias arn such as ${EXAMPLE_ARNS.kmsKey}`,
    url: 'https://developer.hashicorp.com/terraform/language/backend/s3#kms_key_id',
  },
  permissionSetName: { re: /^[\w+=,.@-]+$/, expected: 'letters, digits and _+=,.@- only, e.g. ReadOnly', url: `${SSO_API}/API_PermissionSet.html` },
  permissionSetDescription: {
    // eslint-disable-next-line no-control-regex -- AWS's documented character set names tab, LF and CR
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
  applicationProviderArn: {
    re: ARN_PATTERNS.applicationProviderArn,
    expected: `an application provider arn such as ${EXAMPLE_ARNS.customApplicationProvider}`,
    url: `${SSO_API}/API_CreateApplication.html`,
  },
  applicationUrl: {
    re: /^http(s)?:\/\/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%?=~_|]$/,
    expected: 'an http or https url such as https://grafana.example.com/login',
    url: `${SSO_API}/API_SignInOptions.html`,
  },
  /** One to three parts of 1 to 50 letters, digits or `_`, separated by `:` (`redshift:connect`). */
  accessScope: {
    re: /^[A-Za-z0-9_]{1,50}(?::[A-Za-z0-9_]{1,50}){0,2}$/,
    expected: 'one to three parts of letters, digits and _ separated by :, e.g. redshift:connect',
    url: `${SSO_API}/API_PutApplicationAccessScope.html`,
  },
  accessScopeTarget: {
    re: ARN_PATTERNS.accessScopeTarget,
    expected: `an application or instance arn such as ${EXAMPLE_ARNS.application}`,
    url: `${SSO_API}/API_PutApplicationAccessScope.html`,
  },
  /** The key becomes the session tag `aws:PrincipalTag/<key>`. */
  accessControlAttributeKey: {
    re: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
    expected: 'letters, digits, spaces and _.:/=+-@ only, e.g. CostCenter',
    url: `${SSO_API}/API_AccessControlAttribute.html`,
  },
  accessControlAttributeSource: {
    re: /^[\p{L}\p{Z}\p{N}_.:/=+\-@[\]{}$\\"]*$/u,
    expected: 'letters, digits, spaces and _.:/=+-@[]{}$\\" only',
    url: `${SSO_API}/API_AccessControlAttributeValue.html`,
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
 * The nearest handle (PATTERNS.handle) to a name written elsewhere (an AWS account name, a key
 * alias): other characters become `-`, leading non-alphanumerics and trailing `-` go; '' when
 * nothing is left.
 */
export function toHandle(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '');
}

/** Seconds of an ISO-8601 session duration in the accepted form, or undefined when it is not one. */
export function sessionDurationSeconds(value: string): number | undefined {
  const m = PATTERNS.sessionDuration.re.exec(value);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

// https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
export const ALIAS = { pattern: /^alias\/[a-zA-Z0-9/_-]+$/, reservedPrefix: 'alias/aws/' } as const;
