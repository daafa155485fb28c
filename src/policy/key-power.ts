/**
 * Effective key power: what each principal the model knows can really do with a key, in three
 * words a reviewer reads at a glance:
 * - `administer`: change the key policy, schedule deletion or disable the key (ACTIONS.guarded);
 * - `use via Identity Center`: encrypt and generate data keys through Identity Center or Identity
 *   Store, as Identity Center administrators do;
 * - `decrypt`: decrypt only.
 * It is the key policy together with the principal's identity policies (evaluate.ts, KMS's rule),
 * not the key policy alone: where a key policy grants an account root `kms:*` (baseline), a
 * permission set with AdministratorAccess in that account administers the key.
 *
 * Principals: every permission set where it is assigned (its role exists), every role and account
 * root the key names, and the deployer. Their identity policies: a permission set's inline policy
 * (as generated), its AWS managed policies (catalog/aws-managed-kms.ts; one the catalog does not
 * know is taken as possibly allowing anything) and its customer managed policies (the document the
 * model gives, else unknown); a role's generated key identity policy, and its other IAM policies as
 * unknown. Unknowns make a power possible, not certain (`certain: false`). Permissions boundaries,
 * SCPs and session policies only narrow and are left out, so the answer errs on the side of power.
 */
import {
  compareKeys,
  isPolicyUnit,
  type KeyPrincipalRef,
  type ResolvedKey,
  type ResolvedModel,
  type ResolvedPermissionSet,
  accountRootArn,
  identityStoreArn,
  instanceArn,
  keyArn,
  partitionOf,
  PERMISSION_SET_ROLE,
  permissionSetRoleArn,
  type PolicyDocumentJson,
} from '../model';
import { ACTIONS, CONDITION_KEYS, EC_CONDITION, ENCRYPTION_CONTEXT_KEYS } from './catalog/aws';
import { AWS_MANAGED_KMS, AWS_MANAGED_WITHOUT_KMS } from './catalog/aws-managed-kms';
import { kmsDecision, triOr, type ContextValue, type IdentityPolicy, type Tri } from './evaluate';
import { renderPolicy, type PolicyRefValues } from './render';

export const KEY_POWER_LEVELS = ['administer', 'use via Identity Center', 'decrypt'] as const;
export type KeyPowerLevel = (typeof KEY_POWER_LEVELS)[number];

export interface KeyPower {
  readonly key: string;
  /** `permission set <name>`, `role <arn>`, `deployer <arn>` or `account root`. */
  readonly principal: string;
  readonly kind: 'permission-set' | 'role' | 'deployer' | 'account';
  readonly accountName: string;
  readonly accountId: string;
  readonly power: KeyPowerLevel;
  /** False when the power depends on what idcgen cannot see (IAM policies outside the model, request conditions). */
  readonly certain: boolean;
  /** The probe actions allowed at that level, sorted. */
  readonly actions: readonly string[];
  /** Where it comes from: `key policy <Sid>`, `inline policy`, `managed policy <name>`, `customer managed policy <path+name>`, `IAM policies outside the model`. Sorted. */
  readonly through: readonly string[];
}

const PROBES: Record<KeyPowerLevel, { actions: readonly string[]; via: readonly ('none' | 'sso' | 'identityStore')[] }> = {
  administer: { actions: ACTIONS.guarded, via: ['none'] },
  // What the administrators' use adds to decrypting (encrypting new identity data), from the catalog.
  'use via Identity Center': {
    actions: ACTIONS.adminUse.filter((a) => !(ACTIONS.decrypt as readonly string[]).includes(a)).sort(),
    via: ['sso', 'identityStore'],
  },
  decrypt: { actions: ACTIONS.decrypt, via: ['none', 'sso', 'identityStore'] },
};

const UNKNOWN_IAM = 'IAM policies outside the model';

interface Policies {
  readonly identity: readonly IdentityPolicy[];
  /** Account ids its identity policies name (aws:PrincipalAccount conditions): the answer may differ there. */
  readonly namedAccounts: ReadonlySet<string>;
}

