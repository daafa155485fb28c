/**
 * Construct IDs are part of the output contract (they become Terraform addresses), so they come
 * from model names, nested one name per level instead of joined into one string, so that two
 * different pairs of names cannot produce the same joined ID.
 */
import { Construct } from '../cdktf';

/** The child scope `id` of `scope`, created on first use. */
export function namespace(scope: Construct, id: string): Construct {
  const existing = scope.node.tryFindChild(id);
  if (existing) {
    if (!(existing instanceof Construct)) throw new Error(`construct ${scope.node.path}/${id} is not a scope`);
    return existing;
  }
  return new Construct(scope, id);
}

/** Nested scopes, one per path element: `namespaceAt(s, ['GROUP', 'Admins'])` is s/GROUP/Admins. */
export function namespaceAt(scope: Construct, path: readonly string[]): Construct {
  return path.reduce(namespace, scope);
}
