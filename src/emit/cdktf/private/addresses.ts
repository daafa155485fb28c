/**
 * The Terraform addresses of a stack's blocks, checked when the stack is synthesized.
 *
 * - cdktf merges two blocks that get one logical id into one, silently (the second overwrote the
 *   first): here that is an error naming both construct paths. Construct ids are one to one
 *   (construct-ids.ts), so this guards the rule rather than an expected case.
 * - A resource whose path holds a name that constructId encodes had another address before; a
 *   `moved` block from that address keeps its state. Where several resources had one address (the
 *   collision this fixed), Terraform held the last one written, and the move goes to it. No move is
 *   written from an address a block of the stack still has.
 * @see https://developer.hashicorp.com/terraform/language/moved
 */
import { compareKeys } from '../../../model';
import { Construct, TerraformDataSource, TerraformResource, TerraformStack } from '../cdktf';
import { previousLogicalId } from './construct-ids';

export interface Address {
  readonly kind: 'resource' | 'data';
  readonly type: string;
  readonly logicalId: string;
  /** Construct ids below the stack. */
  readonly components: readonly string[];
}

export interface Moved {
  readonly from: string;
  readonly to: string;
}

/** Resources and data sources built as constructs in `stack`, in synthesis order. */
export function constructAddresses(stack: TerraformStack): Address[] {
  const out: Address[] = [];
  for (const node of stack.node.findAll()) {
    const data = TerraformDataSource.isTerraformDataSource(node);
    if (!data && !TerraformResource.isTerraformResource(node)) continue;
    const scopes = node.node.scopes;
    const components = scopes.slice(scopes.indexOf(stack) + 1).map((c: Construct) => c.node.id);
    out.push({ kind: data ? 'data' : 'resource', type: node.terraformResourceType, logicalId: node.friendlyUniqueId, components });
  }
  return out;
}

/** Throws if two blocks share an address; returns the moves from resources' previous addresses. */
export function checkAddresses(stackName: string, addresses: readonly Address[]): Moved[] {
  const seen = new Map<string, string>();
  for (const a of addresses) {
    const address = `${a.kind === 'data' ? 'data.' : ''}${a.type}.${a.logicalId}`;
    const path = [stackName, ...a.components].join('/');
    const other = seen.get(address);
    if (other !== undefined) throw new Error(`${address} is the address of two blocks, ${other} and ${path}`);
    seen.set(address, path);
  }

  const survivors = new Map<string, Address>();
  for (const a of addresses) {
    if (a.kind !== 'resource') continue;
    const previous = a.components.some((c) => c.includes('%')) ? previousLogicalId(a.components) : a.logicalId;
    survivors.set(`${a.type}.${previous}`, a);
  }
  const moves: Moved[] = [];
  for (const [from, a] of survivors) {
    const to = `${a.type}.${a.logicalId}`;
    if (from !== to && !seen.has(from)) moves.push({ from, to });
  }
  return moves.sort((x, y) => compareKeys(x.from, y.from));
}
