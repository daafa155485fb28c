// https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-adding-permission.html
/**
 * The deletion guard (`keys[].deletionGuard`): one explicit Deny of ACTIONS.guarded
 * (kms:ScheduleKeyDeletion, kms:DisableKey, kms:PutKeyPolicy) for every principal whose
 * aws:PrincipalArn is not a named key administrator or the deployer. An explicit Deny wins over
 * every Allow, so it also holds against grants that reach the key through an account root
 * (baseline `kms:*`) and the IAM policies of that account (AdministratorAccess).
 *
 * Why kms:PutKeyPolicy is denied too: a principal that may change the key policy can delete the
 * Deny first and then schedule deletion, so a guard without it guards nothing. KMS's policy lockout
 * safety check (DOCS.kmsLockout) requires that "the principal that is making the PutKeyPolicy
 * request" may make a subsequent PutKeyPolicy request under the new policy: the Deny exempts the
 * deployer (which applies the policy) and every administrator, so the check passes for them and
 * they keep every right the Allow statements give them; anyone else's PutKeyPolicy is refused,
 * by the Deny or by the check. The key is then unmanageable only if the deployer role and every
 * administrator are gone at once, which lint (key-admin-unassigned, key-deployer-missing) and
 * review (key-administrator-removed) report before it happens.
 *
 * Requests without aws:PrincipalArn (AWS services) match ArnNotLike and are denied these three
 * actions as well; Identity Center, Identity Store and managed applications never call them.
 */
import { PolicyStatement } from '../statement';
import { ACTIONS, CONDITION_KEYS } from './aws';

export const DELETION_GUARD_SID = 'DenyKeyDeletionAndPolicyChangesExceptAdministrators';

/** `exempt`: aws:PrincipalArn values (role ARNs, permission-set role patterns, `arn:aws:iam::<id>:*`) that keep the guarded actions. */
export function deletionGuardStatement(exempt: readonly string[]): PolicyStatement {
  return new PolicyStatement({
    sid: DELETION_GUARD_SID,
    effect: 'Deny',
    anyPrincipal: true,
    actions: ACTIONS.guarded,
    resources: ['*'],
    conditions: { ArnNotLike: { [CONDITION_KEYS.principalArn]: [...exempt] } },
  });
}
