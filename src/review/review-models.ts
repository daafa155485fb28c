/**
 * reviewModels(base, head): what a change to the org model does to access, keys and deployment
 * units, with risk flags. Pure and deterministic: same two models, same Review.
 */
import { compareKeys, type ResolvedModel, unitOrder } from '../model';
import { adminRisks, productionRisks, renameRisks } from './private/access-risks';
import { applicationAssignmentDelta, applicationRisks, diffApplications } from './private/applications';
import { assignmentDelta, groupAssignments, ouIndex } from './private/assignments';
import { batchUnits } from './private/batches';
import { canonicalJson } from '../policy';
import { diffCustomerManagedPolicies } from './private/customer-policies';
import { diffFields, type Fields } from './private/fields';
import { keyAccess } from './private/key-access';
import { administerRisks, keyRisks } from './private/key-risks';
import { membershipEffects } from './private/membership';
import { diffKeys } from './private/keys';
import { diffPermissionSets } from './private/permission-sets';
import { diffPrincipals } from './private/principals';
import { accountIndex } from './private/production';
import { touchedUnits } from './private/units';
import { keyPower, type KeyPower } from '../policy/power';
import { RISK_SEVERITIES, type KeyAccess, type KeyAccessChange, type KeyPowerChange, type Review, type RiskFlag } from './types';

function settings(ir: ResolvedModel): Fields {
  return [
    ['organization.id', ir.organization.id],
    ['organization.managementAccount', `${ir.organization.managementAccountName} (${ir.organization.managementAccountId})`],
    ['identityCenter.region', ir.identityCenter.region],
    ['identityCenter.instanceArn', ir.identityCenter.instanceArn],
    ['identityCenter.identityStoreId', ir.identityCenter.identityStoreId],
    ['identityCenter.encryption.key', ir.identityCenter.encryptionKey],
    ['identityCenter.encryption.manage', ir.identityCenter.manageEncryption],
    // One field per attribute: a changed source changes the session tag every permission set tests.
    ...(ir.identityCenter.accessControlAttributes ?? []).map((a): [string, string[]] => [`identityCenter.accessControlAttributes.${a.key}`, [...a.sources]]),
    ['deployment.deployer', ir.deployment.deployer],
    ['deployment.roleName', ir.deployment.roleName],
    ['deployment.maxResourcesPerStack', ir.deployment.maxResourcesPerStack],
    ['deployment.backend', canonicalJson(ir.deployment.backend)],
  ];
}

function accessId(e: KeyAccess): string {
  return `${e.key}\u0000${e.principal}`;
}

/** What a principal can do with a key; statement names alone changing is no change in access. */
function accessMeaning(e: KeyAccess): string {
  return canonicalJson({ kind: e.kind, actions: e.actions, via: e.via, identityPolicies: e.identityPolicies });
}

/** Who can use each key of a model, once per model (the review reads it twice). */
const accessCache = new WeakMap<ResolvedModel, KeyAccess[]>();
function modelKeyAccess(ir: ResolvedModel): KeyAccess[] {
  let all = accessCache.get(ir);
  if (!all) accessCache.set(ir, (all = ir.keys.flatMap((k) => keyAccess(k, ir))));
  return all;
}

/** `permission set <name> in <account>` of every principal that may administer a key. */
function keyAdministrators(ir: ResolvedModel): Set<string> {
  return new Set(
    modelKeyAccess(ir)
      .filter((e) => e.kind === 'administrator')
      .map((e) => e.principal),
  );
}

function diffKeyAccess(base: ResolvedModel, head: ResolvedModel): KeyAccessChange[] {
  const all = (ir: ResolvedModel) => new Map(modelKeyAccess(ir).map((e) => [accessId(e), e]));
  const b = all(base);
  const h = all(head);
  const out: KeyAccessChange[] = [];
  for (const id of [...new Set([...b.keys(), ...h.keys()])].sort(compareKeys)) {
    const x = b.get(id);
    const y = h.get(id);
    if (x && y && accessMeaning(x) === accessMeaning(y)) continue;
    out.push({ change: x && y ? 'changed' : x ? 'removed' : 'added', ...(x ? { before: x } : {}), ...(y ? { after: y } : {}) });
  }
  return out;
}

function powerId(p: KeyPower): string {
  return `${p.key}\u0000${p.principal}\u0000${p.accountName}`;
}

/**
 * Power gained, lost or changed in level or certainty; the statements it comes through alone
 * changing is no change. Sorted by key, principal and account. Only the changes are sorted: a model
 * has a power per permission set and account (about 100,000 at enterprise size), a change a few.
 */
