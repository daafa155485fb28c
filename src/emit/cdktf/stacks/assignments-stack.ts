/**
 * One shard of account assignments. It reads what it needs by name — permission set ARNs, group
 * and user ids — instead of referencing the management stack, so shards deploy on their own and
 * adding an assignment changes only the shard that holds it.
 *
 * The provider, backend and instance look-up are constructs; the look-ups and assignments, which
 * are nearly all of an enterprise organization's blocks, are written as JSON at synthesis
 * (private/assignment-blocks.ts explains why, and how they stay identical to constructs').
 */
import { type AssignmentsUnit, unitAssignments } from '../../../model';
import { Construct } from '../cdktf';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { assignmentBlocks, checkPrincipals, type AssignmentBlocksInput } from '../private/assignment-blocks';
import { GeneratedStack, type WrittenBlocks } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { configureStack, unitProvider, type UnitStackConfig } from '../private/stack-setup';

/** The model and the unit this stack deploys (see UnitStackConfig). */
export type AssignmentsStackConfig = UnitStackConfig<AssignmentsUnit>;

/** The stack of an assignments unit: account assignments, looking up the groups, users and permission sets they name. */
export class AssignmentsStack extends GeneratedStack {
  private readonly input: AssignmentBlocksInput;

  constructor(scope: Construct, id: string, config: AssignmentsStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    configureStack(this, unit, ir.deployment.backend, config.configureBackend);
    unitProvider(this, ir.identityCenter.region, unit);

    const assignments = unitAssignments(ir, unit);
    const instance = IdentityCenterInstance.of(this, ir);
    // Read now: it creates the instance look-up (a construct) when the model names no instance.
    const { instanceArn, identityStoreId } = instance.jsonText;
    this.input = { stack: this.node.id, instanceArn, identityStoreId, assignments, groups: ir.groups, users: ir.users };
    // A model problem fails while building, as a construct would; the blocks are rendered at
    // synthesis, so no stack keeps its blocks in memory before or after.
    checkPrincipals(this.input);
  }

  /** The look-ups and assignments, rendered at synthesis (plain JSON: nothing left to resolve). */
  protected override writtenBlocks(): WrittenBlocks {
    return assignmentBlocks(this.input);
  }
}