interface Subject extends Policies {
  readonly principal: string;
  readonly kind: KeyPower['kind'];
  /**
   * Its ARN, built when it is evaluated: most permission-set placements share the answer of
   * another placement of the same permission set (tens of thousands at enterprise size), and only
   * the first one evaluated needs an ARN.
   */
  arn(): string;
  readonly accountName: string;
  readonly accountId: string;
}

/** Every principal's effective power on `key`, strongest first, then by principal and account. */
export function keyPower(ir: ResolvedModel, key: ResolvedKey): KeyPower[] {
  const ctx = evaluationContext(ir, key);
  // Grouped by power and principal as found, then each group sorted by account: the order of
  // sorting the whole list by power, principal and account, for a fraction of the comparisons
  // (a permission set is placed in hundreds of accounts).
  const groups = new Map<string, { power: number; principal: string; found: KeyPower[] }>();
  const cache = new Map<string, Omit<KeyPower, 'accountName' | 'accountId'> | null>();
  for (const s of subjects(ir, key, ctx.values)) {
    // A permission set's answer depends on the account only where some policy names that account.
    const id = s.kind === 'permission-set' && !ctx.significant(s) ? `${s.principal}\u0000other` : `${s.principal}\u0000${s.accountId}`;
    if (!cache.has(id)) cache.set(id, evaluateSubject(ir, key, ctx, s));
    const found = cache.get(id);
    if (!found) continue;
    const group = `${found.power}\u0000${found.principal}`;
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { power: KEY_POWER_LEVELS.indexOf(found.power), principal: found.principal, found: [] }));
    g.found.push({ ...found, accountName: s.accountName, accountId: s.accountId });
  }
  return [...groups.values()]
    .sort((a, b) => a.power - b.power || compareKeys(a.principal, b.principal))
    .flatMap((g) => g.found.sort((a, b) => compareKeys(a.accountName, b.accountName)));
}

interface EvaluationContext {
  readonly keyPolicy: PolicyDocumentJson;
  readonly keyArn: string;
  readonly instanceArn: string;
  readonly identityStoreArn: string;
  readonly values: PolicyRefValues;
  significant(s: Subject): boolean;
}

/** Refs replaced by stand-in values (the same ones the requests carry), as lint does for sizes. */
function evaluationContext(ir: ResolvedModel, key: ResolvedKey): EvaluationContext {
  const mgmt = ir.organization.managementAccountId;
  const partition = partitionOf(ir.identityCenter.region);
  const keyArnValue = keyArn(ir.identityCenter.region, mgmt, `${key.multiRegion ? 'mrk-' : ''}${'0'.repeat(32)}`, partition);
  const instance = ir.identityCenter.instanceArn ?? instanceArn(`ssoins-${'0'.repeat(16)}`, partition);
  const storeArn = identityStoreArn(mgmt, ir.identityCenter.identityStoreId ?? `d-${'0'.repeat(10)}`, partition);
  const values: PolicyRefValues = { keyArns: Object.fromEntries(ir.keys.map((k) => [k.name, keyArnValue])), instanceArn: instance, identityStoreArn: storeArn };
  const keyPolicy = renderPolicy(key.keyPolicy, values);
  const named = new Set(JSON.stringify(keyPolicy).match(/\d{12}/g) ?? []);
  named.add(mgmt);
  return {
    keyPolicy,
    keyArn: keyArnValue,
    instanceArn: instance,
    identityStoreArn: storeArn,
    values,
    significant: (s) => named.has(s.accountId) || s.namedAccounts.has(s.accountId),
  };
}

