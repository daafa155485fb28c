/**
 * The `keys:` entry for the customer managed key Identity Center uses, and its import resources.
 *
 * KMS metadata (alias, description, multi-Region, replicas, rotation, tags) maps one to one. The
 * key policy does not: the model describes a key policy by its use cases and idcgen generates the
 * statements. `readKeyPolicy` recognises the statements idcgen itself generates (by Sid) and the
 * key administrators; anything else is reported as a note, because the first plan will replace it.
 */
import { compareKeys } from '../model/ir';
import type { KeyInput } from '../model/schema';
import type { EstateKey } from './estate';
import { readKeyPolicy } from './key-policy';
import { ImportResourceType as T, type ImportResource } from './plan';

export interface KeyContext {
  readonly region: string;
  /** Account id → model account name. */
  readonly accountNames: ReadonlyMap<string, string>;
  readonly permissionSets: ReadonlySet<string>;
  readonly resources: ImportResource[];
  readonly notes: string[];
}

const HANDLE_CHARS = /[^A-Za-z0-9._-]+/g;

/** The model name of a key: its first alias without `alias/`, as a handle; `identity-center` without one. */
export function keyName(key: EstateKey): string {
  const alias = customerAliases(key)[0];
  const base = alias ? alias.slice('alias/'.length).replace(HANDLE_CHARS, '-').replace(/^[^A-Za-z0-9]+|-+$/g, '') : '';
  return base === '' ? 'identity-center' : base;
}

/** Aliases the customer made (AWS reserves `alias/aws/` for its own keys). */
function customerAliases(key: EstateKey): string[] {
  return key.aliases.filter((a) => !a.startsWith('alias/aws/')).sort(compareKeys);
}

export function keyEntry(key: EstateKey, ctx: KeyContext): KeyInput {
  const name = keyName(key);
  const aliases = customerAliases(key);
  ctx.resources.push({ type: T.KMS_KEY, key: name, identity: { key: name }, id: key.keyId });
  ctx.resources.push({ type: T.KMS_KEY_POLICY, key: name, identity: { key: name }, id: key.keyId });
  if (aliases.length > 0) ctx.resources.push({ type: T.KMS_ALIAS, key: name, identity: { key: name, alias: aliases[0] }, id: aliases[0] });
  if (aliases.length > 1) {
    ctx.notes.push(`key ${name} has ${aliases.length} aliases (${aliases.join(', ')}); the model keeps ${aliases[0]} and leaves the others unmanaged`);
  }
  const replicaRegions = key.replicaRegions.filter((r) => r !== ctx.region);
  for (const region of replicaRegions) {
    ctx.resources.push({ type: T.KMS_REPLICA_KEY, key: `${name}/${region}`, identity: { key: name, region }, id: key.keyId, region });
  }

  const policy = readKeyPolicy(key.policy, ctx, name);
  const out: KeyInput = { name };
  if (aliases.length > 0) out.alias = aliases[0];
  if (key.description) out.description = key.description;
  out.multiRegion = key.multiRegion;
  out.rotation = { enabled: key.rotationEnabled, ...(key.rotationEnabled && key.rotationPeriodDays !== undefined ? { periodDays: key.rotationPeriodDays } : {}) };
  if (policy.administrators.length > 0) out.administrators = [...policy.administrators];
  if (policy.profile) out.policyProfile = policy.profile;
  if (replicaRegions.length > 0) out.replicaRegions = replicaRegions;
  if (policy.useCases.length > 0) out.useCases = [...policy.useCases];
  if (Object.keys(key.tags).length > 0) out.tags = Object.fromEntries(Object.entries(key.tags).sort(([a], [b]) => compareKeys(a, b)));
  return out;
}
