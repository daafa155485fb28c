// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
/**
 * A small, conservative evaluator of KMS requests against a key policy and identity policies, for
 * review/explain (who can administer a key) and the `encryption enable` pre-flight (may the caller
 * switch the instance). It answers in three values: `yes`, `no`, and `maybe` whenever the answer
 * depends on something it was not told (a context key whose value is unknown, an operator it does
 * not implement, an identity policy whose content is unknown). Callers read `maybe` the safe way:
 * "possibly able to administer" in a review, "cannot confirm" (a warning) in a pre-flight.
 *
 * KMS's own rule (kms/latest/developerguide/key-policy-modifying-external-accounts.html): a
 * principal of the key's account is allowed by a key policy statement that names it (or `*`)
 * alone, or by one that names its account root together with its IAM policies; a principal of
 * another account needs both a key policy grant and its IAM policies. An explicit Deny anywhere
 * wins. SCPs, RCPs, permissions boundaries and session policies only narrow, and are not modelled.
 */
import { ACCOUNT_ROOT_ARN, iamPrincipalIdentity, type PolicyDocumentJson, type StatementJson } from '../model';
import { actionMatches, arnLike, globMatch, toArray } from './json';

export type Tri = 'yes' | 'maybe' | 'no';

export function triOr(a: Tri, b: Tri): Tri {
  return a === 'yes' || b === 'yes' ? 'yes' : a === 'maybe' || b === 'maybe' ? 'maybe' : 'no';
}
export function triAnd(a: Tri, b: Tri): Tri {
  return a === 'no' || b === 'no' ? 'no' : a === 'maybe' || b === 'maybe' ? 'maybe' : 'yes';
}
export function triNot(a: Tri): Tri {
  return a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'maybe';
}

/**
 * A condition key's value in the request: a string or a list (multivalued keys), or `null` when
 * the request does not carry the key. A key missing from the map has an unknown value.
 */
export type ContextValue = string | readonly string[] | null;

export interface KmsRequest {
  /** Role, user or account root ARN, or a service principal (`sso.amazonaws.com`). */
  readonly principal: string;
  /** The principal's account; absent for a service principal. */
  readonly accountId?: string;
  readonly action: string;
  /** The key ARN. */
  readonly resource: string;
  /** Condition keys (any case) and their values. */
  readonly context: Readonly<Record<string, ContextValue>>;
}

/**
 * An identity policy, or one whose content is unknown: it may allow anything and is taken to deny
 * nothing, so what it adds is an upper bound of power (the question review asks).
 */
export type IdentityPolicy = { readonly name: string; readonly document: PolicyDocumentJson } | { readonly name: string; readonly unknown: true };

export interface Decision {
  readonly decision: Tri;
  /** Sids (or `statement N`) of key policy Allow statements that match (yes or maybe). */
  readonly keyStatements: readonly string[];
  /** Names of identity policies with a matching Allow (yes or maybe). */
  readonly identityPolicies: readonly string[];
  /** True when the key policy grant that matched names the principal's account root, so its IAM policies decide. */
  readonly throughAccountRoot: boolean;
}

/** KMS's decision on one request. `keyAccountId` is the account that owns the key. */
export function kmsDecision(keyPolicy: PolicyDocumentJson, identityPolicies: readonly IdentityPolicy[], req: KmsRequest, keyAccountId: string): Decision {
  let direct: Tri = 'no';
  let viaRoot: Tri = 'no';
  let keyDeny: Tri = 'no';
  const keyStatements: string[] = [];
  keyPolicy.Statement.forEach((s, i) => {
    const who = principalMatch(s, req);
    if (who.tri === 'no') return;
    const m = triAnd(who.tri, statementMatch(s, req));
    if (m === 'no') return;
    if (s.Effect === 'Deny') {
      keyDeny = triOr(keyDeny, m);
      return;
    }
    keyStatements.push(s.Sid ?? `statement ${i + 1}`);
    if (who.root) viaRoot = triOr(viaRoot, m);
    else direct = triOr(direct, m);
  });
  const identity = identityDecision(identityPolicies, req);
  const sameAccount = req.accountId !== undefined && req.accountId === keyAccountId;
  const allow = sameAccount || req.accountId === undefined ? triOr(direct, triAnd(viaRoot, identity.allow)) : triAnd(triOr(direct, viaRoot), identity.allow);
  return {
    decision: triAnd(allow, triNot(triOr(keyDeny, identity.deny))),
    keyStatements,
    identityPolicies: identity.allowedBy,
    throughAccountRoot: direct === 'no' && viaRoot !== 'no',
  };
}

