// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#prevent-unmanageable-key
/**
 * Safety rails: states that `idcgen generate` refuses unless the command line names each one with
 * `--allow-unsafe <rule>`. Each can lock an organization out of its identity data or lose track of
 * what it runs; none can be switched off silently (not from the model, not from an environment
 * variable), and a run that allows one prints a warning for it and flags it at the top of review.md.
 *
 * Four rails are policy lint rules (src/policy/lint.ts) and share their ids, so `idcgen lint`,
 * `validate` and `generate` name the same problem the same way. Deletion protection is checked by
 * generate on the model and on the generated files; the last two compare this run with the
 * previous output in --out (its marker and its Terraform state files).
 */
import type { LintRule } from '../model';

export interface RailSpec {
  /** What goes wrong, for `--help`, the catalog and review.md. */
  readonly why: string;
  /** What the model must say instead. */
  readonly fix: string;
}

export const SAFETY_RAILS = {
  'key-admin-missing': {
    why: 'no named principal may change the key policy (kms:PutKeyPolicy): KMS lockout, only AWS Support can restore access to the key',
    fix: 'list key administrators (administrators: [{ permissionSet, account }]) or use policyProfile: baseline',
  },
  'key-service-statements-missing': {
    why: 'Identity Center or the Identity Store may not use the key: the instance stops working and its users cannot sign in',
    fix: 'keep the identity-center-service statements the policy engine adds to every key policy',
  },
  'key-deployer-missing': {
    why: 'the role that runs Terraform is not named in a least-privilege key policy (or one with the deletion guard on): KMS refuses to let it apply the policy (lockout check) and later refreshes of the key fail',
    fix: 'set deployment.deployer to the IAM role ARN (management account) that runs Terraform, or list a role administrator in the management account',
  },
  'key-admin-unassigned': {
    why: 'a permission-set key administrator whose permission set is not assigned in its account has no role, so the key has one administrator fewer than the model says (possibly none)',
    fix: 'assign the permission set in that account (assignments:), or name another administrator',
  },
  'key-deletion-protection-off': {
    why: 'a key that can be destroyed by terraform destroy, or is recoverable for less than 30 days once scheduled for deletion, takes all identity data it encrypts with it',
    fix: 'set deletionWindowDays: 30 (the default); generated key resources always carry lifecycle prevent_destroy',
  },
  'key-removed': {
    why: 'a key or replica the previous output generated is gone from the model: prevent_destroy cannot guard a resource whose configuration is removed, so the next terraform apply schedules its deletion, and identity data encrypted with it becomes unreadable when the deletion completes',
    fix: 'keep the key (and its replica regions) in the model; to stop managing a key without deleting it, terraform state rm its resources first',
  },
  'unit-state-orphaned': {
    why: 'a deployment unit whose local terraform state still manages resources is no longer generated: those resources stay in aws with nothing managing them (idcgen keeps the state files where they are)',
    fix: 'run terraform destroy in the unit (or terraform state mv / state rm) before removing what it holds from the model',
  },
} as const satisfies Record<string, RailSpec>;

/** A safety rail by its id, as `--allow-unsafe` names it (key-admin-missing, key-deletion-protection-off, ...). */
export type RailId = keyof typeof SAFETY_RAILS;

/** Rails that are lint rules: the same id in both tables (a compile error if lint renames one). */
export const LINT_RAILS = [
  'key-admin-missing',
  'key-service-statements-missing',
  'key-deployer-missing',
  'key-admin-unassigned',
] as const satisfies readonly (LintRule & RailId)[];

export const RAIL_IDS = Object.keys(SAFETY_RAILS) as RailId[];

export function isRail(rule: string | undefined): rule is RailId {
  return rule !== undefined && Object.prototype.hasOwnProperty.call(SAFETY_RAILS, rule);
}

/** The refusal: the finding, the rule, and the one way to go ahead anyway. */
export function refusedMessage(message: string, rule: RailId): string {
  return `${message}; safety rail ${rule} refuses to generate this, fix the model or pass --allow-unsafe ${rule}`;
}

/** The warning of an allowed rail. */
export function allowedMessage(message: string, rule: RailId): string {
  return `${message} (safety rail ${rule} allowed by --allow-unsafe ${rule})`;
}
