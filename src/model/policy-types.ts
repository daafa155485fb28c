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
export type PolicyValues = PolicyValue | PolicyValue[];

export type PrincipalJson = '*' | { AWS?: PolicyValues; Service?: string | string[] };

export interface StatementJson {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PrincipalJson;
  NotPrincipal?: PrincipalJson;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: PolicyValues;
  NotResource?: PolicyValues;
  /** operator → condition key → value(s) */
  Condition?: Record<string, Record<string, PolicyValues>>;
}

export interface PolicyDocumentJson {
  Version: '2012-10-17';
  Id?: string;
  Statement: StatementJson[];
}

export function isPolicyRef(v: unknown): v is PolicyRef {
  return typeof v === 'object' && v !== null && typeof (v as PolicyRef).ref === 'string';
}
