/**
 * The key policy invariants, written here from the AWS documentation rather than borrowed from the
 * policy engine or its lint, so the properties do not grade idcgen with its own code:
 *
 * - Identity Center (sso.amazonaws.com) and the Identity Store (identitystore.amazonaws.com) may
 *   each call every action the instance needs on the key
 *   (identity-center-customer-managed-keys.html, baseline key policy);
 * - some named AWS principal (not "*", not limited to calls through a service) may change the key
 *   policy (kms:PutKeyPolicy), or the key is locked out of management (KMS lockout);
 * - every Allow statement for "Principal": "*" names the organization or account it admits with
 *   aws:PrincipalOrgID, aws:SourceOrgID, aws:SourceAccount or aws:PrincipalAccount, with a value
 *   that is not a wildcard.
 *
 * Each check returns the problems found (empty = the invariant holds), for readable failures.
 */

type Json = unknown;
interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: Json;
  Action?: Json;
  Condition?: Record<string, Record<string, Json>>;
}
export interface KeyPolicy {
  Statement: Statement[];
}

export const SERVICE_ACTIONS = ['kms:Decrypt', 'kms:ReEncryptTo', 'kms:ReEncryptFrom', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:DescribeKey'];
export const SERVICES = ['sso.amazonaws.com', 'identitystore.amazonaws.com'];
export const ORG_OR_ACCOUNT_KEYS = ['aws:PrincipalOrgID', 'aws:SourceOrgID', 'aws:SourceAccount', 'aws:PrincipalAccount'];

const list = (v: Json): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(action);
}

const grants = (s: Statement, action: string) => s.Effect === 'Allow' && list(s.Action).some((a) => typeof a === 'string' && actionMatches(a, action));

function principalsOf(s: Statement, kind: 'AWS' | 'Service'): Json[] {
  if (s.Principal === '*') return kind === 'AWS' ? ['*'] : [];
  if (s.Principal === null || typeof s.Principal !== 'object') return [];
  return list((s.Principal as Record<string, Json>)[kind]);
}

const isAnyone = (s: Statement) => principalsOf(s, 'AWS').includes('*');

/** Condition values under `key` in any operator (condition keys are case-insensitive). */
function conditionValues(s: Statement, key: string): Json[] {
  return Object.values(s.Condition ?? {}).flatMap((byKey) =>
    Object.entries(byKey)
      .filter(([k]) => k.toLowerCase() === key.toLowerCase())
      .flatMap(([, v]) => list(v)),
  );
}

export function serviceStatementProblems(policy: KeyPolicy): string[] {
  return SERVICES.flatMap((service) =>
    SERVICE_ACTIONS.filter((action) => !policy.Statement.some((s) => principalsOf(s, 'Service').includes(service) && grants(s, action))).map(
      (action) => `${service} may not call ${action}`,
    ),
  );
}

export function keyAdministratorProblems(policy: KeyPolicy): string[] {
  const admins = policy.Statement.filter(
    (s) => grants(s, 'kms:PutKeyPolicy') && !isAnyone(s) && principalsOf(s, 'AWS').length > 0 && conditionValues(s, 'kms:ViaService').length === 0,
  );
  return admins.length > 0 ? [] : ['no named principal may call kms:PutKeyPolicy'];
}

/**
 * A value scopes the statement when it is concrete: a literal without wildcards, or a reference
 * (an object in the IR, `${...}` in rendered Terraform) that Terraform fills with a real id.
 */
const concrete = (v: Json) => (typeof v === 'string' ? v !== '' && (!v.includes('*') || /^\$\{[^}]+\}$/.test(v)) : v !== null && typeof v === 'object');

export function principalStarProblems(policy: KeyPolicy): string[] {
  return policy.Statement.filter((s) => s.Effect === 'Allow' && isAnyone(s))
    .filter((s) => !ORG_OR_ACCOUNT_KEYS.some((k) => conditionValues(s, k).some(concrete)))
    .map((s) => `statement ${s.Sid ?? '(no sid)'} allows "Principal": "*" without ${ORG_OR_ACCOUNT_KEYS.join(' / ')}`);
}

export function keyPolicyProblems(policy: KeyPolicy): string[] {
  return [...serviceStatementProblems(policy), ...keyAdministratorProblems(policy), ...principalStarProblems(policy)];
}
