/**
 * Reading key policy statements in the model's terms: principals, and policy documents as AWS
 * returns them (statements compare by meaning through policy's statementKey).
 *
 * Principals are read from `Principal.AWS` and from `aws:PrincipalArn` conditions: an account root
 * (or `arn:aws:iam::<id>:*`) becomes `accountRoot`, an `AWSReservedSSO_<name>_*` role becomes a
 * permission set in its account, any other role stays a role ARN. What cannot be expressed (IAM
 * users, accounts outside the organization) is reported as a note.
 */
import { compareKeys, type PrincipalInput, isConcreteRoleArn, parsePermissionSetRoleArn, wholeAccountOf, type StatementJson } from '../model';
import { conditionValues, parsePolicyJson, toArray } from '../policy';

export interface PrincipalContext {
  /** Account id → model account name. */
  readonly accountNames: ReadonlyMap<string, string>;
  readonly permissionSets: ReadonlySet<string>;
  readonly notes: string[];
}

/** Model principals of a statement; `keyName` and the statement's Sid name it in notes. */
export function statementPrincipals(s: StatementJson, ctx: PrincipalContext, keyName: string): PrincipalInput[] {
  const arns: string[] = [];
  if (s.Principal && s.Principal !== '*') arns.push(...toArray(s.Principal.AWS).filter((v): v is string => typeof v === 'string'));
  const conditioned = conditionValues(s, 'aws:PrincipalArn').filter((x): x is string => typeof x === 'string');
  // With aws:PrincipalArn the condition names the principals; the Principal (account roots) only scopes it.
  const source = conditioned.length > 0 ? conditioned : arns;
  const out = new Map<string, PrincipalInput>();
  for (const arn of source) {
    const p = toPrincipal(arn, ctx);
    if (p) out.set(JSON.stringify(p), p);
    else
      ctx.notes.push(
        `key ${keyName}: principal ${arn} in statement ${s.Sid ?? '(no sid)'} cannot be written in the model; the generated key policy will not include it`,
      );
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

/** Parse a policy document as AWS returns it (JSON text); throws naming the policy when the text is not a JSON object. */
export function parsePolicy(text: string, what: string): Record<string, unknown> {
  const parsed = parsePolicyJson(text);
  if ('doc' in parsed) return parsed.doc;
  throw new Error(`${what} is not a json policy document: ${text.slice(0, 80)}`);
}
