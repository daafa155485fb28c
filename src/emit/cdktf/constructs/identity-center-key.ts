/**
 * The customer managed key Identity Center uses: a symmetric ENCRYPT_DECRYPT key in the management
 * account and the Identity Center Region, its key policy as a separate resource, its alias, and one
 * replica per replica Region carrying the same policy.
 *
 * - The policy is an `aws_kms_key_policy`, never also `policy` on the key: setting both makes the
 *   two overwrite each other, and a separate resource lets the key exist before its principals.
 * - KMS does not copy a key policy to replicas; a replica without `policy` gets the default policy,
 *   so each replica is given the same text explicitly.
 * - Destroying the key or its policy takes Identity Center down (destroying the policy resets the key
 *   to the default policy), so both refuse to be destroyed.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
 */
import type { ResolvedKey } from '../../../model';
import { AwsProvider, Construct, KmsAlias, KmsKey, KmsKeyPolicy, KmsReplicaKey } from '../cdktf';
import { namespace } from '../private/namespace';
import { policyJson } from '../private/policy-json';
import { refResolver, type RefTargets } from '../private/refs';
import { KEY_SPEC } from '../../../policy';

/** Props of {@link IdentityCenterKey}. */
export interface IdentityCenterKeyProps {
  readonly key: ResolvedKey;
  /** One provider per replica Region (shared by every key in the stack), by Region. */
  readonly replicaProviders: ReadonlyMap<string, AwsProvider>;
  /** The stack's apply-time values for the key policy's refs (this key's own come from its resource). */
  readonly refTargets: RefTargets;
}

/** The customer managed KMS key for Identity Center: key, key policy, alias and multi-Region replicas, protected from deletion. */
export class IdentityCenterKey extends Construct {
  readonly kmsKey: KmsKey;
  readonly keyPolicy: KmsKeyPolicy;
  readonly alias: KmsAlias;
  /** By Region, sorted. */
  readonly replicas: ReadonlyMap<string, KmsReplicaKey>;
  /** The primary's alias name on each replica, in the replica's Region; by Region, sorted. */
  readonly replicaAliases: ReadonlyMap<string, KmsAlias>;

  constructor(scope: Construct, id: string, props: IdentityCenterKeyProps) {
    super(scope, id);
    const { key } = props;
    const tags = Object.keys(key.tags).length > 0 ? { ...key.tags } : undefined;

    this.kmsKey = new KmsKey(this, 'Key', {
      description: key.description,
      keyUsage: KEY_SPEC.keyUsage,
      customerMasterKeySpec: KEY_SPEC.customerMasterKeySpec,
      multiRegion: key.multiRegion,
      enableKeyRotation: key.rotation.enabled,
      // The provider rejects a rotation period on a key without rotation.
      rotationPeriodInDays: key.rotation.enabled ? key.rotation.periodDays : undefined,
      deletionWindowInDays: key.deletionWindowDays,
      tags,
      lifecycle: { preventDestroy: true },
    });

    // The policy may name this key itself; the stack's resolver only knows keys built before it.
    const t = props.refTargets;
    const resolve = refResolver({
      ...t,
      keyArn: (name) => (name === key.name ? this.kmsKey.arn : t.keyArn(name)),
      keyId: (name) => (name === key.name ? this.kmsKey.keyId : t.keyId(name)),
    });
    const policy = policyJson(key.keyPolicy, resolve);

    this.keyPolicy = new KmsKeyPolicy(this, 'Policy', {
      keyId: this.kmsKey.keyId,
      policy,
      lifecycle: { preventDestroy: true },
    });

    this.alias = new KmsAlias(this, 'Alias', { name: key.alias, targetKeyId: this.kmsKey.keyId });

    const replicas = new Map<string, KmsReplicaKey>();
    const replicaAliases = new Map<string, KmsAlias>();
    const replicaScope = key.replicaRegions.length > 0 ? namespace(this, 'Replica') : undefined;
    const replicaAliasScope = key.replicaRegions.length > 0 ? namespace(this, 'ReplicaAlias') : undefined;
    for (const region of key.replicaRegions) {
      const provider = props.replicaProviders.get(region);
      if (!provider || !replicaScope || !replicaAliasScope) throw new Error(`no provider for replica Region ${region} of key ${key.name}`);
      const replica = new KmsReplicaKey(replicaScope, region, {
        provider,
        primaryKeyArn: this.kmsKey.arn,
        description: key.description,
        deletionWindowInDays: key.deletionWindowDays,
        policy,
        tags,
        // as the HCL replica module: destroying a replica schedules its deletion (safety rail key-deletion-protection-off)
        lifecycle: { preventDestroy: true },
      });
      replicas.set(region, replica);
      // Aliases are Regional: without its own, a replica has no alias in its Region.
      replicaAliases.set(region, new KmsAlias(replicaAliasScope, region, { provider, name: key.alias, targetKeyId: replica.keyId }));
    }
    this.replicas = replicas;
    this.replicaAliases = replicaAliases;
  }

  /** ARN of the primary key. */
  get arn(): string {
    return this.kmsKey.arn;
  }
}