function subjects(ir: ResolvedModel, key: ResolvedKey, values: PolicyRefValues): Subject[] {
  const out: Subject[] = [];
  const region = ir.identityCenter.region;
  const partition = partitionOf(region);
  // Each permission set once per account it is assigned in (keyPower sorts what it returns).
  const placed = new Map<string, Map<string, string>>();
  for (const a of ir.assignments) {
    let accounts = placed.get(a.permissionSet);
    if (!accounts) placed.set(a.permissionSet, (accounts = new Map()));
    accounts.set(a.accountName, a.accountId);
  }
  const byName = new Map(ir.permissionSets.map((p) => [p.name, p]));
  const suffix = '0'.repeat(PERMISSION_SET_ROLE.suffixLength);
  for (const [ps, accounts] of placed) {
    const identity = permissionSetPolicies(ir, byName.get(ps), values);
    const policies: Policies = {
      identity,
      namedAccounts: new Set(identity.flatMap((p) => ('document' in p ? (JSON.stringify(p.document).match(/\d{12}/g) ?? []) : []))),
    };
    const principal = `permission set ${ps}`;
    for (const [accountName, accountId] of accounts) {
      const arn = () => permissionSetRoleArn(accountId, region, ps, suffix, partition);
      out.push({ principal, kind: 'permission-set', arn, accountName, accountId, identity: policies.identity, namedAccounts: policies.namedAccounts });
    }
  }
  const seen = new Set<string>();
  const named = (p: KeyPrincipalRef, kind: 'role' | 'deployer' | 'account'): void => {
    if (p.kind === 'permission-set') return;
    const arn = p.kind === 'role' ? p.arn : accountRootArn(p.accountId, partition);
    if (seen.has(`${kind}\u0000${arn}`)) return;
    seen.add(`${kind}\u0000${arn}`);
    const generated: IdentityPolicy[] =
      p.kind === 'role'
        ? key.identityPolicies
            .filter((ip) => ip.accountId === p.accountId && ip.attachToRoles.includes(p.roleName))
            .map((ip) => ({ name: `${ip.accountName}/${ip.policyName}`, document: renderPolicy(ip.document, values) }))
        : [];
    out.push({
      principal: kind === 'account' ? 'account root' : `${kind} ${arn}`,
      kind,
      arn: () => arn,
      accountName: p.accountName,
      accountId: p.accountId,
      identity: [...generated, { name: UNKNOWN_IAM, unknown: true }],
      namedAccounts: new Set(),
    });
  };
  for (const u of key.principals) named(u.principal, u.principal.kind === 'account' ? 'account' : 'role');
  const deployer = ir.deployment.deployer;
  if (deployer !== undefined) {
    const roleName = deployer.slice(deployer.lastIndexOf('/') + 1);
    named(
      { kind: 'role', arn: deployer, roleName, accountId: ir.organization.managementAccountId, accountName: ir.organization.managementAccountName },
      'deployer',
    );
  }
  return out;
}

/** A permission set's identity policies as evaluate.ts takes them. */
function permissionSetPolicies(ir: ResolvedModel, ps: ResolvedPermissionSet | undefined, values: PolicyRefValues): IdentityPolicy[] {
  if (!ps) return [];
  const out: IdentityPolicy[] = [];
  if (ps.inlinePolicy) out.push({ name: 'inline policy', document: renderPolicy(ps.inlinePolicy, values) });
  for (const arn of ps.managedPolicyArns) {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const statements = AWS_MANAGED_KMS[name];
    if (statements) out.push({ name: `managed policy ${name}`, document: { Version: '2012-10-17', Statement: [...statements] } });
    else if (!AWS_MANAGED_WITHOUT_KMS.has(name)) out.push({ name: `managed policy ${name} (not in the catalog)`, unknown: true });
  }
  for (const ref of ps.customerManagedPolicies) {
    const doc = ir.units
      .filter(isPolicyUnit)
      .flatMap((u) => u.customerManagedPolicies)
      .find((c) => c.name === ref.name && c.path === ref.path)?.document;
    const name = `customer managed policy ${ref.path}${ref.name}`;
    out.push(doc ? { name, document: doc } : { name, unknown: true });
  }
  return out;
}

