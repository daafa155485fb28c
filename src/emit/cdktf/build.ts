/**
 * The IR → one CDKTF stack per deployment unit, named after the unit. Stack dependencies order
 * `cdktf deploy '*'`: the management stack first (the key must exist before member accounts read
 * its alias, permission sets before shards look them up), then member accounts (customer managed
 * policies must exist in an account before a permission set that references them is provisioned
 * there), then the assignment shards.
 */
import type { ResolvedModel } from '../../model/ir';
import { App, TerraformStack } from './cdktf';
import { AssignmentsStack } from './stacks/assignments-stack';
import { ManagementStack } from './stacks/management-stack';
import { MemberAccountStack } from './stacks/member-account-stack';

export function buildStacks(app: App, ir: ResolvedModel): void {
  const management = ir.units.filter((u) => u.kind === 'management');
  if (management.length !== 1) throw new Error(`expected one management unit, found ${management.length}`);
  const managementStack = new ManagementStack(app, management[0].name, { ir, unit: management[0] });

  const membersByAccount = new Map<string, TerraformStack>();
  for (const unit of ir.units.filter((u) => u.kind === 'member')) {
    const stack = new MemberAccountStack(app, unit.name, { ir, unit });
    stack.addDependency(managementStack);
    membersByAccount.set(unit.accountId, stack);
  }

  const accountOf = new Map(ir.assignments.map((a) => [a.key, a.accountId]));
  for (const unit of ir.units.filter((u) => u.kind === 'assignments')) {
    const stack = new AssignmentsStack(app, unit.name, { ir, unit });
    stack.addDependency(managementStack);
    const accounts = new Set(unit.assignmentKeys.map((k) => accountOf.get(k)));
    // Member stacks in IR order, so the manifest lists dependencies the same way every run.
    for (const [accountId, member] of membersByAccount) {
      if (accounts.has(accountId)) stack.addDependency(member);
    }
  }
}
