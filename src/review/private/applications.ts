/**
 * Applications in the review and in explain: who gains or loses an application (its assignments),
 * what changed about an application, the one risk of opening an application to every user, and
 * who can open each application of one model.
 */
import { compareKeys, type ResolvedApplication, type ResolvedModel } from '../../model';
import type { ApplicationAssignmentChange, ApplicationChange, ApplicationExplanation, RiskFlag } from '../types';
import { diffFields, diffList, isEmptyList, tagList, type Fields } from './fields';

const apps = (ir: ResolvedModel): readonly ResolvedApplication[] => ir.applications ?? [];

function assignmentKey(a: ApplicationAssignmentChange): string {
  return `${a.application}\u0000${a.principalType}\u0000${a.principalName}`;
}

function assignmentsOf(ir: ResolvedModel): Map<string, ApplicationAssignmentChange> {
  const out = new Map<string, ApplicationAssignmentChange>();
  for (const app of apps(ir)) {
    for (const p of app.assignments) {
      const a = { application: app.name, principalType: p.principalType, principalName: p.principalName };
      out.set(assignmentKey(a), a);
    }
  }
  return out;
}

/** Application assignments in head and not in base (granted), and the reverse (revoked), sorted. */
export function applicationAssignmentDelta(
  base: ResolvedModel,
  head: ResolvedModel,
): { granted: ApplicationAssignmentChange[]; revoked: ApplicationAssignmentChange[] } {
  const b = assignmentsOf(base);
  const h = assignmentsOf(head);
  const only = (x: Map<string, ApplicationAssignmentChange>, y: Map<string, ApplicationAssignmentChange>) =>
    [...x.keys()]
      .filter((k) => !y.has(k))
      .sort(compareKeys)
      .map((k) => x.get(k)!);
  return { granted: only(h, b), revoked: only(b, h) };
}

function fields(a: ResolvedApplication): Fields {
  return [
    ['provider', a.providerArn],
    ['description', a.description],
    ['status', a.status],
    ['portal.visibility', a.portal?.visibility],
    ['portal.signIn.origin', a.portal?.signIn?.origin],
    ['portal.signIn.url', a.portal?.signIn?.url],
    ['assignmentRequired', a.assignmentRequired],
    ['tags', tagList(a.tags)],
  ];
}

/** `redshift:connect`, or `redshift:connect → arn, arn` with its authorized targets. */
function scopes(a: ResolvedApplication): string[] {
  return a.accessScopes.map((s) => (s.authorizedTargets.length > 0 ? `${s.scope} → ${s.authorizedTargets.join(', ')}` : s.scope));
}

export function diffApplications(base: ResolvedModel, head: ResolvedModel): ApplicationChange[] {
  const b = new Map(apps(base).map((a) => [a.name, a]));
  const h = new Map(apps(head).map((a) => [a.name, a]));
  const out: ApplicationChange[] = [];
  for (const name of [...new Set([...b.keys(), ...h.keys()])].sort(compareKeys)) {
    const x = b.get(name);
    const y = h.get(name);
    const f = diffFields(x && fields(x), y && fields(y));
    const s = diffList(x && scopes(x), y && scopes(y));
    if (x && y && f.length === 0 && isEmptyList(s)) continue;
    out.push({ name, change: x && y ? 'changed' : x ? 'removed' : 'added', fields: f, accessScopes: s });
  }
  return out;
}

/** An application that stops requiring an assignment (or arrives without one) opens to every user. */
export function applicationRisks(base: ResolvedModel, head: ResolvedModel): RiskFlag[] {
  const before = new Map(apps(base).map((a) => [a.name, a]));
  return apps(head)
    .filter((a) => !a.assignmentRequired && a.status === 'ENABLED' && (before.get(a.name)?.assignmentRequired ?? true))
    .map((a) => ({
      rule: 'application-assignment-not-required' as const,
      severity: 'medium' as const,
      message: `application ${a.name} does not require an assignment: every user of the identity store can open it, not only the ${a.assignments.length} assigned principal${a.assignments.length === 1 ? '' : 's'}`,
    }));
}

/** Who can open each application of the model. */
export function explainApplications(ir: ResolvedModel): ApplicationExplanation[] {
  const groups = new Map(ir.groups.map((g) => [g.name, g]));
  return apps(ir).map((a) => ({
    name: a.name,
    providerArn: a.providerArn,
    status: a.status,
    assignmentRequired: a.assignmentRequired,
    groups: a.assignments
      .filter((p) => p.principalType === 'GROUP')
      .map((p) => {
        const g = groups.get(p.principalName);
        return { name: p.principalName, external: g?.external ?? false, members: [...(g?.members ?? [])].sort(compareKeys) };
      }),
    users: a.assignments.filter((p) => p.principalType === 'USER').map((p) => p.principalName),
    accessScopes: scopes(a),
  }));
}