/** What identity policies alone say: an Allow matches (yes/maybe), a Deny matches (yes/maybe). */
export function identityDecision(policies: readonly IdentityPolicy[], req: KmsRequest): { allow: Tri; deny: Tri; allowedBy: string[] } {
  let allow: Tri = 'no';
  let deny: Tri = 'no';
  const allowedBy: string[] = [];
  for (const p of policies) {
    if ('unknown' in p) {
      allow = triOr(allow, 'maybe');
      allowedBy.push(p.name);
      continue;
    }
    let mine: Tri = 'no';
    for (const s of p.document.Statement) {
      const m = statementMatch(s, req);
      if (s.Effect === 'Deny') deny = triOr(deny, m);
      else mine = triOr(mine, m);
    }
    if (mine !== 'no') allowedBy.push(p.name);
    allow = triOr(allow, mine);
  }
  return { allow, deny, allowedBy };
}

/**
 * Which actions of `actions` (e.g. every KMS action from iam-data) the identity policies allow on
 * the request's resource with its context: `yes` where surely, `maybe` where possibly. The one
 * place that answers "what KMS actions does this identity policy allow", for key power here and
 * for anyone who needs it.
 */
export function actionsAllowedByIdentityPolicies(
  policies: readonly IdentityPolicy[],
  actions: readonly string[],
  req: Omit<KmsRequest, 'action'>,
): { readonly allowed: string[]; readonly possible: string[] } {
  const allowed: string[] = [];
  const possible: string[] = [];
  for (const action of actions) {
    const d = identityDecision(policies, { ...req, action });
    const t = triAnd(d.allow, triNot(d.deny));
    if (t === 'yes') allowed.push(action);
    else if (t === 'maybe') possible.push(action);
  }
  return { allowed, possible };
}

/** Whether a key policy statement's principal is the requester: directly (or `*`), through its account root, or not. */
function principalMatch(s: StatementJson, req: KmsRequest): { tri: Tri; root: boolean } {
  if (s.NotPrincipal !== undefined) return { tri: 'maybe', root: false };
  const p = s.Principal;
  if (p === undefined) return { tri: 'no', root: false };
  if (p === '*') return { tri: 'yes', root: false };
  if (toArray(p.Service).some((svc) => svc === req.principal)) return { tri: 'yes', root: false };
  let root = false;
  for (const v of toArray(p.AWS)) {
    if (typeof v !== 'string') return { tri: 'maybe', root: false };
    if (v === '*') return { tri: 'yes', root: false };
    const account = /^\d{12}$/.test(v) ? v : ACCOUNT_ROOT_ARN.exec(v)?.[2];
    if (account !== undefined) {
      // the account's root user is the account principal itself: no IAM policy involved
      if (ACCOUNT_ROOT_ARN.exec(req.principal)?.[2] === account) return { tri: 'yes', root: false };
      if (account === req.accountId) root = true;
    } else if (sameIamPrincipal(v, req.principal)) return { tri: 'yes', root: false };
  }
  return root ? { tri: 'yes', root: true } : { tri: 'no', root: false };
}

/** IAM role and user names are unique in an account whatever their path: compare account, type and name. */
function sameIamPrincipal(a: string, b: string): boolean {
  const id = (arn: string) => {
    const p = iamPrincipalIdentity(arn);
    return p ? `${p.partition}:${p.account}:${p.type}:${p.name}` : undefined;
  };
  const x = id(a);
  return x !== undefined && x === id(b);
}

