/**
 * How many Terraform resources each part of the IR becomes, in either emitter (the CDKTF stacks and
 * the HCL modules plan the same resources). shard.ts weighs deployment units with these counts, so
 * that no unit exceeds `maxResourcesPerStack`; test/scale counts the synthesized resources to hold
 * the two emitters to them. Data sources (look-ups) are not counted: the bound is on what a plan
 * manages.
 */
import type { AccessControlAttribute, KeyIdentityPolicy, ResolvedApplication, ResolvedGroup, ResolvedKey, ResolvedPermissionSet, ResolvedUser } from './ir';

/** `aws_ssoadmin_permission_set`, one attachment per policy, the inline policy and the boundary. */
export function permissionSetResources(ps: ResolvedPermissionSet): number {
  return (
    1 +
    ps.managedPolicyArns.length +
    ps.customerManagedPolicies.length +
    (ps.inlinePolicy !== undefined ? 1 : 0) +
    (ps.permissionsBoundary !== undefined ? 1 : 0)
  );
}

/** A created group and its memberships; an external group is only looked up. */
export function groupResources(g: ResolvedGroup): number {
  return g.external ? 0 : 1 + g.members.length;
}

/** A created user; an external user is only looked up. */
export function userResources(u: ResolvedUser): number {
  return u.external ? 0 : 1;
}

/** `aws_kms_key`, `aws_kms_key_policy`, `aws_kms_alias`, and per replica Region an `aws_kms_replica_key` and its `aws_kms_alias`. */
export function keyResources(k: ResolvedKey): number {
  return 3 + 2 * k.replicaRegions.length;
}

/** `aws_iam_policy` and one `aws_iam_role_policy_attachment` per role. */
export function identityPolicyResources(p: KeyIdentityPolicy): number {
  return 1 + p.attachToRoles.length;
}

/**
 * `aws_ssoadmin_application`, its `aws_ssoadmin_application_assignment_configuration`, one
 * `aws_ssoadmin_application_access_scope` per scope and one `aws_ssoadmin_application_assignment`
 * per assigned principal.
 */
export function applicationResources(a: ResolvedApplication): number {
  return 2 + a.accessScopes.length + a.assignments.length;
}

/** `aws_ssoadmin_instance_access_control_attributes`: one for the instance, when any attribute is set. */
export function accessControlResources(attrs: readonly AccessControlAttribute[] | undefined): number {
  return attrs !== undefined && attrs.length > 0 ? 1 : 0;
}
