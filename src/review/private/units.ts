/**
 * Deployment units (one CDKTF stack and one HCL root each) whose content differs between two
 * models, so CI plans only those.
 *
 * What a unit's content is, read from the IR:
 * - every unit: its own record (account, role, the policies and assignment keys it holds) and the
 *   settings every stack is built from (organization; the Identity Center Region, instance and
 *   identity store; deployment: backend, role name, stack size);
 * - `management`: also the encryption settings and attributes for access control, keys, and the
 *   permission sets, groups, users and applications it holds (all of them unless the model is
 *   split; Identity Center, the identity store and the key all live in the management account);
 * - `permission-sets-*`: also its permission sets and the keys (their inline policies read key ARNs
 *   by alias); `users-*`, `groups-*`: also the users and groups (with members) they hold;
 *   `applications-*`: also the applications (with scopes and assignments) they hold;
 * - `assignments-*`: also the assignments it holds and whether each principal they name is created
 *   or looked up; their `reasons` (why an account was selected) only with `{ explanations: true }`:
 *   they are comments in the generated files, which deploy nothing (the review leaves them out) but
 *   which `generate --changed-since` must rewrite.
 * Policy documents are compared by meaning, like everywhere in the review. The rule otherwise errs
 * towards planning a unit too many rather than one too few: a setting read by every stack touches
 * every unit.
 */
import {
  compareKeys,
  type AssignmentsUnit,
  type DeploymentUnit,
  type ResolvedAssignment,
  type ResolvedModel,
  assignmentsByKey,
  unitApplications,
  unitGroups,
  unitPermissionSets,
  unitUsers,
  type StatementJson,
} from '../../model';
import type { TouchedUnit } from '../types';
import { canonicalJson, canonicalStatement } from '../../policy';

/**
 * Policy documents compared by meaning, as the review compares them: statement order and value
 * order are not content (the AWS provider also suppresses diffs between equivalent policies).
 */
function canonicalDocuments(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalDocuments);
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.Statement) && typeof o.Version === 'string') {
    return { ...o, Statement: (o.Statement as StatementJson[]).map((s) => canonicalJson(canonicalStatement(s))).sort(compareKeys) };
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, canonicalDocuments(x)]));
}

function unitContent(ir: ResolvedModel, unit: DeploymentUnit): string {
  return canonicalJson(canonicalDocuments(unitParts(ir, unit)));
}

/** Whether a unit's content is the same in both models (see the module comment for what it is). */
function sameContent(base: ResolvedModel, x: DeploymentUnit, head: ResolvedModel, y: DeploymentUnit, opts: TouchedOptions): boolean {
  if (x.kind === 'assignments' && y.kind === 'assignments') return sameAssignmentUnit(base, x, head, y, opts);
  return unitContent(base, x) === unitContent(head, y);
}

/** The settings every stack reads. */
function sharedSettings(ir: ResolvedModel): object {
  const { region, instanceArn, identityStoreId } = ir.identityCenter;
  return { organization: ir.organization, identityCenter: { region, instanceArn, identityStoreId }, deployment: ir.deployment };
}

const sharedCache = new WeakMap<ResolvedModel, string>();

/** sharedSettings as one string per model. */
function sharedContent(ir: ResolvedModel): string {
  let shared = sharedCache.get(ir);
  if (shared === undefined) sharedCache.set(ir, (shared = canonicalJson(sharedSettings(ir))));
  return shared;
}

/**
 * An assignment unit's content compared: the same facts unitParts gives (its record, the shared
 * settings, each assignment (its `reasons` only with explanations), whether each principal is created), compared field
 * by field without building any text. Hundreds of units of hundreds of assignments rendered as
 * text were the slowest step of a one-line review (2 s of 3 at enterprise size).
 */
