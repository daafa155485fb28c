/**
 * Applications and attributes for access control in IR form: defaults filled in (provider `custom`
 * of the partition, status ENABLED, assignment required), lists sorted, nothing left to decide for
 * the emitters.
 */
import {
  applicationProviderArn,
  compareKeys,
  DEFAULT_APPLICATION_PROVIDER,
  sortedRecord,
  type AccessControlAttribute,
  type ResolvedApplication,
  type ResolvedApplicationAssignment,
  type ApplicationInput,
  type OrgModel,
} from '../../model';

export function resolveApplications(apps: readonly ApplicationInput[], partition: string): ResolvedApplication[] {
  return apps.map((a) => resolveApplication(a, partition)).sort((x, y) => compareKeys(x.name, y.name));
}

function resolveApplication(a: ApplicationInput, partition: string): ResolvedApplication {
  const principals = (type: 'GROUP' | 'USER', names: readonly string[] | undefined): ResolvedApplicationAssignment[] =>
    [...new Set(names ?? [])].sort(compareKeys).map((principalName) => ({ principalType: type, principalName }));
  const portal = a.portal;
  const signIn = portal?.signIn;
  const hasPortal = portal !== undefined && (portal.visibility !== undefined || signIn !== undefined);
  return {
    name: a.name,
    providerArn: a.provider ?? applicationProviderArn(DEFAULT_APPLICATION_PROVIDER, partition),
    ...(a.description !== undefined ? { description: a.description } : {}),
    status: a.status ?? 'ENABLED',
    ...(hasPortal
      ? {
          portal: {
            ...(portal.visibility !== undefined ? { visibility: portal.visibility } : {}),
            ...(signIn !== undefined ? { signIn: { origin: signIn.origin, ...(signIn.url !== undefined ? { url: signIn.url } : {}) } } : {}),
          },
        }
      : {}),
    assignmentRequired: a.assignmentRequired ?? true,
    assignments: [...principals('GROUP', a.assignments?.groups), ...principals('USER', a.assignments?.users)],
    accessScopes: (a.accessScopes ?? [])
      .map((s) => ({ scope: s.scope, authorizedTargets: [...new Set(s.authorizedTargets ?? [])].sort(compareKeys) }))
      .sort((x, y) => compareKeys(x.scope, y.scope)),
    tags: sortedRecord(a.tags),
  };
}

/** `identityCenter.accessControlAttributes` sorted by key; undefined when the model sets none (`{}` included). */
export function resolveAccessControlAttributes(model: OrgModel): AccessControlAttribute[] | undefined {
  const attrs = model.identityCenter.accessControlAttributes;
  if (attrs === undefined || Object.keys(attrs).length === 0) return undefined;
  return Object.keys(attrs)
    .sort(compareKeys)
    .map((key) => ({ key, sources: [...attrs[key]] }));
}
