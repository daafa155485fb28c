/**
 * Construct IDs are part of the output contract (they become Terraform addresses), so they come
 * from model names, nested one name per level instead of joined into one string, so that two
 * different pairs of names cannot produce the same joined ID. Every id goes through constructId,
 * which keeps fixed words and plain names as they are and makes the rest one to one.
 */
import { Construct } from '../cdktf';
import { constructId } from './construct-ids';

/** The child scope `id` (a fixed word or a model name in literal text) of `scope`, created on first use. */
export function namespace(scope: Construct, id: string): Construct {
  const child = constructId(id);
  const existing = scope.node.tryFindChild(child);
  if (existing) {
    if (!(existing instanceof Construct)) throw new Error(`construct ${scope.node.path}/${child} is not a scope`);
    return existing;
  }
  return new Construct(scope, child);
}

/** Nested scopes, one per path element: `namespaceAt(s, ['GROUP', 'Admins'])` is s/GROUP/Admins. */
export function namespaceAt(scope: Construct, path: readonly string[]): Construct {
  return path.reduce(namespace, scope);
}

export { constructId };
