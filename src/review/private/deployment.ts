/**
 * Where things are managed from, for explain and review.md: which account each deployment unit runs
 * in (and as which role), and which unit manages each permission set. With a delegated
 * administrator (identityCenter.delegatedAdmin) this is what a reviewer checks first: the key and
 * the permission sets provisioned into the management account stay with the management account,
 * everything else runs in the delegated administrator's account.
 */
import { compareKeys, type ResolvedModel, permissionSetUnit, unitOrder } from '../../model';
import type { PermissionSetPlacement, UnitPlacement } from '../types';

export function unitPlacements(ir: ResolvedModel): UnitPlacement[] {
  const order = unitOrder(ir);
  return ir.units.map((u) => ({
    name: u.name,
    kind: u.kind,
    account: { name: u.accountName, id: u.accountId },
    role: u.assumeRoleArn ?? null,
    wave: order.wave.get(u.name) as number,
  }));
}

export function permissionSetPlacements(ir: ResolvedModel): PermissionSetPlacement[] {
  const units = new Map(ir.units.map((u) => [u.name, u]));
  const mgmt = ir.organization.managementAccountName;
  const assignedInManagement = new Set(ir.assignments.filter((a) => a.accountName === mgmt).map((a) => a.permissionSet));
  return [...ir.permissionSets]
    .sort((a, b) => compareKeys(a.name, b.name))
    .map((ps): PermissionSetPlacement => {
      const unit = ps.external === true ? undefined : units.get(permissionSetUnit(ir, ps.name) ?? '');
      return {
        name: ps.name,
        external: ps.external === true,
        unit: unit?.name ?? null,
        managedFrom: unit ? { name: unit.accountName, id: unit.accountId } : null,
        assignedInManagement: assignedInManagement.has(ps.name),
        ...(ps.external === true ? { declaredManagedPolicies: ps.managedPolicyArns } : {}),
      };
    });
}