function evaluateSubject(ir: ResolvedModel, key: ResolvedKey, ctx: EvaluationContext, subject: Subject): Omit<KeyPower, 'accountName' | 'accountId'> | null {
  const s = { ...subject, arn: subject.arn() };
  for (const power of KEY_POWER_LEVELS) {
    let decision: Tri = 'no';
    const actions = new Set<string>();
    const through = new Set<string>();
    for (const action of PROBES[power].actions) {
      for (const via of PROBES[power].via) {
        const d = kmsDecision(
          ctx.keyPolicy,
          s.identity,
          { principal: s.arn, accountId: s.accountId, action, resource: ctx.keyArn, context: requestContext(ir, ctx, s, action, via) },
          ir.organization.managementAccountId,
        );
        if (d.decision === 'no') continue;
        decision = triOr(decision, d.decision);
        actions.add(action);
        for (const sid of d.keyStatements) through.add(`key policy ${sid}`);
        // IAM policies count where the key policy hands over to them (account root, other account);
        // unknown ones are named only when the answer rests on them.
        if (d.throughAccountRoot || s.accountId !== ir.organization.managementAccountId) {
          for (const p of d.identityPolicies) if (d.decision === 'maybe' || !s.identity.some((x) => x.name === p && 'unknown' in x)) through.add(p);
        }
      }
    }
    if (decision !== 'no') {
      return {
        key: key.name,
        principal: s.principal,
        kind: s.kind,
        power,
        certain: decision === 'yes',
        actions: [...actions].sort(compareKeys),
        through: [...through].sort(compareKeys),
      };
    }
  }
  return null;
}

/** What AWS puts in the request context of a call by `s`; keys it cannot know stay out (unknown). */
function requestContext(
  ir: ResolvedModel,
  ctx: EvaluationContext,
  s: Omit<Subject, 'arn'> & { arn: string },
  action: string,
  via: 'none' | 'sso' | 'identityStore',
): Record<string, ContextValue> {
  const region = ir.identityCenter.region;
  const crypto = action !== 'kms:PutKeyPolicy' && action !== 'kms:ScheduleKeyDeletion' && action !== 'kms:DisableKey';
  const context: Record<string, ContextValue> = {
    [CONDITION_KEYS.principalArn]: s.arn,
    [CONDITION_KEYS.principalAccount]: s.accountId,
    [CONDITION_KEYS.principalOrgId]: ir.organization.id,
    [CONDITION_KEYS.principalIsAwsService]: 'false',
    [CONDITION_KEYS.callerAccount]: s.accountId,
    'aws:ResourceAccount': ir.organization.managementAccountId,
    'aws:ResourceOrgID': ir.organization.id,
    [CONDITION_KEYS.sourceAccount]: null,
    [CONDITION_KEYS.sourceArn]: null,
    [CONDITION_KEYS.sourceOrgId]: null,
    [CONDITION_KEYS.viaService]: via === 'none' ? null : `${via === 'sso' ? 'sso' : 'identitystore'}.${region}.amazonaws.com`,
  };
  if (!crypto) {
    context[CONDITION_KEYS.encryptionContextKeys] = null;
    context[EC_CONDITION.instanceArn] = null;
    context[EC_CONDITION.identityStoreArn] = null;
  } else if (via === 'sso') {
    context[CONDITION_KEYS.encryptionContextKeys] = [ENCRYPTION_CONTEXT_KEYS.instanceArn];
    context[EC_CONDITION.instanceArn] = ctx.instanceArn;
    context[EC_CONDITION.identityStoreArn] = null;
  } else if (via === 'identityStore') {
    context[CONDITION_KEYS.encryptionContextKeys] = [ENCRYPTION_CONTEXT_KEYS.identityStoreArn];
    context[EC_CONDITION.identityStoreArn] = ctx.identityStoreArn;
    context[EC_CONDITION.instanceArn] = null;
  }
  return context;
}
