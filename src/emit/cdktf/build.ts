/**
 * The IR → one CDKTF stack per deployment unit, named after the unit. Stack dependencies order
 * `cdktf deploy '*'`: the management stack first (the key must exist before other stacks read its
 * alias, permission sets before shards look them up), then member accounts (customer managed
 * policies must exist in an account before a permission set that references them is provisioned
 * there), then permission-set and identity-store stacks when the model has them (groups after the
 * users their memberships read), then the assignment shards after every stack creating something
 * they look up.
 */
import type { DeploymentUnit, ResolvedModel } from '../../model/ir';
import { assignmentsByKey, groupUnit, permissionSetUnit, unitMemberLookups, userUnit } from '../../model/ir-index';
import { App, TerraformStack } from './cdktf';
import { AssignmentsStack } from './stacks/assignments-stack';
import { IdentityStoreStack } from './stacks/identity-store-stack';
import { ManagementStack } from './stacks/management-stack';
import { MemberAccountStack } from './stacks/member-account-stack';
import { PermissionSetsStack } from './stacks/permission-sets-stack';

export function buildStacks(app: App, ir: ResolvedModel): void {
  const management = ir.units.filter((u) => u.kind === 'management');
  if (management.length !== 1) throw new Error(`expected one management unit, found ${management.length}`);
  const managementStack = new ManagementStack(app, management[0].name, { ir, unit: management[0] });

  // Stacks other than management, in IR order, so the manifest lists dependencies the same way every run.
  const stacks = new Map<string, TerraformStack>();
  const dependOn = (stack: TerraformStack, units: ReadonlySet<string | undefined>): void => {
    stack.addDependency(managementStack);
    for (const [name, other] of stacks) if (units.has(name)) stack.addDependency(other);
  };

  for (const unit of ir.units) {
    switch (unit.kind) {
      case 'management':
        break;
      case 'member': {
        const stack = new MemberAccountStack(app, unit.name, { ir, unit });
        dependOn(stack, new Set());
        stacks.set(unit.name, stack);
        break;
      }
      case 'permission-sets': {
        const stack = new PermissionSetsStack(app, unit.name, { ir, unit });
        dependOn(stack, new Set());
        stacks.set(unit.name, stack);
        break;
      }
      case 'identity-store': {
        const stack = new IdentityStoreStack(app, unit.name, { ir, unit });
        dependOn(stack, new Set(unitMemberLookups(ir, unit).map((user) => userUnit(ir, user))));
        stacks.set(unit.name, stack);
        break;
      }
      case 'assignments': {
        const stack = new AssignmentsStack(app, unit.name, { ir, unit });
        dependOn(stack, assignmentDependencies(ir, unit));
        stacks.set(unit.name, stack);
        break;
      }
    }
  }
}

/** Units creating what a shard's assignments need: member accounts, permission sets, principals. */
function assignmentDependencies(ir: ResolvedModel, unit: DeploymentUnit): Set<string | undefined> {
  const byKey = assignmentsByKey(ir);
  const accounts = new Set<string>();
  const units = new Set<string | undefined>();
  for (const key of unit.assignmentKeys) {
    const a = byKey.get(key);
    if (!a) continue; // AssignmentsStack reports it
    accounts.add(a.accountName);
    units.add(permissionSetUnit(ir, a.permissionSet));
    units.add(a.principalType === 'GROUP' ? groupUnit(ir, a.principalName) : userUnit(ir, a.principalName));
  }
  for (const u of ir.units) if (u.kind === 'member' && accounts.has(u.accountName)) units.add(u.name);
  return units;
}