function sameAssignmentUnit(base: ResolvedModel, x: AssignmentsUnit, head: ResolvedModel, y: AssignmentsUnit, opts: TouchedOptions): boolean {
  if (sharedContent(base) !== sharedContent(head)) return false;
  const { assignmentKeys: keysX, ...recordX } = x;
  const { assignmentKeys: keysY, ...recordY } = y;
  if (!sameStrings(keysX, keysY)) return false;
  if (canonicalJson(canonicalDocuments(recordX)) !== canonicalJson(canonicalDocuments(recordY))) return false;
  const [inBase, inHead] = [assignmentsByKey(base), assignmentsByKey(head)];
  const [flagsBase, flagsHead] = [externalFlags(base), externalFlags(head)];
  for (const key of keysX) {
    const a = inBase.get(key);
    const b = inHead.get(key);
    if (!a || !b) {
      if (a !== b) return false;
      continue;
    }
    if (
      a.principalType !== b.principalType ||
      a.principalName !== b.principalName ||
      a.permissionSet !== b.permissionSet ||
      a.accountName !== b.accountName ||
      a.accountId !== b.accountId ||
      a.unit !== b.unit ||
      isExternal(flagsBase, a) !== isExternal(flagsHead, b) ||
      (opts.explanations === true && !sameStrings(a.reasons, b.reasons))
    ) {
      return false;
    }
  }
  return true;
}

/** Two lists of strings, equal element by element in order. */
function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether an assignment's principal is looked up (true), created (false) or unknown (null). */
function isExternal(flags: ExternalFlags, a: ResolvedAssignment): boolean | null {
  return (a.principalType === 'GROUP' ? flags.groups : flags.users).get(a.principalName) ?? null;
}

function unitParts(ir: ResolvedModel, unit: DeploymentUnit): object {
  const shared = { unit, ...sharedSettings(ir) };
  if (unit.kind === 'management') {
    return {
      ...shared,
      identityCenter: ir.identityCenter,
      keys: ir.keys,
      permissionSets: unitPermissionSets(ir, unit),
      groups: unitGroups(ir, unit),
      users: unitUsers(ir, unit),
      applications: unitApplications(ir, unit),
    };
  }
  if (unit.kind === 'applications') return { ...shared, applications: unitApplications(ir, unit) };
  if (unit.kind === 'permission-sets') return { ...shared, keys: ir.keys, permissionSets: unitPermissionSets(ir, unit) };
  if (unit.kind === 'identity-store') return { ...shared, groups: unitGroups(ir, unit), users: unitUsers(ir, unit) };
  return shared;
}

interface ExternalFlags {
  readonly groups: ReadonlyMap<string, boolean>;
  readonly users: ReadonlyMap<string, boolean>;
}

const flagsCache = new WeakMap<ResolvedModel, ExternalFlags>();

/** Whether each group and user is external (looked up) or created; once per IR. */
function externalFlags(ir: ResolvedModel): ExternalFlags {
  let flags = flagsCache.get(ir);
  if (!flags) {
    flags = { groups: new Map(ir.groups.map((g) => [g.name, g.external])), users: new Map(ir.users.map((u) => [u.userName, u.external])) };
    flagsCache.set(ir, flags);
  }
  return flags;
}

/** What counts as a unit's content besides what it deploys. */
export interface TouchedOptions {
  /** Also the comments generated from the model (why each assignment's account was selected). */
  readonly explanations?: boolean;
}

export function touchedUnits(base: ResolvedModel, head: ResolvedModel, opts: TouchedOptions = {}): TouchedUnit[] {
  const b = new Map(base.units.map((u) => [u.name, u]));
  const h = new Map(head.units.map((u) => [u.name, u]));
  const out: TouchedUnit[] = [];
  // The IR's unit order: management, member, permission-set, identity-store, then assignment units, each by name.
  const names = [...new Set([...h.keys(), ...b.keys()])];
  const rank = { management: 0, member: 1, 'permission-sets': 2, 'identity-store': 3, applications: 4, assignments: 5 };
  const order = (n: string): number => rank[(h.get(n) ?? b.get(n))!.kind];
  names.sort((x, y) => order(x) - order(y) || compareKeys(x, y));
  for (const name of names) {
    const x = b.get(name);
    const y = h.get(name);
    if (x && y && sameContent(base, x, head, y, opts)) continue;
    const u = (y ?? x)!;
    out.push({
      name,
      kind: u.kind,
      change: x && y ? 'changed' : x ? 'removed' : 'added',
      accountName: u.accountName,
      hclRoot: `hcl/${name}`,
      stack: name,
    });
  }
  return out;
}
