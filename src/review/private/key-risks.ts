/**
 * Risk flags about keys: Identity Center locked out (service access or key administrators
 * removed), the key removed or made single-Region, its deletion window shortened, replicas
 * removed, rotation disabled, and wildcard principals widened in its key policy.
 */
import { compareKeys, type ResolvedKey, type ResolvedModel, type StatementJson } from '../../model';
import type { KeyChange, KeyPowerChange, RiskFlag, RiskSeverity, StatementChange } from '../types';
import { actionMatches, isAnyPrincipal, valueList } from '../../policy';
import { keyAccess } from './key-access';

/** A key Identity Center uses on either side is the one whose loss is an outage. */
function inUse(name: string, base: ResolvedModel, head: ResolvedModel): boolean {
  const used = (ir: ResolvedModel) => ir.keys.some((k) => k.name === name && k.usedByIdentityCenter) || ir.identityCenter.encryptionKey === name;
  return used(base) || used(head);
}

function specRisks(x: ResolvedKey, y: ResolvedKey | undefined, used: boolean): RiskFlag[] {
  const out: RiskFlag[] = [];
  const severe: RiskSeverity = used ? 'critical' : 'high';
  const usedNote = used ? ' while Identity Center encrypts its data with it' : '';
  if (!y) {
    out.push({
      rule: 'key-removed',
      severity: severe,
      message: `key ${x.name} is removed: terraform schedules it for deletion in ${x.deletionWindowDays} days${usedNote}`,
    });
    return out;
  }
  if (x.multiRegion && !y.multiRegion) {
    out.push({
      rule: 'key-single-region',
      severity: severe,
      message: `key ${x.name} changes from multi-Region to single-Region, which replaces the key and drops its replicas${usedNote}`,
    });
  }
  if (y.deletionWindowDays < x.deletionWindowDays) {
    out.push({
      rule: 'key-deletion-window-shortened',
      severity: 'medium',
      message: `key ${x.name} deletion window shortens from ${x.deletionWindowDays} to ${y.deletionWindowDays} days, leaving less time to cancel a mistaken deletion`,
    });
  }
  const droppedReplicas = x.replicaRegions.filter((r) => !y.replicaRegions.includes(r));
  if (y.multiRegion && droppedReplicas.length > 0) {
    out.push({
      rule: 'key-replica-removed',
      severity: 'medium',
      message: `key ${x.name} loses its replica in ${droppedReplicas.join(', ')}, which is scheduled for deletion`,
    });
  }
  if (x.rotation.enabled && !y.rotation.enabled) {
    out.push({ rule: 'key-rotation-disabled', severity: 'low', message: `key ${x.name} stops automatic rotation of its key material` });
  }
  return out;
}

/** Actions of `before` that no action of `after` covers. */
function lostActions(before: readonly string[], after: readonly string[]): string[] {
  return before.filter((a) => !after.some((p) => actionMatches(p, a)));
}

/**
 * Lockout: a service principal losing actions it had, or a key administrator (a principal that
 * may call kms:PutKeyPolicy) disappearing. With no administrator left, nobody but AWS support can
 * change the key policy again.
 */
function lockoutRisks(base: ResolvedModel, x: ResolvedKey, head: ResolvedModel, y: ResolvedKey, used: boolean): RiskFlag[] {
  const out: RiskFlag[] = [];
  const before = keyAccess(x, base);
  const after = keyAccess(y, head);
  for (const svc of before.filter((e) => e.kind === 'service')) {
    const now = after.find((e) => e.kind === 'service' && e.principal === svc.principal);
    const lost = lostActions(svc.actions, now?.actions ?? []);
    if (lost.length === 0) continue;
    out.push({
      rule: 'key-service-access-removed',
      severity: used ? 'critical' : 'high',
      message: `${svc.principal} loses ${lost.join(', ')} on key ${x.name}${used ? ', which locks Identity Center out of its own encrypted data' : ', so Identity Center could not use the key'}`,
    });
  }
  // An administrator is one only while it exists: a permission set's role while it is assigned
  // (and someone can sign in to it). The deployer is an administrator, but a machine one: losing
  // every other administrator leaves no person who can fix the key outside the pipeline.
  const admins = (list: typeof before, ir: ResolvedModel) =>
    list.filter((e) => e.kind === 'administrator' && administratorAlive(ir, e.principal)).map((e) => e.principal);
  const remaining = admins(after, head);
  const removed = admins(before, base).filter((p) => !remaining.includes(p));
  if (removed.length > 0) {
    const deployer = head.deployment.deployer;
    const people = remaining.filter((p) => p !== deployer);
    const why = removed
      .map((p) => `${p}${after.some((e) => e.principal === p && e.kind === 'administrator') ? ` (${lostRoleReason(base, head, p)})` : ''}`)
      .join(', ');
    out.push({
      rule: 'key-administrator-removed',
      severity: people.length === 0 ? 'critical' : 'high',
      message:
        remaining.length === 0
          ? `key ${x.name} loses its last administrator (${why}), so nobody could change its key policy again`
          : people.length === 0
            ? `key ${x.name} loses its last administrator other than the deployer (${why}); only the deployer ${deployer} could change its key policy again`
            : `key ${x.name} loses administrator ${why}; ${remaining.join(', ')} remain`,
    });
  }
  return out;
}

