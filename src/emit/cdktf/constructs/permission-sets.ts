/**
 * Permission sets and everything attached to them: AWS managed and customer managed policies, the
 * inline policy (the user's own plus the KMS statements the IR appended) and the permissions
 * boundary. Each attachment provisions the permission set to every account it is assigned to.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html
 */
import type { ResolvedPermissionSet } from '../../../model';
import {
  Construct,
  SsoadminCustomerManagedPolicyAttachment,
  SsoadminManagedPolicyAttachment,
  SsoadminPermissionSet,
  SsoadminPermissionSetInlinePolicy,
  SsoadminPermissionsBoundaryAttachment,
} from '../cdktf';
import { constructId, namespace } from '../private/namespace';
import { policyJson, type PolicyRefResolver } from '../private/policy-json';

/** Props of {@link PermissionSets}. */
export interface PermissionSetsProps {
  readonly instanceArn: string;
  readonly permissionSets: readonly ResolvedPermissionSet[];
  /** Resolves key ARNs in the inline policies. */
  readonly resolve: PolicyRefResolver;
}

/** Permission sets with their managed and customer managed policy attachments, inline policy and permissions boundary. */
export class PermissionSets extends Construct {
  private readonly sets = new Map<string, SsoadminPermissionSet>();

  constructor(scope: Construct, id: string, props: PermissionSetsProps) {
    super(scope, id);
    for (const ps of props.permissionSets) this.addPermissionSet(ps, props);
  }

  /** Terraform expression of the permission set's ARN. */
  arn(name: string): string {
    const set = this.sets.get(name);
    if (!set) throw new Error(`unknown permission set ${name}`);
    return set.arn;
  }

  private addPermissionSet(ps: ResolvedPermissionSet, props: PermissionSetsProps): void {
    const { instanceArn } = props;
    const scope = new Construct(this, constructId(ps.name));
    const set = new SsoadminPermissionSet(scope, 'PermissionSet', {
      instanceArn,
      name: ps.name,
      description: ps.description,
      sessionDuration: ps.sessionDuration,
      relayState: ps.relayState,
      tags: Object.keys(ps.tags).length > 0 ? { ...ps.tags } : undefined,
    });
    this.sets.set(ps.name, set);
    const permissionSetArn = set.arn;

    for (const managedPolicyArn of ps.managedPolicyArns) {
      // The ARN is unique per permission set.
      new SsoadminManagedPolicyAttachment(namespace(scope, 'ManagedPolicy'), constructId(managedPolicyArn), {
        instanceArn,
        permissionSetArn,
        managedPolicyArn,
      });
    }

    for (const ref of ps.customerManagedPolicies) {
      new SsoadminCustomerManagedPolicyAttachment(namespace(namespace(scope, 'CustomerManagedPolicy'), ref.path), constructId(ref.name), {
        instanceArn,
        permissionSetArn,
        customerManagedPolicyReference: { name: ref.name, path: ref.path },
      });
    }

    if (ps.inlinePolicy) {
      new SsoadminPermissionSetInlinePolicy(scope, 'InlinePolicy', {
        instanceArn,
        permissionSetArn,
        inlinePolicy: policyJson(ps.inlinePolicy, props.resolve),
      });
    }

    const boundary = ps.permissionsBoundary;
    if (boundary) {
      new SsoadminPermissionsBoundaryAttachment(scope, 'PermissionsBoundary', {
        instanceArn,
        permissionSetArn,
        permissionsBoundary:
          'managedPolicyArn' in boundary
            ? { managedPolicyArn: boundary.managedPolicyArn }
            : { customerManagedPolicyReference: { ...boundary.customerManagedPolicy } },
      });
    }
  }
}
