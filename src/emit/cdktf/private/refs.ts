/**
 * How each stack answers the IR's PolicyRefs. One switch for every stack, so a new ref kind fails
 * to compile here instead of rendering as `[object Object]` somewhere.
 */
import { identityStoreArn, keyArnAllRegions, type PolicyRef } from '../../../model';
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

export function isKeyRef(ref: PolicyRef): boolean {
  return ref.ref === 'key-arn' || ref.ref === 'key-arn-all-regions';
}

export function refResolver(t: RefTargets): PolicyRefResolver {
  const keyName = (ref: PolicyRef): string => {
    if (!ref.key) throw new Error(`policy ref ${ref.ref} names no key`);
    return ref.key;
  };
  return (ref) => {
    switch (ref.ref) {
      case 'key-arn':
        return t.keyArn(keyName(ref));
      case 'key-arn-all-regions':
        return keyArnAllRegions(t.managementAccountId, t.keyId(keyName(ref)), t.partition);
      case 'instance-arn':
        return t.instanceArn();
      case 'identity-store-arn':
        return identityStoreArn(t.managementAccountId, t.identityStoreId(), t.partition);
    }
  };
}
