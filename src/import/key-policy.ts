/**
 * Read an existing key policy back into the model's terms: key administrators and principals.
 *
 * A statement that allows `kms:PutKeyPolicy` (directly or through `kms:*` / `kms:Put*`) names key
 * administrators. Principals are read from `Principal.AWS` and from `aws:PrincipalArn` conditions:
 * an account root becomes `accountRoot`, an `AWSReservedSSO_<name>_*` role becomes a permission
 * set in its account, any other role stays a role ARN. What cannot be expressed (IAM users, `*`
 * without conditions, accounts outside the organization) is reported as a note.
 */
import { compareKeys } from '../model/ir';
import type { PrincipalInput, UseCaseInput } from '../model/schema';
import { parsePolicy } from './policy-json';

export interface KeyPolicyContext {
  readonly accountNames: ReadonlyMap<string, string>;
  readonly permissionSets: ReadonlySet<string>;
  readonly notes: string[];
}

export interface KeyPolicyReading {
  readonly administrators: readonly PrincipalInput[];
  readonly useCases: readonly UseCaseInput[];
  readonly profile?: 'baseline' | 'least-privilege';
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: '*' | { AWS?: string | string[]; Service?: string | string[] };
  Action?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const ADMIN_ACTIONS = new Set(['kms:*', 'kms:put*', 'kms:putkeypolicy']);
/** `arn:<partition>:iam::<account>:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<ps>_<suffix>` */
const SSO_ROLE = /^arn:[\w-]+:iam::(\d{12}):role\/aws-reserved\/sso\.amazonaws\.com\/(?:[^/]+\/)?AWSReservedSSO_(.+)_[^_]*$/;
const ROOT = /^arn:[\w-]+:iam::(\d{12}):root$/;
const ROLE = /^arn:[\w-]+:iam::\d{12}:role\/.+$/;

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

export function readKeyPolicy(text: string, ctx: KeyPolicyContext, keyName: string): KeyPolicyReading {
  const doc = parsePolicy(text, `key policy of ${keyName}`);
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]) as Statement[];
  const administrators = new Map<string, PrincipalInput>();
  for (const s of statements) {
    if (s.Effect !== 'Allow') continue;
    const actions = list(s.Action).map((a) => a.toLowerCase());
    if (!actions.some((a) => ADMIN_ACTIONS.has(a))) continue;
    for (const p of statementPrincipals(s, ctx, keyName)) administrators.set(JSON.stringify(p), p);
  }
  return { administrators: [...administrators].sort(([a], [b]) => compareKeys(a, b)).map(([, p]) => p), useCases: [] };
}

/** Model principals of a statement, from Principal.AWS and aws:PrincipalArn conditions. */
export function statementPrincipals(s: Statement, ctx: KeyPolicyContext, keyName: string): PrincipalInput[] {
  const arns: string[] = [];
  if (s.Principal && s.Principal !== '*') arns.push(...list(s.Principal.AWS));
  const conditioned: string[] = [];
  for (const block of Object.values(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(block)) if (k.toLowerCase() === 'aws:principalarn') conditioned.push(...list(v));
  }
  // With aws:PrincipalArn the condition names the principals; the Principal (often an account root) only scopes it.
  const source = conditioned.length > 0 ? conditioned : arns;
  const out: PrincipalInput[] = [];
  for (const arn of source) {
    const p = toPrincipal(arn, ctx);
    if (p) out.push(p);
    else ctx.notes.push(`key ${keyName}: principal ${arn} in statement ${s.Sid ?? '(no sid)'} cannot be written in the model; the generated key policy will not include it`);
  }
  return out;
}

function toPrincipal(arn: string, ctx: KeyPolicyContext): PrincipalInput | undefined {
  const bareAccount = /^\d{12}$/.test(arn) ? arn : undefined;
  const root = ROOT.exec(arn)?.[1] ?? bareAccount;
  if (root !== undefined) {
    const account = ctx.accountNames.get(root);
    return account === undefined ? undefined : { accountRoot: account };
  }
  const sso = SSO_ROLE.exec(arn);
  if (sso) {
    const account = ctx.accountNames.get(sso[1]);
    if (account !== undefined && ctx.permissionSets.has(sso[2])) return { permissionSet: sso[2], account };
    return undefined;
  }
  return ROLE.test(arn) && !arn.includes('*') ? { role: arn } : undefined;
}