/** Action, Resource and Condition of a statement against the request (the principal is checked separately). */
export function statementMatch(s: StatementJson, req: KmsRequest): Tri {
  const actionHit = (patterns: readonly string[]) => patterns.some((p) => actionMatches(p, req.action));
  if (s.Action !== undefined && !actionHit(toArray(s.Action))) return 'no';
  if (s.NotAction !== undefined && actionHit(toArray(s.NotAction))) return 'no';
  if (s.Action === undefined && s.NotAction === undefined) return 'no';
  const resourceHit = (values: readonly unknown[]): Tri =>
    values.reduce<Tri>((acc, r) => triOr(acc, typeof r !== 'string' ? 'maybe' : globMatch(r, req.resource, false) ? 'yes' : 'no'), 'no');
  let t: Tri = 'yes';
  if (s.Resource !== undefined) t = triAnd(t, resourceHit(toArray(s.Resource)));
  if (s.NotResource !== undefined) t = triAnd(t, triNot(resourceHit(toArray(s.NotResource))));
  if (t === 'no') return 'no';
  for (const [op, keys] of Object.entries(s.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      t = triAnd(
        t,
        conditionMatch(
          op,
          key,
          toArray(values).map((v) => (typeof v === 'string' ? v : undefined)),
          req.context,
        ),
      );
      if (t === 'no') return 'no';
    }
  }
  return t;
}

const NEGATED = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike']);

function lookup(context: KmsRequest['context'], key: string): ContextValue | undefined {
  const k = key.toLowerCase();
  for (const [name, v] of Object.entries(context)) if (name.toLowerCase() === k) return v;
  return undefined;
}

/** One condition operator and key (IAM condition operators, set operators and IfExists). */
export function conditionMatch(operator: string, key: string, policyValues: readonly (string | undefined)[], context: KmsRequest['context']): Tri {
  const set = /^(ForAnyValue|ForAllValues):/.exec(operator)?.[1];
  let op = set ? operator.slice(set.length + 1) : operator;
  const ifExists = op.endsWith('IfExists');
  if (ifExists) op = op.slice(0, -'IfExists'.length);
  const value = lookup(context, key);
  if (value === undefined) return 'maybe';
  if (op === 'Null') {
    const wantsAbsent = policyValues.map((v) => v?.toLowerCase());
    const absent = value === null;
    return wantsAbsent.includes(String(absent)) ? 'yes' : wantsAbsent.every((v) => v !== undefined) ? 'no' : 'maybe';
  }
  if (value === null) {
    if (ifExists || set === 'ForAllValues') return 'yes';
    if (set === 'ForAnyValue') return 'no';
    return NEGATED.has(op) ? 'yes' : 'no';
  }
  const negated = NEGATED.has(op);
  const base = negated ? op.replace('Not', '') : op;
  const one = (ctx: string): Tri => policyValues.reduce<Tri>((acc, pv) => triOr(acc, matchValue(base, ctx, pv, context)), 'no');
  const ctxValues = toArray(value as string | string[]);
  const each = ctxValues.map((c) => (negated ? triNot(one(c)) : one(c)));
  if (set === 'ForAllValues') return each.reduce<Tri>((acc, t) => triAnd(acc, t), 'yes');
  return each.reduce<Tri>((acc, t) => triOr(acc, t), 'no');
}

/** One request value against one policy value, with policy variables (`${aws:PrincipalAccount}`) filled from the request. */
function matchValue(op: string, ctx: string, raw: string | undefined, context: KmsRequest['context']): Tri {
  if (raw === undefined) return 'maybe';
  let unknown = false;
  const pv = raw.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name === '*' || name === '?' || name === '$') return name;
    const v = lookup(context, name);
    if (typeof v === 'string') return v;
    unknown = true;
    return whole;
  });
  if (unknown) return 'maybe';
  switch (op) {
    case 'StringEquals':
      return ctx === pv ? 'yes' : 'no';
    case 'StringEqualsIgnoreCase':
      return ctx.toLowerCase() === pv.toLowerCase() ? 'yes' : 'no';
    case 'StringLike':
      return globMatch(pv, ctx, false) ? 'yes' : 'no';
    case 'ArnEquals':
    case 'ArnLike':
      return arnLike(pv, ctx) ? 'yes' : 'no';
    case 'Bool':
      return ctx.toLowerCase() === pv.toLowerCase() ? 'yes' : 'no';
    default:
      // Numeric, Date, IpAddress, Binary: not needed for KMS key policies; never guessed.
      return 'maybe';
  }
}
