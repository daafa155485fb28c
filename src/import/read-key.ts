/**
 * Read the customer managed key Identity Center uses: metadata, replicas, rotation, aliases, tags
 * and the key policy. Read-only, paginated, through the Caller like every other request.
 */
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type KMSClient,
  ListAliasesCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { compareKeys } from '../model';
import { tagRecord, type Caller, type ImportClients } from './aws';
import type { EstateKey } from './estate';

export async function readKey(clients: ImportClients, caller: Caller, KeyId: string): Promise<EstateKey> {
  const kms = clients.kms;
  const d = await caller.call('kms', 'DescribeKey', () => kms.send(new DescribeKeyCommand({ KeyId })));
  const meta = d.KeyMetadata;
  if (!meta?.KeyId || !meta.Arn) throw new Error(`DescribeKey returned no key metadata for ${KeyId}`);
  const policy = await caller.call('kms', 'GetKeyPolicy', () => kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' })));
  const rotation = await caller.call('kms', 'GetKeyRotationStatus', () => kms.send(new GetKeyRotationStatusCommand({ KeyId })));
  /** The sorted alias names of a key, as one KMS client (Region) lists them. */
  const aliasNames = async (client: KMSClient, key: string): Promise<string[]> => {
    const found = await caller.all('kms', 'ListAliases', async (Marker) => {
      const r = await client.send(new ListAliasesCommand({ KeyId: key, Marker }));
      return { items: r.Aliases, next: r.Truncated ? r.NextMarker : undefined };
    });
    return found
      .map((a) => a.AliasName ?? '')
      .filter((n) => n !== '')
      .sort(compareKeys);
  };
  const aliases = await aliasNames(kms, meta.KeyId);
  // Aliases are Regional: each replica's alias (idcgen gives it the primary's) is listed in its own Region.
  const replicas = (meta.MultiRegionConfiguration?.ReplicaKeys ?? []).filter((r) => r.Region && r.Arn);
  const replicaAliases: Record<string, string[]> = {};
  for (const replica of [...replicas].sort((a, b) => compareKeys(a.Region as string, b.Region as string))) {
    replicaAliases[replica.Region as string] = await aliasNames(clients.kmsIn(replica.Region as string), replica.Arn as string);
  }
  const tags = await caller.all('kms', 'ListResourceTags', async (Marker) => {
    const r = await kms.send(new ListResourceTagsCommand({ KeyId, Marker }));
    return { items: r.Tags, next: r.Truncated ? r.NextMarker : undefined };
  });
  return {
    keyId: meta.KeyId,
    arn: meta.Arn,
    ...(meta.Description ? { description: meta.Description } : {}),
    multiRegion: meta.MultiRegion === true,
    replicaRegions: (meta.MultiRegionConfiguration?.ReplicaKeys ?? [])
      .map((r) => r.Region ?? '')
      .filter((r) => r !== '')
      .sort(compareKeys),
    rotationEnabled: rotation.KeyRotationEnabled === true,
    ...(rotation.RotationPeriodInDays !== undefined ? { rotationPeriodDays: rotation.RotationPeriodInDays } : {}),
    aliases,
    replicaAliases,
    tags: tagRecord(tags),
    policy: policy.Policy ?? '{}',
  };
}
