/**
 * Account assignments: one `aws_ssoadmin_account_assignment` per IR assignment. Every argument of
 * the resource forces replacement (revoke, then grant), so each one's address comes from its
 * stable key — principal type, principal, permission set, account — and never from its position.
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssoadmin_account_assignment
 */
import type { PrincipalType, ResolvedAssignment } from '../../../model';
import { Construct, SsoadminAccountAssignment } from '../cdktf';
import { constructId, namespaceAt } from '../private/namespace';

/** Props of {@link AccountAssignments}. */
export interface AccountAssignmentsProps {
  readonly instanceArn: string;
  readonly assignments: readonly ResolvedAssignment[];
  /** Terraform expression of a permission set ARN, by name. */
  permissionSetArn(name: string): string;
  /** Terraform expression of a principal's identity store id. */
  principalId(type: PrincipalType, name: string): string;
}

/** Account assignments of principals to permission sets in accounts, one resource per assignment, addressed by its stable key. */
export class AccountAssignments extends Construct {
  /** By assignment key. */
  readonly assignments: ReadonlyMap<string, SsoadminAccountAssignment>;

  constructor(scope: Construct, id: string, props: AccountAssignmentsProps) {
    super(scope, id);
    const out = new Map<string, SsoadminAccountAssignment>();
    for (const a of props.assignments) {
      // The same four names, in the same order, as the key `<type>/<principal>/<permissionSet>/<account>`.
      const parent = namespaceAt(this, [a.principalType, a.principalName, a.permissionSet]);
      out.set(
        a.key,
        new SsoadminAccountAssignment(parent, constructId(a.accountName), {
          instanceArn: props.instanceArn,
          permissionSetArn: props.permissionSetArn(a.permissionSet),
          principalType: a.principalType,
          principalId: props.principalId(a.principalType, a.principalName),
          targetType: 'AWS_ACCOUNT',
          targetId: a.accountId,
        }),
      );
    }
    this.assignments = out;
  }
}
