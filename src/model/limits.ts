// https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
/**
 * Every limit idcgen checks, with where it comes from. Checks and their messages both read these
 * constants, so a limit and the message that reports it cannot disagree.
 */

export interface Limit {
  readonly min?: number;
  readonly max: number;
  /** Short source for messages. */
  readonly why: string;
  readonly url: string;
}

const IDC_LIMITS = 'https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html';
const PS_API = 'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_PermissionSet.html';
const KMS_QUOTAS = 'https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html';
const KMS_KEY_TF = 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key';
const SESSION = 'https://docs.aws.amazon.com/singlesignon/latest/userguide/howtosessionduration.html';
const IAM_QUOTAS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html';
const SSO_API = 'https://docs.aws.amazon.com/singlesignon/latest/APIReference';

export const LIMITS = {
  permissionSetName: { min: 1, max: 32, why: 'Identity Center permission set name', url: PS_API },
  permissionSetDescription: { min: 1, max: 700, why: 'Identity Center permission set description', url: PS_API },
  relayState: { min: 1, max: 240, why: 'Identity Center relay state', url: PS_API },
  sessionDurationHours: { min: 1, max: 12, why: 'permission set session duration', url: SESSION },
  inlinePolicyNonWhitespaceBytes: { max: 10240, why: 'inline policy per permission set, non-whitespace bytes', url: IDC_LIMITS },
  inlinePoliciesPerPermissionSet: { max: 1, why: 'inline policies per permission set', url: IDC_LIMITS },
  policiesPerPermissionSet: { max: 25, why: 'AWS managed and customer managed policies per permission set', url: IDC_LIMITS },
  /** Every Identity Center API together (throttled above it): what a Terraform refresh of assignments runs into. */
  identityCenterApiRequestsPerSecond: { max: 20, why: 'Identity Center API requests per second, all APIs together', url: IDC_LIMITS },
  permissionSets: { max: 3500, why: 'permission sets per Identity Center instance (adjustable)', url: IDC_LIMITS },
  accounts: { max: 7000, why: 'AWS accounts per Identity Center instance (adjustable)', url: IDC_LIMITS },
  groupsPerPermissionSetPerAccount: { max: 100, why: 'groups assigned to a permission set per AWS account', url: IDC_LIMITS },
  provisionedPermissionSetsPerAccount: { max: 500, why: 'provisioned permission sets per AWS account (adjustable)', url: IDC_LIMITS },
  identityCenterRegions: { max: 6, why: 'AWS Regions enabled for one Identity Center instance (adjustable)', url: IDC_LIMITS },
  groupDisplayName: {
    min: 1,
    max: 1024,
    why: 'identity store group display name',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_Group.html',
  },
  userName: {
    min: 1,
    max: 128,
    why: 'identity store user name',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_User.html',
  },
  userAttribute: {
    min: 1,
    max: 1024,
    why: 'identity store user attribute',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateUser.html',
  },
  userContactsPerKind: {
    max: 1,
    why: 'identity store: one email, phone number and address per user',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateUser.html',
  },
  customerManagedPolicyName: {
    min: 1,
    max: 128,
    why: 'customer managed policy name',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CustomerManagedPolicyReference.html',
  },
  iamPath: { min: 1, max: 512, why: 'IAM path', url: 'https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_CustomerManagedPolicyReference.html' },
  roleName: { min: 1, max: 64, why: 'IAM role name', url: IAM_QUOTAS },
  accountName: { min: 1, max: 50, why: 'AWS account name', url: 'https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html' },
  tagKey: { min: 1, max: 128, why: 'tag key', url: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html' },
  tagValue: { min: 0, max: 256, why: 'tag value', url: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html' },
  // Identity Center applications (CreateApplication, PutApplicationAccessScope).
  applicationName: { min: 1, max: 100, why: 'Identity Center application name', url: `${SSO_API}/API_CreateApplication.html` },
  applicationDescription: { min: 1, max: 128, why: 'Identity Center application description', url: `${SSO_API}/API_CreateApplication.html` },
  applicationTags: { max: 75, why: 'tags per Identity Center application', url: `${SSO_API}/API_CreateApplication.html` },
  applicationUrl: { min: 1, max: 512, why: 'application sign-in url', url: `${SSO_API}/API_SignInOptions.html` },
  accessScopeTargets: { min: 1, max: 10, why: 'authorized targets per application access scope', url: `${SSO_API}/API_PutApplicationAccessScope.html` },
  // Attributes for access control (ABAC).
  accessControlAttributes: {
    max: 50,
    why: 'attributes for access control per Identity Center instance',
    url: `${SSO_API}/API_InstanceAccessControlAttributeConfiguration.html`,
  },
  accessControlAttributeKey: { min: 1, max: 128, why: 'attribute for access control key', url: `${SSO_API}/API_AccessControlAttribute.html` },
  accessControlAttributeSources: { min: 1, max: 1, why: 'sources per attribute for access control', url: `${SSO_API}/API_AccessControlAttributeValue.html` },
  accessControlAttributeSource: { max: 256, why: 'attribute for access control source', url: `${SSO_API}/API_AccessControlAttributeValue.html` },
  keyPolicyBytes: { max: 32768, why: 'KMS key policy document size', url: KMS_QUOTAS },
  managedPolicyBytes: { max: 6144, why: 'IAM customer managed policy size, non-whitespace characters', url: IAM_QUOTAS },
  rotationPeriodDays: { min: 90, max: 2560, why: 'KMS key rotation period', url: KMS_KEY_TF },
  deletionWindowDays: { min: 7, max: 30, why: 'KMS key deletion waiting period', url: KMS_KEY_TF },
  aliasName: { min: 1, max: 256, why: 'KMS alias name', url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html' },
  keyDescription: { max: 8192, why: 'KMS key description', url: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html' },
  maxResourcesPerStack: {
    min: 10,
    max: 10000,
    why: 'resources per generated stack (idcgen setting)',
    url: 'https://github.com/hashicorp/terraform-provider-aws/issues/24858',
  },
  // idcgen's own safety limits on input files (hostile input).
  modelFileBytes: { max: 8 * 1024 * 1024, why: 'idcgen model file size limit', url: 'https://github.com/eemeli/yaml/blob/main/docs/03_options.md' },
  yamlAliasCount: { max: 100, why: 'yaml alias expansions per document (billion-laughs guard)', url: 'https://eemeli.org/yaml/#tojs-options' },
  issuesReported: { max: 1000, why: 'issues reported per stage (the rest are counted)', url: 'https://github.com/eemeli/yaml/blob/main/docs/03_options.md' },
  expandedAssignments: {
    max: 200_000,
    why: 'account assignments a model expands to (memory guard; a 2,000-account model has about 105,000)',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html',
  },
  yamlAliasNodes: { max: 10_000, why: 'yaml nodes brought in by aliases per document (memory guard)', url: 'https://eemeli.org/yaml/#tojs-options' },
  yamlNodes: { max: 500_000, why: 'yaml nodes per model (memory guard; a 2,000-account model has about 180,000)', url: 'https://eemeli.org/yaml/#parser' },
  yamlNestingLevels: { max: 64, why: 'yaml nesting levels (guard against stack and memory exhaustion)', url: 'https://eemeli.org/yaml/#parser' },
} as const satisfies Record<string, Limit>;

/** `<n> is out of range; allowed <min>..<max> (<why>)` */
export function rangeMessage(what: string, found: number | string, limit: Limit): string {
  const range = limit.min !== undefined ? `${limit.min}..${limit.max}` : `at most ${limit.max}`;
  return `${what} ${found} is out of range; allowed ${range} (${limit.why})`;
}
