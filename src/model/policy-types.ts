/**
 * Wire shapes of IAM policy documents as they appear in the resolved model (IR).
 *
 * Values that are only known at apply time (the key ARN, the instance ARN when it is looked up)
 * are `PolicyRef` objects. Every emitter resolves them to its own expression; `renderPolicy()` in
 * render.ts turns them into literal strings for simulation, review and tests.
 */

/** A value known only to Terraform: each emitter renders it as a reference. */
export interface PolicyRef {
  readonly ref: PolicyRefKind;
  /** The key name (for key refs). */
  readonly key?: string;
}

export type PolicyRefKind =
  /** arn:aws:kms:<region>:<acct>:key/<id> of the primary key */
  | 'key-arn'
  /** arn:aws:kms:*:<acct>:key/<id>: the primary key and all its multi-Region replicas */
  | 'key-arn-all-regions'
  /** arn:aws:sso:::instance/ssoins-… */
  | 'instance-arn'
  /** arn:aws:identitystore::<acct>:identitystore/d-… */
  | 'identity-store-arn';

export type PolicyValue = string | PolicyRef;
export type PolicyValues = PolicyValue | readonly PolicyValue[];

export type PrincipalJson = '*' | { readonly AWS?: PolicyValues; readonly Service?: string | readonly string[] };

export interface StatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PrincipalJson;
  readonly NotPrincipal?: PrincipalJson;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: PolicyValues;
  readonly NotResource?: PolicyValues;
  /** operator → condition key → value(s) */
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, PolicyValues>>>>;
}

/** A statement while a builder fills it in: the same shape, writable (documents in the IR are readonly). */
export type StatementDraft = { -readonly [K in keyof StatementJson]: StatementJson[K] };

/** Condition operators → keys → values, while a builder fills them in. */
export type ConditionDraft = Record<string, Record<string, PolicyValues>>;

export interface PolicyDocumentJson {
  readonly Version: '2012-10-17';
  readonly Id?: string;
  readonly Statement: readonly StatementJson[];
}

export function isPolicyRef(v: unknown): v is PolicyRef {
  return typeof v === 'object' && v !== null && typeof (v as PolicyRef).ref === 'string';
}
