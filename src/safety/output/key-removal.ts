// https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy
/**
 * The key-removed rail. `prevent_destroy` lives in a resource's configuration, so it cannot stop
 * the destruction of a key whose configuration is gone: remove a key (or one replica Region) from
 * the model and the next `terraform apply` schedules its deletion, and whatever Identity Center
 * encrypted with it becomes unreadable when the waiting period ends.
 *
 * `generate` has no base model, but it reads the previous output anyway (to keep Terraform's
 * files): the marker records the keys each run generated (`facts.keys`), and a key or replica the
 * previous run generated that this run does not is refused unless `--allow-unsafe key-removed`.
 *
 * Refusing was chosen over emitting `removed { lifecycle { destroy = false } }`: a removed block
 * must stay until every state it applies to has been planned with it, which generate cannot know,
 * so dropping it on a later run would bring the deletion back; and the refusal reads the same for
 * both emitters and every Terraform version.
 */
import type { ResolvedModel } from '../../model';
import type { PreviousOutput } from '../../write';

/** What the marker records about one generated key. */
export interface KeyFact {
  readonly name: string;
  /** Sorted. */
  readonly replicaRegions: readonly string[];
}

export interface RemovedKey {
  readonly key: string;
  /** The replica Region that is gone; undefined when the whole key is gone. */
  readonly replicaRegion?: string;
}

/** What this run records for the next one. */
export function outputFacts(ir: ResolvedModel): { keys: KeyFact[] } {
  return { keys: ir.keys.map((k) => ({ name: k.name, replicaRegions: [...k.replicaRegions] })) };
}

/** Keys and replica Regions the previous run generated that `ir` does not. */
export function removedKeys(previous: PreviousOutput, ir: ResolvedModel): RemovedKey[] {
  if (previous.kind !== 'manifest') return [];
  const now = new Map(ir.keys.map((k) => [k.name, new Set(k.replicaRegions)]));
  const out: RemovedKey[] = [];
  for (const before of previousKeys(previous.facts)) {
    const regions = now.get(before.name);
    if (regions === undefined) out.push({ key: before.name });
    else for (const r of before.replicaRegions) if (!regions.has(r)) out.push({ key: before.name, replicaRegion: r });
  }
  return out;
}

/** The finding's message, without the rail wording. */
export function removedKeyMessage(r: RemovedKey): string {
  const stop = 'to stop managing it without deleting it, run terraform state rm on its resources in the management unit before you generate';
  if (r.replicaRegion === undefined) {
    return `key '${r.key}' was generated into this output before and is not in the model now, so the next terraform apply would schedule its deletion and identity center data encrypted with it becomes unreadable when the deletion completes; keep the key in the model, or ${stop}`;
  }
  return `key '${r.key}' had a replica in ${r.replicaRegion} in the previous output and replicaRegions no longer lists it, so the next terraform apply would schedule the replica's deletion; keep ${r.replicaRegion} in replicaRegions, or ${stop}`;
}

/** `facts.keys` as recorded by outputFacts; entries of another shape are ignored. */
function previousKeys(facts: unknown): KeyFact[] {
  const keys = (facts as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.filter(
    (k): k is KeyFact =>
      k !== null &&
      typeof k === 'object' &&
      typeof k.name === 'string' &&
      Array.isArray(k.replicaRegions) &&
      k.replicaRegions.every((r: unknown) => typeof r === 'string'),
  );
}
