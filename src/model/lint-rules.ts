/**
 * Every lint rule idcgen has, by id: the policy and key safety checks (lint.ts), the
 * Well-Architected identity checks (well-architected-rules.ts) and the Identity Center checks
 * (identity-center-rules.ts). Warnings can be turned off in the
 * model (`lint: { disable: [rule-id] }`); errors protect the organization and cannot.
 */
import { IDENTITY_CENTER_RULES } from './identity-center-rules';
import { LINT_RULES } from './policy-lint-rules';
import { WELL_ARCHITECTED_RULES } from './well-architected-rules';

export const ALL_LINT_RULES: Readonly<Record<string, { readonly severity: 'error' | 'warning'; readonly why: string }>> = {
  ...LINT_RULES,
  ...WELL_ARCHITECTED_RULES,
  ...IDENTITY_CENTER_RULES,
};

/** Rule ids a model may disable (every warning), sorted. */
export function disableableRules(): string[] {
  return Object.keys(ALL_LINT_RULES)
    .filter((id) => ALL_LINT_RULES[id].severity === 'warning')
    .sort();
}
