/**
 * `moved` blocks of a root: from the addresses an earlier idcgen gave the same model's objects to
 * the one-to-one addresses it gives now (private/names.ts), so upgrading idcgen moves state instead
 * of replacing keys or memberships. Only names that were not plain have a move; most models have
 * none. Terraform ignores a move whose old address is not in state.
 * @see https://developer.hashicorp.com/terraform/language/moved
 */
import { compareKeys, type ResolvedGroup, type ResolvedModel } from '../../model';
import { hclString } from './private/escape';
import { keyIdentifier, membershipKey, movedBlocks, previousKeyIdentifiers, previousMembershipKey, replicaIdentifier, type MovedView } from './private/names';

/** Key and replica modules of the management root. */
export function keyMoves(ir: ResolvedModel): MovedView[] {
  const previous = previousKeyIdentifiers(ir.keys.map((k) => k.name));
  const pairs = ir.keys.flatMap((k) => {
    const from = previous.get(k.name) as string;
    const to = keyIdentifier(k.name);
    return [{ from, to }, ...k.replicaRegions.map((r) => ({ from: replicaIdentifier(from, r), to: replicaIdentifier(to, r) }))];
  });
  return movedBlocks(pairs).map((m) => ({ from: `module.${m.from}`, to: `module.${m.to}` }));
}

/** Memberships of the groups an identity-store module call creates. */
export function membershipMoves(groups: readonly ResolvedGroup[]): MovedView[] {
  const at = (key: string): string => `module.identity_store.aws_identitystore_group_membership.this[${hclString(key)}]`;
  const pairs = groups
    .filter((g) => !g.external)
    .flatMap((g) => g.members.map((u) => ({ from: previousMembershipKey(g.name, u), to: membershipKey(g.name, u) })));
  return movedBlocks(pairs)
    .map((m) => ({ from: at(m.from), to: at(m.to) }))
    .sort((a, b) => compareKeys(a.from, b.from));
}
