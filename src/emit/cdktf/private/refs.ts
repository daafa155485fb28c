/**
 * How each stack answers the IR's PolicyRefs: the table of ref kinds (policy/refs.ts) with this
 * stack's Terraform expressions for the apply-time values, joined into one string token.
 */
import { partitionOf, type PolicyRef, type ResolvedModel } from '../../../model';
import type { DataAwsKmsAlias } from '../cdktf';
import { refParts, type ApplyTimeValue } from '../../../policy';
import type { PolicyRefResolver } from './policy-json';

export interface RefTargets {
  /** Management account id: identity store ARNs and all-Region key ARNs name it. */
  readonly managementAccountId: string;
  /** The partition of the Identity Center Region, for the ARNs built here. */
  readonly partition: string;
  /** Terraform expression of the primary key ARN. */
  keyArn(keyName: string): string;
  /** Terraform expression of the key id (`mrk-…` for multi-Region keys). */
  keyId(keyName: string): string;
  instanceArn(): string;
  identityStoreId(): string;
}

export function refResolver(t: RefTargets): PolicyRefResolver {
  const value = (v: ApplyTimeValue, ref: PolicyRef): string => {
    switch (v) {
      case 'key-arn':
        return t.keyArn(ref.key!);
      case 'key-id':
        return t.keyId(ref.key!);
      case 'instance-arn':
        return t.instanceArn();
      case 'identity-store-id':
        return t.identityStoreId();
    }
  };
  return (ref) =>
    refParts(ref, t)
      .map((p) => (typeof p === 'string' ? p : value(p.value, ref)))
      .join('');
}

/**
 * The resolver of a stack that reads the keys by alias (member and permission-sets stacks): key
 * ARNs and ids from the alias look-ups, the instance's values from its construct.
 */
export function aliasRefResolver(
  ir: ResolvedModel,
  alias: (keyName: string) => DataAwsKmsAlias,
  instance: { readonly instanceArn: string; readonly identityStoreId: string },
): PolicyRefResolver {
  return refResolver({
    managementAccountId: ir.organization.managementAccountId,
    partition: partitionOf(ir.identityCenter.region),
    keyArn: (name) => alias(name).targetKeyArn,
    keyId: (name) => alias(name).targetKeyId,
    instanceArn: () => instance.instanceArn,
    identityStoreId: () => instance.identityStoreId,
  });
}
