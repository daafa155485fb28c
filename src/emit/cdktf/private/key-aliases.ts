/**
 * Key ARNs read by alias, for stacks that use a key the management stack creates without sharing
 * its state: one `data aws_kms_alias` per key, under `KeyAlias/<key>`, made on first use.
 */
import type { ResolvedKey } from '../../../model';
import { AwsProvider, Construct, DataAwsKmsAlias } from '../cdktf';
import { constructId, namespace } from './namespace';

export function keyAliasLookups(
  scope: Construct,
  keys: readonly ResolvedKey[],
  provider?: AwsProvider | (() => AwsProvider),
): (keyName: string) => DataAwsKmsAlias {
  const aliases = new Map<string, DataAwsKmsAlias>();
  return (name) => {
    let found = aliases.get(name);
    if (!found) {
      const key = keys.find((k) => k.name === name);
      if (!key) throw new Error(`policy names key ${name}, which is not in the model`);
      found = new DataAwsKmsAlias(namespace(scope, 'KeyAlias'), constructId(key.name), {
        provider: typeof provider === 'function' ? provider() : provider,
        name: key.alias,
      });
      aliases.set(name, found);
    }
    return found;
  };
}
