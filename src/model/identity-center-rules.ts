// https://docs.aws.amazon.com/singlesignon/latest/userguide/attributesforaccesscontrol.html
/**
 * Checks of what the model asks of Identity Center beyond policies: session tags the policies
 * test but the instance never sets, and AWS managed applications the instance's key does not
 * admit. Warnings, like the Well-Architected checks: they never change generated output, and
 * `lint: { disable: [rule-id] }` turns one off.
 */
export const IDENTITY_CENTER_RULES = {
  'principal-tag-undeclared': {
    severity: 'warning',
    why: 'a policy tests aws:PrincipalTag/<key> for an attribute identityCenter.accessControlAttributes does not declare: Identity Center never sets that session tag',
  },
  'application-key-access-missing': {
    severity: 'warning',
    why: 'an AWS managed application cannot sign users in when the key Identity Center uses does not admit AWS managed applications (use case managed-applications)',
  },
} as const satisfies Record<string, { severity: 'warning'; why: string }>;

export type IdentityCenterRule = keyof typeof IDENTITY_CENTER_RULES;

/** Where a policy names a session tag: the condition key `aws:PrincipalTag/<key>` or the policy variable `${aws:PrincipalTag/<key>}`. */
export const PRINCIPAL_TAG = { conditionKey: /^aws:principaltag\/(.+)$/i, variable: /\$\{aws:principaltag\/([^}]+)\}/gi } as const;
