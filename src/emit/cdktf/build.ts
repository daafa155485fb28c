/**
 * The IR → one CDKTF stack per deployment unit, named after the unit. Stack dependencies order
 * `cdktf deploy '*'`; they come from the model's unit order (src/model/unit-graph.ts), the same
 * one `hcl/units.json` and `hcl/atlantis.yaml` are written from.
 */
import { type ResolvedModel, unitOrder } from '../../model';
import { App, TerraformStack } from './cdktf';
import type { BackendConfigurer } from './private/stack-setup';
import { ApplicationsStack } from './stacks/applications-stack';
import { AssignmentsStack } from './stacks/assignments-stack';
import { IdentityStoreStack } from './stacks/identity-store-stack';
import { ManagementStack } from './stacks/management-stack';
import { MemberAccountStack } from './stacks/member-account-stack';
import { PermissionSetsStack } from './stacks/permission-sets-stack';

/** Adds one stack per unit of the model to `app`, with their dependencies; returns them by unit name. */
export interface BuildOptions {
  /** Sets up each stack's backend instead of the model's. @default the model's backend */
  readonly configureBackend?: BackendConfigurer;
  /** Called after each stack is built: for progress lines on long runs. */
  readonly onStack?: (done: number, total: number) => void;
  /**
   * Units not built: each is an empty stack of its name, so the manifest and the dependencies are
   * the whole app's (synthCdktf then takes their files from the previous output).
   */
  readonly skip?: ReadonlySet<string>;
}

export function buildStacks(app: App, ir: ResolvedModel, opts: BuildOptions = {}): ReadonlyMap<string, TerraformStack> {
  const order = unitOrder(ir);
  const stacks = new Map<string, TerraformStack>();
  const { configureBackend, onStack, skip } = opts;
  for (const unit of ir.units) {
    if (skip?.has(unit.name)) {
      stacks.set(unit.name, new TerraformStack(app, unit.name));
      onStack?.(stacks.size, ir.units.length);
      continue;
    }
    switch (unit.kind) {
      case 'management':
        stacks.set(unit.name, new ManagementStack(app, unit.name, { ir, unit, configureBackend }));
        break;
      case 'member':
        stacks.set(unit.name, new MemberAccountStack(app, unit.name, { ir, unit, configureBackend }));
        break;
      case 'permission-sets':
        stacks.set(unit.name, new PermissionSetsStack(app, unit.name, { ir, unit, configureBackend }));
        break;
      case 'identity-store':
        stacks.set(unit.name, new IdentityStoreStack(app, unit.name, { ir, unit, configureBackend }));
        break;
      case 'assignments':
        stacks.set(unit.name, new AssignmentsStack(app, unit.name, { ir, unit, configureBackend }));
        break;
      case 'applications':
        stacks.set(unit.name, new ApplicationsStack(app, unit.name, { ir, unit, configureBackend }));
        break;
    }
    onStack?.(stacks.size, ir.units.length);
  }
  // Dependencies in IR order (management first), so the manifest lists them the same way every run.
  const position = new Map(ir.units.map((u, i) => [u.name, i]));
  for (const unit of ir.units) {
    const deps = [...(order.dependsOn.get(unit.name) ?? [])].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    for (const d of deps) (stacks.get(unit.name) as TerraformStack).addDependency(stacks.get(d) as TerraformStack);
  }
  return stacks;
}
