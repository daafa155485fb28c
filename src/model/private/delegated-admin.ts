/**
 * Delegated administration (identityCenter.delegatedAdmin): which permission sets and assignments
 * must still be managed from the management account, and the key principal the delegated
 * administrator's deployment role becomes.
 *
 * AWS: a delegated administrator manages permission sets, the identity store and assignments,
 * except permission sets provisioned into the management account, which only the management
 * account can manage. A permission set is provisioned into an account when it is assigned there.
 * So a permission set the model assigns to the management account is created by the management
 * unit, and every assignment of it (and every assignment into the management account) is made from
 * the management account: the delegated administrator could not provision it anywhere.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html
 */
import { roleArn } from '../arns';
import type { ResolvedAccount } from '../ir';
import type { KeyInput, PrincipalInput } from '../schema';

/** The unit holding the assignments the management account must make itself. */
export const MANAGEMENT_ASSIGNMENTS_UNIT = 'assignments-management';

/**
 * Permission sets only the management account can manage, by name: those assigned to the
 * management account (provisioned there), and every external one: idcgen cannot know where another
 * tool provisioned it, and Control Tower provisions its permission sets into the management account.
 */
export function managedFromManagement(
  assignments: readonly { readonly permissionSet: string; readonly accountName: string }[],
  managementAccountName: string,
  external: readonly string[],
): Set<string> {
  return new Set([...external, ...assignments.filter((a) => a.accountName === managementAccountName).map((a) => a.permissionSet)]);
}

/**
 * The roles the delegated administrator's units run as (apply role, and the plan role when it
 * differs): principals of the `delegated-admins` use case of the key Identity Center uses, so the
 * documented key policy statements and the identity policy in that account follow from the catalog.
 */
export function delegatedAdminPrincipals(admin: ResolvedAccount, roleName: string, planRoleName: string | undefined, partition: string): PrincipalInput[] {
  const names = [...new Set([roleName, ...(planRoleName !== undefined ? [planRoleName] : [])])];
  return names.map((name) => ({ role: roleArn(admin.id, name, partition) }));
}

/**
 * The model's keys with the delegated administrator's roles added to the `delegated-admins` use case
 * of the key Identity Center uses (merged into the use case when the model lists it, appended
 * otherwise). Other keys are unchanged.
 */
export function keysWithDelegatedAdmin(keys: readonly KeyInput[], encryptionKey: string | undefined, principals: readonly PrincipalInput[]): KeyInput[] {
  if (principals.length === 0 || encryptionKey === undefined) return [...keys];
  return keys.map((key) => {
    if (key.name !== encryptionKey) return key;
    const useCases = [...(key.useCases ?? [])];
    const at = useCases.findIndex((u) => 'delegated-admins' in u);
    if (at < 0) useCases.push({ 'delegated-admins': { principals: [...principals] } });
    else {
      const listed = (useCases[at] as { 'delegated-admins': { principals: PrincipalInput[] } })['delegated-admins'].principals;
      useCases[at] = { 'delegated-admins': { principals: [...listed, ...principals] } };
    }
    return { ...key, useCases };
  });
}
