/**
 * The entry point of the construct library: every deployment unit of a model as a stack of a CDKTF
 * app the user owns, so a team composes them with its own code (tags, aspects, a backend of its
 * own) instead of running idcgen's app.
 */
import type { ResolvedModel } from '../../model';
import { buildStacks } from './build';
import type { App, TerraformStack } from './cdktf';
import { withoutCreationStacks } from './private/creation-stacks';
import type { BackendConfigurer } from './private/stack-setup';

/** Props of {@link IdentityCenterStacks}. */
export interface IdentityCenterStacksProps {
  /** The resolved model, from {@link loadModel}. */
  readonly model: ResolvedModel;
  /**
   * Called once per stack to set up its backend, instead of the model's `deployment.backend`.
   * @default the model's backend: S3 with one state key per unit, or a local state file
   */
  readonly configureBackend?: BackendConfigurer;
}

/**
 * Adds one `TerraformStack` per deployment unit of the model to `app`, each named after its unit
 * (`management`, `account-<name>`, `assignments[-<bits>]`, ...), with the stack dependencies that
 * make `cdktf deploy '*'` apply them in order. The stacks hold the constructs this package exports
 * (IdentityCenterKey, PermissionSets, IdentityStore, AccountAssignments, KeyUserPolicies).
 *
 * @example
 * const app = new App();
 * const { model } = loadModel('org.yaml');
 * const stacks = new IdentityCenterStacks(app, { model });
 * Aspects.of(stacks.stack('management')).add(new MyTagging());
 * app.synth();
 */
export class IdentityCenterStacks {
  /** Every stack, by unit name, in the model's unit order (management first). */
  readonly stacks: ReadonlyMap<string, TerraformStack>;

  constructor(app: App, props: IdentityCenterStacksProps) {
    // cdktf records a stack trace per token; off while building (private/creation-stacks.ts).
    this.stacks = withoutCreationStacks(() => buildStacks(app, props.model, { configureBackend: props.configureBackend }));
  }

  /** The stack of one unit; throws naming the units there are when the model has no such unit. */
  stack(unit: string): TerraformStack {
    const stack = this.stacks.get(unit);
    if (!stack) throw new Error(`no deployment unit '${unit}'; units: ${[...this.stacks.keys()].join(', ')}`);
    return stack;
  }
}
