// https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/identity-and-access-management.html
/**
 * The Well-Architected identity checks: rule id → the best practice of AWS's Well-Architected
 * security pillar it comes from, and the one threshold each rule that has one uses (its message
 * quotes the same constant). All are warnings: they never stop a command or change generated
 * output, and `lint: { disable: [rule-id] }` in the model turns one off. The README quotes the text
 * of each practice beside its rule.
 */

const WAF = 'https://docs.aws.amazon.com/wellarchitected/latest/framework';

export const WELL_ARCHITECTED_RULES = {
  'assignment-to-user': {
    severity: 'warning',
    why: 'access granted to one user instead of a group is managed person by person (SEC02-BP06)',
    practice: 'SEC02-BP06 Employ user groups and attributes',
    url: `${WAF}/sec_identities_groups_attributes.html`,
  },
  'admin-session-long': {
    severity: 'warning',
    why: 'administrator-equivalent sessions should stay short (SEC03-BP02)',
    practice: 'SEC03-BP02 Grant least privilege access',
    url: `${WAF}/sec_permissions_least_privileges.html`,
  },
  'admin-broad': {
    severity: 'warning',
    why: 'administrator-equivalent access in production should belong to a small, trusted group (SEC03-BP02)',
    practice: 'SEC03-BP02 Grant least privilege access',
    url: `${WAF}/sec_permissions_least_privileges.html`,
  },
  'permission-set-unused': {
    severity: 'warning',
    why: 'a permission set assigned nowhere is a permission kept after it is needed (SEC03-BP04)',
    practice: 'SEC03-BP04 Reduce permissions continuously',
    url: `${WAF}/sec_permissions_continuous_reduction.html`,
  },
  'group-unused': {
    severity: 'warning',
    why: 'a group with no assignment is an unused identity (SEC03-BP04)',
    practice: 'SEC03-BP04 Reduce permissions continuously',
    url: `${WAF}/sec_permissions_continuous_reduction.html`,
  },
  'identity-source-mixed': {
    severity: 'warning',
    why: 'users created in Identity Center beside an external identity provider escape its life cycle (SEC02-BP04)',
    practice: 'SEC02-BP04 Rely on a centralized identity provider',
    url: `${WAF}/sec_identities_identity_provider.html`,
  },
  'wildcard-action': {
    severity: 'warning',
    why: 'an Allow of "*" (or service:*) in a policy written in the model grants more than any task needs (SEC03-BP02)',
    practice: 'SEC03-BP02 Grant least privilege access',
    url: `${WAF}/sec_permissions_least_privileges.html`,
  },
} as const satisfies Record<string, { severity: 'warning'; why: string; practice: string; url: string }>;

export type WellArchitectedRule = keyof typeof WELL_ARCHITECTED_RULES;

/** admin-session-long: administrator-equivalent sessions longer than this are flagged. */
export const ADMIN_SESSION_MAX = { seconds: 4 * 3600, text: 'PT4H' } as const;

/**
 * admin-broad: a group holding administrator-equivalent access in a production account may have at
 * most this many members. Well-Architected asks for "a small, trusted group" without a number;
 * five is an on-call rotation of a platform team, and more than that is a department.
 */
export const ADMIN_BROAD_MAX_MEMBERS = 5;
