/**
 * Reading key policy statements in the model's terms: principals, and a normal form to compare
 * statements by meaning rather than by text (KMS keeps a policy as written, so a single action
 * may be a string or a one-element list, and list order carries no meaning).
 *
 * Principals are read from `Principal.AWS` and from `aws:PrincipalArn` conditions: an account root
 * (or `arn:aws:iam::<id>:*`) becomes `accountRoot`, an `AWSReservedSSO_<name>_*` role becomes a
 * permission set in its account, any other role stays a role ARN. What cannot be expressed (IAM
 * users, accounts outside the organization) is reported as a note.
 */
import { compareKeys, type PrincipalInput, isConcreteRoleArn, parsePermissionSetRoleArn, wholeAccountOf, type StatementJson } from '../model';

export interface PrincipalContext {
  /** Account id → model account name. */
  readonly accountNames: ReadonlyMap<string, string>;
  readonly permissionSets: ReadonlySet<string>;
  readonly notes: string[];
}


export function list<T>(v: T | readonly T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? [...(v as readonly T[])] : [v as T];
}

/** Model principals of a statement; `keyName` and the statement's Sid name it in notes. */
export function statementPrincipals(s: StatementJson, ctx: PrincipalContext, keyName: string): PrincipalInput[] {
  const arns: string[] = [];
  if (s.Principal && s.Principal !== '*') arns.push(...list(s.Principal.AWS).filter((v): v is string => typeof v === 'string'));
  const conditioned: string[] = [];
  for (const block of Object.values(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(block)) {
      if (k.toLowerCase() === 'aws:principalarn') conditioned.push(...list(v).filter((x): x is string => typeof x === 'string'));
    }
  }
  // With aws:PrincipalArn the condition names the principals; the Principal (account roots) only scopes it.
  const source = conditioned.length > 0 ? conditioned : arns;
  const out = new Map<string, PrincipalInput>();
  for (const arn of source) {
    const p = toPrincipal(arn, ctx);
    if (p) out.set(JSON.stringify(p), p);
    else ctx.notes.push(`key ${keyName}: principal ${arn} in statement ${s.Sid ?? '(no sid)'} cannot be written in the model; the generated key policy will not include it`);
  }
  return [...out].sort(([a], [b]) => compareKeys(a, b)).map(([, p]) => p);
}

function toPrincipal(arn: string, ctx: PrincipalContext): PrincipalInput | undefined {
  const accountId = wholeAccountOf(arn) ?? (/^\d{12}$/.test(arn) ? arn : undefined);
  if (accountId !== undefined) {
    const account = ctx.accountNames.get(accountId);
    return account === undefined ? undefined : { accountRoot: account };
  }
  const sso = parsePermissionSetRoleArn(arn);
  if (sso) {
    const account = ctx.accountNames.get(sso.accountId);
    return account !== undefined && ctx.permissionSets.has(sso.permissionSet) ? { permissionSet: sso.permissionSet, account } : undefined;
  }
  return isConcreteRoleArn(arn) ? { role: arn } : undefined;
}

/** A statement in a normal form: every value list sorted, single values as one-element lists. */
export function normalStatement(s: StatementJson, opts: { withSid: boolean }): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm).map((x) => JSON.stringify(x)).sort(compareKeys);
    if (typeof v === 'string') return [JSON.stringify(v)];
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([k]) => opts.withSid || k !== 'Sid')
          .sort(([a], [b]) => compareKeys(a, b))
          .map(([k, x]) => [k, k === 'Sid' || k === 'Effect' || k === 'Version' ? x : norm(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(norm(s));
}

/** The statements of a policy document given as JSON text or object. */
export function statementsOf(doc: Record<string, unknown>): StatementJson[] {
  return list(doc.Statement as StatementJson | StatementJson[] | undefined);
}
