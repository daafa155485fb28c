/**
 * What each PolicyRef kind is made of: literal ARN text around the values only Terraform knows at
 * apply time. Both emitters build their PolicyRef → Terraform expression resolver from this one
 * table (emit/cdktf/private/refs.ts, emit/hcl/view-common.ts), so a kind cannot mean one thing in
 * HCL and another in CDKTF, and a new kind fails to compile here until it says what it is.
 */
import { identityStoreArnPrefix, keyArnAllRegionsPrefix, type PolicyRef, type PolicyRefKind } from '../model';

/** A value Terraform knows at apply time; `key-*` values are of the ref's key. */
export type ApplyTimeValue = 'key-arn' | 'key-id' | 'instance-arn' | 'identity-store-id';

/** Literal text, or an apply-time value. */
export type RefPart = string | { readonly value: ApplyTimeValue };

/** What the literal parts are built from. */
export interface RefContext {
  /** The account of the keys and the identity store. */
  readonly managementAccountId: string;
  readonly partition: string;
}

interface RefKind {
  /** Whether the ref names a key (`ref.key`). */
  readonly ofKey: boolean;
  readonly parts: (ctx: RefContext) => readonly RefPart[];
}

export const POLICY_REF_KINDS: { readonly [K in PolicyRefKind]: RefKind } = {
  'key-arn': { ofKey: true, parts: () => [{ value: 'key-arn' }] },
  // Replicas of a multi-Region key share its key id: `arn:<partition>:kms:*:<account>:key/<id>` covers them all.
  'key-arn-all-regions': { ofKey: true, parts: (c) => [keyArnAllRegionsPrefix(c.managementAccountId, c.partition), { value: 'key-id' }] },
  'instance-arn': { ofKey: false, parts: () => [{ value: 'instance-arn' }] },
  'identity-store-arn': { ofKey: false, parts: (c) => [identityStoreArnPrefix(c.managementAccountId, c.partition), { value: 'identity-store-id' }] },
};

/** The parts of a ref, in order. Throws for a key ref that names no key (an IR bug). */
export function refParts(ref: PolicyRef, ctx: RefContext): readonly RefPart[] {
  if (POLICY_REF_KINDS[ref.ref].ofKey && !ref.key) throw new Error(`policy ref ${ref.ref} names no key`);
  return POLICY_REF_KINDS[ref.ref].parts(ctx);
}
