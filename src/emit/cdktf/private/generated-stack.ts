/**
 * The base of every stack idcgen generates: the boundary between cdktf and the `cdk.tf.json` file.
 *
 * Stacks build their constructs from the literal view of the IR (literal-view.ts) with construct
 * ids from constructId (construct-ids.ts). When cdktf asks for the stack's JSON, this class
 * - adds the blocks a stack writes without constructs (the assignment stack's, by writtenBlocks);
 * - checks that no two blocks share an address and adds `moved` blocks from the addresses of names
 *   whose construct id changed (addresses.ts);
 * - turns every string into the template Terraform must read: model text escaped, references
 *   interpolated (terraform-json.ts).
 * A construct id that is not the output of constructId (a raw `Default`, model text with braces)
 * fails the synthesis instead of collapsing into another address.
 */
import { TerraformStack } from '../cdktf';
import { checkAddresses, constructAddresses, type Address } from './addresses';
import { terraformJson } from './terraform-json';

type Block = Record<string, unknown>;
/** `{ data: { <type>: { <logical id>: block } }, resource: { ... } }` */
export type Blocks = Record<'data' | 'resource', Record<string, Record<string, Block>>>;

export interface WrittenBlocks {
  readonly blocks: Blocks;
  /** The address and construct path of each block, in the order written. */
  readonly addresses: readonly Address[];
}

export abstract class GeneratedStack extends TerraformStack {
  /** Blocks written as JSON rather than built from constructs. @default none */
  protected writtenBlocks(): WrittenBlocks | undefined {
    return undefined;
  }

  override toTerraform(): Record<string, unknown> {
    this.checkConstructIds();
    const tf = super.toTerraform() as Record<string, unknown>;
    const written = this.writtenBlocks();
    const moved = checkAddresses(this.node.id, [...constructAddresses(this), ...(written?.addresses ?? [])]);
    for (const kind of ['data', 'resource'] as const) {
      for (const [type, byId] of Object.entries(written?.blocks[kind] ?? {})) {
        const section = (tf[kind] ??= {}) as Record<string, Block>;
        section[type] = { ...(section[type] as Block | undefined), ...byId };
      }
    }
    if (moved.length > 0) tf.moved = moved;
    return terraformJson(tf, this.node.id);
  }

  /**
   * cdktf's HCL output (SYNTH_HCL_OUTPUT=true) bypasses the boundary above: refused. The HCL
   * emitter writes HCL.
   */
  override toHclTerraform(): { hcl: string; metadata: Record<string, unknown> } {
    throw new Error(
      `stack ${this.node.id}: idcgen's stacks synthesize to cdk.tf.json only (unset SYNTH_HCL_OUTPUT); for HCL, use idcgen generate --format hcl`,
    );
  }

  private checkConstructIds(): void {
    for (const c of this.node.findAll()) {
      if (c === this) continue;
      const id = c.node.id;
      if (id === 'Default' || /[{}\uE000]/.test(id)) {
        throw new Error(`construct ${c.node.path} has the raw id ${JSON.stringify(id)}; ids from model names go through constructId()`);
      }
    }
  }
}