function diffKeyPower(base: ResolvedModel, head: ResolvedModel): KeyPowerChange[] {
  const before = new Map(base.keys.flatMap((k) => keyPower(base, k)).map((p) => [powerId(p), p]));
  const changes: [string, KeyPowerChange][] = [];
  for (const k of head.keys) {
    for (const y of keyPower(head, k)) {
      const id = powerId(y);
      const x = before.get(id);
      before.delete(id);
      if (x && x.power === y.power && x.certain === y.certain) continue;
      changes.push([id, { change: x ? 'changed' : 'added', ...(x ? { before: x } : {}), after: y }]);
    }
  }
  for (const [id, x] of before) changes.push([id, { change: 'removed', before: x }]);
  return changes.sort(([a], [b]) => compareKeys(a, b)).map(([, c]) => c);
}

/** Most severe first; then by rule and message so the order never depends on discovery order. */
function sortRisks(risks: RiskFlag[]): RiskFlag[] {
  return risks.sort(
    (a, b) => RISK_SEVERITIES.indexOf(b.severity) - RISK_SEVERITIES.indexOf(a.severity) || compareKeys(a.rule, b.rule) || compareKeys(a.message, b.message),
  );
}

export function reviewModels(base: ResolvedModel, head: ResolvedModel): Review {
  const accounts = accountIndex(base, head);
  const ous = ouIndex(base, head);
  const delta = assignmentDelta(base.assignments, head.assignments);
  const granted = groupAssignments(delta.granted, accounts, ous);
  const revoked = groupAssignments(delta.revoked, accounts, ous);
  const principals = diffPrincipals(base, head);
  const membership = membershipEffects(
    { ir: base, keyAdmins: keyAdministrators(base) },
    { ir: head, keyAdmins: keyAdministrators(head) },
    principals,
    accounts,
  );
  const permissionSets = diffPermissionSets(base.permissionSets, head.permissionSets);
  const customerManagedPolicies = diffCustomerManagedPolicies(base.units, head.units);
  const keys = diffKeys(base.keys, head.keys);
  const power = diffKeyPower(base, head);
  const grantedKeys = new Set(delta.granted.map((a) => a.key));
  const changedPolicies = new Set(customerManagedPolicies.map((p) => p.name));
  const risks = sortRisks([
    ...adminRisks(base, head, granted, grantedKeys, permissionSets, changedPolicies, membership, accounts),
    ...productionRisks(base, head, granted, revoked, permissionSets, membership, accounts),
    ...renameRisks(head, permissionSets),
    ...keyRisks(base, head, keys),
    ...applicationRisks(base, head),
    ...administerRisks(power),
  ]);
  const applications = applicationAssignmentDelta(base, head);
  const units = touchedUnits(base, head);
  return {
    base: base.source,
    head: head.source,
    risks,
    granted,
    revoked,
    applicationsGranted: applications.granted,
    applicationsRevoked: applications.revoked,
    applications: diffApplications(base, head),
    principals,
    membership,
    permissionSets,
    customerManagedPolicies,
    keys,
    keyAccess: diffKeyAccess(base, head),
    keyPower: power,
    settings: diffFields(settings(base), settings(head)),
    units,
    batches: batchUnits(
      units.filter((u) => u.change !== 'removed'),
      (name) => waveIn(head, name),
    ),
    // Destroyed last wave first (what reads a unit goes before it), as the apply workflow does.
    removedBatches: batchUnits(
      units.filter((u) => u.change === 'removed'),
      (name) => -waveIn(base, name),
    ),
  };
}

/** A unit's apply wave in the model that has it (model/unit-graph.ts). */
function waveIn(ir: ResolvedModel, unitName: string): number {
  const wave = unitOrder(ir).wave.get(unitName);
  if (wave === undefined) throw new Error(`unit ${unitName} is not a unit of ${ir.source}`);
  return wave;
}

/** True when the review has nothing to show (no unit touched and no difference found). */
export function isEmptyReview(r: Review): boolean {
  return (
    r.risks.length === 0 &&
    r.granted.length === 0 &&
    r.revoked.length === 0 &&
    r.applicationsGranted.length === 0 &&
    r.applicationsRevoked.length === 0 &&
    r.applications.length === 0 &&
    r.principals.length === 0 &&
    r.membership.length === 0 &&
    r.permissionSets.length === 0 &&
    r.customerManagedPolicies.length === 0 &&
    r.keys.length === 0 &&
    r.keyAccess.length === 0 &&
    r.keyPower.length === 0 &&
    r.settings.length === 0 &&
    r.units.length === 0
  );
}

/** Whether any flag is at or above `threshold`: what `--fail-on` gates on. */
export function hasRiskAtOrAbove(r: Review, threshold: RiskFlag['severity']): boolean {
  const min = RISK_SEVERITIES.indexOf(threshold);
  return r.risks.some((f) => RISK_SEVERITIES.indexOf(f.severity) >= min);
}
