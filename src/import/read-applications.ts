/**
 * Read the instance's customer managed applications (with assignment requirement, assignments,
 * access scopes and tags) and its attributes for access control. Read-only, paginated, through the
 * Caller like every other import call.
 *
 * AWS managed applications (Amazon Q, Redshift, ...: any provider but the customer managed ones,
 * model/arns.ts) are left out: their service creates and owns them, and Terraform cannot create
 * them (CreateApplication takes customer managed providers only).
 * @see https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_ListApplications.html
 */
import {
  DescribeInstanceAccessControlAttributeConfigurationCommand,
  GetApplicationAssignmentConfigurationCommand,
  ListApplicationAccessScopesCommand,
  ListApplicationAssignmentsCommand,
  ListApplicationsCommand,
  ListTagsForResourceCommand as ListSsoTagsCommand,
} from '@aws-sdk/client-sso-admin';
import { isAwsManagedApplicationProvider, compareKeys } from '../model';
import { mapLimit, tagRecord, type Caller, type ImportClients } from './aws';
import type { Estate, EstateApplication } from './estate';

type Switch = 'ENABLED' | 'DISABLED';
const isSwitch = (v: unknown): v is Switch => v === 'ENABLED' || v === 'DISABLED';

export async function readApplications(clients: ImportClients, caller: Caller, InstanceArn: string, limit: number): Promise<EstateApplication[]> {
  const sso = clients.ssoAdmin;
  const listed = await caller.all('ssoAdmin', 'ListApplications', async (NextToken) => {
    const r = await sso.send(new ListApplicationsCommand({ InstanceArn, NextToken }));
    return { items: r.Applications, next: r.NextToken };
  });
  const customer = listed.filter((a) => a.ApplicationArn && a.Name && a.ApplicationProviderArn && !isAwsManagedApplicationProvider(a.ApplicationProviderArn));
  const apps = await mapLimit(customer, limit, async (a): Promise<EstateApplication> => {
    const ApplicationArn = a.ApplicationArn as string;
    const config = await caller.call('ssoAdmin', 'GetApplicationAssignmentConfiguration', () =>
      sso.send(new GetApplicationAssignmentConfigurationCommand({ ApplicationArn })),
    );
    const assignments = await caller.all('ssoAdmin', 'ListApplicationAssignments', async (NextToken) => {
      const r = await sso.send(new ListApplicationAssignmentsCommand({ ApplicationArn, NextToken }));
      return { items: r.ApplicationAssignments, next: r.NextToken };
    });
    const scopes = await caller.all('ssoAdmin', 'ListApplicationAccessScopes', async (NextToken) => {
      const r = await sso.send(new ListApplicationAccessScopesCommand({ ApplicationArn, NextToken }));
      return { items: r.Scopes, next: r.NextToken };
    });
    const tags = await caller.all('ssoAdmin', 'ListTagsForResource', async (NextToken) => {
      const r = await sso.send(new ListSsoTagsCommand({ InstanceArn, ResourceArn: ApplicationArn, NextToken }));
      return { items: r.Tags, next: r.NextToken };
    });
    const portal = a.PortalOptions;
    const signIn = portal?.SignInOptions;
    return {
      arn: ApplicationArn,
      name: a.Name as string,
      providerArn: a.ApplicationProviderArn as string,
      ...(a.Description ? { description: a.Description } : {}),
      status: isSwitch(a.Status) ? a.Status : 'ENABLED',
      ...(portal && (portal.Visibility || signIn?.Origin)
        ? {
            portal: {
              ...(isSwitch(portal.Visibility) ? { visibility: portal.Visibility } : {}),
              ...(signIn?.Origin ? { signIn: { origin: signIn.Origin, ...(signIn.ApplicationUrl ? { url: signIn.ApplicationUrl } : {}) } } : {}),
            },
          }
        : {}),
      // AWS's default: an application without a configuration requires assignments.
      assignmentRequired: config.AssignmentRequired ?? true,
      assignments: assignments
        .filter((x) => x.PrincipalId && (x.PrincipalType === 'GROUP' || x.PrincipalType === 'USER'))
        .map((x) => ({ principalType: x.PrincipalType as 'GROUP' | 'USER', principalId: x.PrincipalId as string }))
        .sort((x, y) => compareKeys(`${x.principalType}/${x.principalId}`, `${y.principalType}/${y.principalId}`)),
      accessScopes: scopes
        .filter((s) => s.Scope)
        .map((s) => ({ scope: s.Scope as string, authorizedTargets: [...(s.AuthorizedTargets ?? [])].sort(compareKeys) }))
        .sort((x, y) => compareKeys(x.scope, y.scope)),
      tags: tagRecord(tags),
    };
  });
  return apps.sort((x, y) => compareKeys(x.name, y.name));
}

/** The attributes for access control, or undefined: AWS answers ResourceNotFoundException when none are configured. */
export async function readAccessControlAttributes(clients: ImportClients, caller: Caller, InstanceArn: string): Promise<Estate['accessControlAttributes']> {
  try {
    const r = await caller.call('ssoAdmin', 'DescribeInstanceAccessControlAttributeConfiguration', () =>
      clients.ssoAdmin.send(new DescribeInstanceAccessControlAttributeConfigurationCommand({ InstanceArn })),
    );
    const attrs = r.InstanceAccessControlAttributeConfiguration?.AccessControlAttributes ?? [];
    const out = attrs.filter((a) => a.Key).map((a) => ({ key: a.Key as string, sources: [...(a.Value?.Source ?? [])] }));
    return out.length > 0 ? out.sort((x, y) => compareKeys(x.key, y.key)) : undefined;
  } catch (e) {
    if ((e as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}
