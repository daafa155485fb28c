// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsiamidentitycenter.html
/**
 * The IAM action behind each API call the encryption switch makes, so an AccessDenied names the
 * permission to grant even when AWS's message does not. KMS actions:
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 */
export const API_PERMISSIONS = {
  ListInstances: 'sso:ListInstances',
  DescribeInstance: 'sso:DescribeInstance',
  UpdateInstance: 'sso:UpdateInstance',
  ListApplications: 'sso:ListApplications',
  DescribeKey: 'kms:DescribeKey',
  GetKeyPolicy: 'kms:GetKeyPolicy',
} as const;

export type ApiOperation = keyof typeof API_PERMISSIONS;

/**
 * KMS permissions the principal calling UpdateInstance needs on the new key: Identity Center
 * validates the key with the caller's credentials ("The user or IAM principal lacks one or more
 * required KMS permissions ... when enabling customer managed key").
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/cmk-related-errors.html
 */
export const ENABLE_CALLER_KMS_PERMISSIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
] as const;
