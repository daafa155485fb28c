/**
 * The rules of `idcgen lint` (policy/lint.ts checks them): id, severity and what each protects
 * against. Here, below the policy engine, because the model's `lint.disable` setting is checked
 * against them while the model is validated (lint-rules.ts).
 */
/** Every rule: id → severity and what it protects against. */
export const LINT_RULES = {
  'key-admin-missing': { severity: 'error', why: 'no principal can change the key policy: KMS lockout, the key cannot be managed' },
  'key-service-statements-missing': { severity: 'error', why: 'Identity Center or Identity Store cannot use the key: the instance stops working' },
  'principal-star-unconditioned': { severity: 'error', why: '"Principal": "*" without an organization or account condition admits every AWS account' },
  'iam-unknown-action': { severity: 'error', why: 'an action AWS does not know is silently ignored' },
  'iam-unknown-condition-key': { severity: 'error', why: 'a condition key AWS does not know never matches' },
  'key-policy-too-large': { severity: 'error', why: 'KMS rejects key policies over 32 KB' },
  'identity-policy-too-large': { severity: 'error', why: 'IAM and Identity Center reject policies over their size limits' },
  'policy-invalid': { severity: 'error', why: 'the policy is malformed (duplicate Sids, missing Principal or Resource)' },
  'key-single-region': { severity: 'warning', why: 'AWS recommends multi-Region keys for Identity Center; a key cannot become multi-Region later' },
  'encryption-context-unrestricted': { severity: 'warning', why: 'production keys should be restricted to this instance through encryption context' },
  'key-location': { severity: 'error', why: 'the key Identity Center uses must be in the management account and the Identity Center Region' },
  'key-deployer-missing': {
    severity: 'error',
    why: 'a least-privilege key (or any key with the deletion guard on) with no deployer and no role or account-root administrator in the management account: the role that runs Terraform cannot apply or refresh it',
  },
  'key-admin-unassigned': {
    severity: 'error',
    why: 'a permission-set principal exists in AWS only while the permission set is assigned in its account: an unassigned administrator is no administrator (an unassigned use-case principal is a warning)',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; why: string }>;

export type LintRule = keyof typeof LINT_RULES;
