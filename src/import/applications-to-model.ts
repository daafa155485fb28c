/**
 * The applications and attributes for access control of an estate, as model entries and import
 * plan resources. Defaults are left out (provider `custom`, status ENABLED, assignment required),
 * so a re-import gives the same bytes. An assignment to a principal the estate does not hold is
 * skipped with a note, like an account assignment.
 */
import { applicationProviderArn, compareKeys, DEFAULT_APPLICATION_PROVIDER, partitionOf, sortedRecord, type OrgModel } from '../model';
import { applicationAssignmentKey, applicationScopeKey } from '../emit/hcl';
import type { Estate } from './estate';
import { ImportResourceType as T, type ImportResource } from './plan';

type ModelApplication = NonNullable<OrgModel['applications']>[number];

export interface ApplicationsContext {
  readonly groupName: (id: string) => string | undefined;
  readonly userName: (id: string) => string | undefined;
  /** Marks a principal the model must mention (synced ones are written only when used). */
  readonly use: (type: 'GROUP' | 'USER', id: string) => void;
  readonly notes: string[];
  readonly resources: ImportResource[];
}

export function applicationsToModel(estate: Estate, ctx: ApplicationsContext): ModelApplication[] {
  const customProvider = applicationProviderArn(DEFAULT_APPLICATION_PROVIDER, partitionOf(estate.region));
  return (estate.applications ?? []).map((a): ModelApplication => {
    ctx.resources.push({ type: T.APPLICATION, key: a.name, identity: { application: a.name }, id: a.arn });
    ctx.resources.push({ type: T.APPLICATION_ASSIGNMENT_CONFIGURATION, key: a.name, identity: { application: a.name }, id: a.arn });
    const groups: string[] = [];
    const users: string[] = [];
    for (const p of a.assignments) {
      const name = p.principalType === 'GROUP' ? ctx.groupName(p.principalId) : ctx.userName(p.principalId);
      if (name === undefined) {
        ctx.notes.push(`skipped assignment of ${p.principalType.toLowerCase()} ${p.principalId} to application ${a.name}: principal not found`);
        continue;
      }
      ctx.use(p.principalType, p.principalId);
      (p.principalType === 'GROUP' ? groups : users).push(name);
      ctx.resources.push({
        type: T.APPLICATION_ASSIGNMENT,
        key: applicationAssignmentKey(a.name, p.principalType, name),
        identity: { application: a.name, principalType: p.principalType, principal: name },
        id: `${a.arn},${p.principalId},${p.principalType}`,
      });
    }
    for (const s of a.accessScopes) {
      ctx.resources.push({
        type: T.APPLICATION_ACCESS_SCOPE,
        key: applicationScopeKey(a.name, s.scope),
        identity: { application: a.name, scope: s.scope },
        id: `${a.arn},${s.scope}`,
      });
    }
    const sorted = (xs: string[]): string[] => [...xs].sort(compareKeys);
    const out: { -readonly [K in keyof ModelApplication]: ModelApplication[K] } = { name: a.name };
    if (a.providerArn !== customProvider) out.provider = a.providerArn;
    if (a.description) out.description = a.description;
    if (a.status !== 'ENABLED') out.status = a.status;
    if (a.portal) out.portal = a.portal;
    if (!a.assignmentRequired) out.assignmentRequired = false;
    if (groups.length + users.length > 0)
      out.assignments = { ...(groups.length ? { groups: sorted(groups) } : {}), ...(users.length ? { users: sorted(users) } : {}) };
    if (a.accessScopes.length > 0)
      out.accessScopes = a.accessScopes.map((s) =>
        s.authorizedTargets.length > 0 ? { scope: s.scope, authorizedTargets: [...s.authorizedTargets] } : { scope: s.scope },
      );
    if (Object.keys(a.tags).length > 0) out.tags = sortedRecord(a.tags);
    return out;
  });
}

/** `identityCenter.accessControlAttributes` of the model, or undefined, with its import resource. */
export function accessControlAttributesToModel(estate: Estate, resources: ImportResource[]): Record<string, string[]> | undefined {
  const attrs = estate.accessControlAttributes ?? [];
  if (attrs.length === 0) return undefined;
  resources.push({ type: T.ACCESS_CONTROL_ATTRIBUTES, key: 'instance', identity: {}, id: estate.instance.instanceArn });
  return Object.fromEntries(attrs.map((a) => [a.key, [...a.sources]]));
}
