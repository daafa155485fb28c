// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsiamidentitycenter.html
/**
 * The IAM action behind each API call the encryption switch makes, so an AccessDenied names the
 * permission to grant even when AWS's message does not. KMS actions:
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 */
import { ACTIONS } from '../policy';

export const API_PERMISSIONS = {
  ListInstances: 'sso:ListInstances',
  DescribeInstance: 'sso:DescribeInstance',
  UpdateInstance: 'sso:UpdateInstance',
  ListApplications: 'sso:ListApplications',
  DescribeKey: 'kms:DescribeKey',
  GetKeyPolicy: 'kms:GetKeyPolicy',
  /** Needs no permission (sts:GetCallerIdentity cannot be denied); listed so every call has its entry. */
  GetCallerIdentity: 'sts:GetCallerIdentity',
} as const;

export type ApiOperation = keyof typeof API_PERMISSIONS;

/** KMS permissions the principal calling UpdateInstance needs on the new key: the policy catalog's ACTIONS.switchCaller. */
export const ENABLE_CALLER_KMS_PERMISSIONS = ACTIONS.switchCaller;
