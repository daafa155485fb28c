/**
 * The `keys:` entry for the customer managed key Identity Center uses, and its import resources.
 * KMS metadata (alias, description, multi-Region, replicas, rotation, tags) maps one to one; the
 * key policy is read back into administrators, use cases and profile by key-infer.ts.
 */
import { compareKeys, sortedRecord, toHandle, type KeyInput, type StatementJson } from '../model';
import type { EstateKey } from './estate';
import { inferKeyPolicy, type KeyInferContext } from './key-infer';
import { statementsOf } from '../policy';
import { parsePolicy } from './key-policy';
import { ImportResourceType as T, type ImportResource } from './plan';

export interface KeyEntry {
  readonly entry: KeyInput;
  /** Per permission set, the statements idcgen generates for this key (left out of inline policies). */
  readonly generatedInline: ReadonlyMap<string, readonly StatementJson[]>;
}

/** Aliases the customer made (AWS reserves `alias/aws/` for its own keys). */
function customerAliases(key: EstateKey): string[] {
  return key.aliases.filter((a) => !a.startsWith('alias/aws/')).sort(compareKeys);
}

/** The model name of a key: its first alias without `alias/`, as a handle; `identity-center` without one. */
export function keyName(key: EstateKey): string {
  const alias = customerAliases(key)[0];
  const base = alias ? toHandle(alias.slice('alias/'.length)) : '';
  return base === '' ? 'identity-center' : base;
}

export function keyEntry(key: EstateKey, ctx: KeyInferContext, resources: ImportResource[]): KeyEntry {
  const name = keyName(key);
  const aliases = customerAliases(key);
  resources.push({ type: T.KMS_KEY, key: name, identity: { key: name }, id: key.keyId });
  resources.push({ type: T.KMS_KEY_POLICY, key: name, identity: { key: name }, id: key.keyId });
  if (aliases.length > 0) resources.push({ type: T.KMS_ALIAS, key: name, identity: { key: name, alias: aliases[0] }, id: aliases[0] });
  if (aliases.length > 1) {
    ctx.notes.push(`key ${name} has ${aliases.length} aliases (${aliases.join(', ')}); the model keeps ${aliases[0]} and leaves the others unmanaged`);
  }
  const replicaRegions = key.replicaRegions.filter((r) => r !== ctx.region);
  for (const region of replicaRegions) {
    resources.push({ type: T.KMS_REPLICA_KEY, key: `${name}/${region}`, identity: { key: name, region }, id: key.keyId, region });
    // The generated replica carries the primary's alias in its Region; adopt it where it exists.
    if (aliases.length > 0 && (key.replicaAliases[region] ?? []).includes(aliases[0])) {
      resources.push({ type: T.KMS_ALIAS, key: `${name}/${region}`, identity: { key: name, alias: aliases[0], region }, id: aliases[0], region });
    }
  }

  const base: KeyInput = {
    name,
    ...(aliases.length > 0 ? { alias: aliases[0] } : {}),
    ...(key.description ? { description: key.description } : {}),
    multiRegion: key.multiRegion,
    rotation: { enabled: key.rotationEnabled, ...(key.rotationEnabled && key.rotationPeriodDays !== undefined ? { periodDays: key.rotationPeriodDays } : {}) },
    ...(replicaRegions.length > 0 ? { replicaRegions } : {}),
  };
  const statements = statementsOf(parsePolicy(key.policy, `key policy of ${name}`));
  const inferred = inferKeyPolicy(base, key.arn, statements, ctx);
  // The model's key order: identity, KMS settings, who administers, how the policy is built, tags.
  const entry: KeyInput = {
    name,
    ...(base.alias !== undefined ? { alias: base.alias } : {}),
    ...(base.description !== undefined ? { description: base.description } : {}),
    multiRegion: key.multiRegion,
    rotation: base.rotation,
    ...(inferred.administrators.length > 0 ? { administrators: inferred.administrators } : {}),
    ...(inferred.profile !== 'baseline' ? { policyProfile: inferred.profile } : {}),
    ...(replicaRegions.length > 0 ? { replicaRegions } : {}),
    ...(inferred.useCases.length > 0 ? { useCases: inferred.useCases } : {}),
    ...(Object.keys(key.tags).length > 0 ? { tags: sortedRecord(key.tags) } : {}),
  };
  return { entry, generatedInline: inferred.generatedInline };
}
