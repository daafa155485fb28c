/**
 * How the review names a permission set's principal in one account and its inline policy: key
 * access rows, identity access and group-membership effects match on these texts, so they are
 * written in one place.
 */

/** `permission set Admin in prod-app`. */
export function permissionSetIn(permissionSet: string, accountName: string): string {
  return `permission set ${permissionSet} in ${accountName}`;
}

/** `permission set Admin inline policy`. */
export function inlinePolicyOf(permissionSet: string): string {
  return `permission set ${permissionSet} inline policy`;
}