const PERMISSION_SET_PRINCIPAL = /^permission set (.+) in ([^ ]+)$/;

/**
 * A permission-set administrator exists while the permission set is assigned in its account and
 * a person can sign in to it: a user assignment, or a group that is synced from the identity
 * provider (members unknown) or has members. Roles, account roots and the deployer are taken to exist.
 */
function administratorAlive(ir: ResolvedModel, principal: string): boolean {
  const m = PERMISSION_SET_PRINCIPAL.exec(principal);
  if (!m) return true;
  return ir.assignments.some((a) => a.permissionSet === m[1] && a.accountName === m[2] && (a.principalType === 'USER' || groupReachable(ir, a.principalName)));
}

function groupReachable(ir: ResolvedModel, name: string): boolean {
  const g = ir.groups.find((x) => x.name === name);
  return g === undefined || g.external || g.members.length > 0;
}

/** Why a permission-set administrator still in the key policy is gone. */
function lostRoleReason(base: ResolvedModel, head: ResolvedModel, principal: string): string {
  const m = PERMISSION_SET_PRINCIPAL.exec(principal);
  if (!m) return 'no longer exists';
  const assigned = head.assignments.some((a) => a.permissionSet === m[1] && a.accountName === m[2]);
  return assigned
    ? `no user can sign in to it any more: the groups assigned ${m[1]} in ${m[2]} lost their last members`
    : `${m[1]} is no longer assigned in ${m[2]}, so identity center deletes its role`;
}

/** A principal that may now administer a key (change its policy, delete or disable it): high. */
export function administerRisks(changes: readonly KeyPowerChange[]): RiskFlag[] {
  const out: RiskFlag[] = [];
  for (const c of changes) {
    const y = c.after;
    if (!y || y.power !== 'administer' || c.before?.power === 'administer') continue;
    const who =
      y.kind === 'permission-set' ? `${y.principal} in ${y.accountName}` : y.kind === 'account' ? `the account root of ${y.accountName}` : y.principal;
    out.push({
      rule: 'key-administer-granted',
      severity: 'high',
      message: `${who} ${y.certain ? 'can now' : 'may now'} administer key ${y.key} (${y.actions.join(', ')}) through ${y.through.join(', ')}${y.certain ? '' : ', if policies outside the model allow it'}`,
    });
  }
  return out;
}

function conditionPairs(s: StatementJson): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [op, keys] of Object.entries(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(keys)) out.set(`${op} ${k}`, valueList(v));
  }
  return out;
}

/**
 * How a wildcard-principal statement got wider, or undefined when it did not. Wider means: it is
 * new (or newly a wildcard, or newly an Allow), allows an action it did not, lost a condition, or a
 * condition accepts a value it did not (values replaced count: a different organization is wider
 * for the one it lets in).
 */
function widening(c: StatementChange): string | undefined {
  const y = c.after;
  if (!y || y.Effect !== 'Allow' || !isAnyPrincipal(y.Principal)) return undefined;
  const x = c.before;
  if (!x || x.Effect !== 'Allow' || !isAnyPrincipal(x.Principal)) {
    const conds = [...conditionPairs(y).keys()].map((k) => k.split(' ')[1]);
    return conds.length > 0 ? `adds a wildcard principal conditioned on ${[...new Set(conds)].sort(compareKeys).join(', ')}` : 'adds a wildcard principal';
  }
  const reasons: string[] = [];
  const newActions = valueList(y.Action).filter((a) => !valueList(x.Action).some((p) => actionMatches(p, a)));
  if (newActions.length > 0) reasons.push(`allows ${newActions.join(', ')}`);
  const before = conditionPairs(x);
  const after = conditionPairs(y);
  for (const [k, values] of before) {
    const now = after.get(k);
    if (!now) reasons.push(`drops condition ${k}`);
    else if (now.some((v) => !values.includes(v))) reasons.push(`condition ${k} accepts ${now.filter((v) => !values.includes(v)).join(', ')}`);
  }
  return reasons.length > 0 ? `widens its wildcard principal: ${reasons.join('; ')}` : undefined;
}

function wildcardRisks(key: KeyChange): RiskFlag[] {
  const out: RiskFlag[] = [];
  for (const c of key.statements) {
    const how = widening(c);
    if (!how) continue;
    const unconditioned = Object.keys(c.after?.Condition ?? {}).length === 0;
    out.push({
      rule: 'wildcard-principal-widened',
      severity: unconditioned ? 'critical' : 'high',
      message: `key ${key.name} statement ${c.sid ?? '(no sid)'} ${how}${unconditioned ? ', so any AWS principal may use the key' : ''}`,
    });
  }
  return out;
}

export function keyRisks(base: ResolvedModel, head: ResolvedModel, keys: readonly KeyChange[]): RiskFlag[] {
  const out: RiskFlag[] = [];
  for (const change of keys) {
    const x = base.keys.find((k) => k.name === change.name);
    const y = head.keys.find((k) => k.name === change.name);
    if (x) out.push(...specRisks(x, y, inUse(change.name, base, head)));
    out.push(...wildcardRisks(change));
  }
  // Lockout also comes from outside the key: an administrator's assignment or group members going.
  for (const x of base.keys) {
    const y = head.keys.find((k) => k.name === x.name);
    if (y) out.push(...lockoutRisks(base, x, head, y, inUse(x.name, base, head)));
  }
  return out;
}
