/**
 * Applications and attributes for access control in HCL: the module calls of modules/applications
 * and modules/access-control-attributes (management root), and the view of an applications root
 * (one shard of the applications, when the management root would exceed the stack bound with them:
 * src/model/shard.ts). An applications root looks its principals up by name, since the units that
 * create them are applied first; the management root passes the ids of the principals it creates.
 */
import { compareKeys, type AccessControlAttribute, type DeploymentUnit, type ResolvedApplication, type ResolvedModel, unitApplications } from '../../model';
import { bool, list, obj, ref, str, type Expr, type ObjectEntry } from './private/expr';
import { instanceView, tags, type InstanceView, type ModuleCallView } from './view-common';
import { moduleSource } from './module-calls';

export interface ApplicationsView {
  readonly source: string;
  readonly instance: InstanceView;
  readonly applications: ModuleCallView;
}

function applicationEntry(a: ResolvedApplication): ObjectEntry {
  const entries: ObjectEntry[] = [{ key: 'provider_arn', value: str(a.providerArn) }];
  if (a.description !== undefined) entries.push({ key: 'description', value: str(a.description) });
  entries.push({ key: 'status', value: str(a.status) });
  if (a.portal !== undefined) {
    const portal: ObjectEntry[] = [];
    if (a.portal.visibility !== undefined) portal.push({ key: 'visibility', value: str(a.portal.visibility) });
    const signIn = a.portal.signIn;
    if (signIn !== undefined) {
      portal.push({
        key: 'sign_in',
        value: obj([{ key: 'origin', value: str(signIn.origin) }, ...(signIn.url !== undefined ? [{ key: 'url', value: str(signIn.url) }] : [])]),
      });
    }
    entries.push({ key: 'portal', value: obj(portal) });
  }
  entries.push({ key: 'assignment_required', value: bool(a.assignmentRequired) });
  if (a.assignments.length > 0) {
    entries.push({
      key: 'assignments',
      value: list(
        a.assignments.map((p) =>
          obj([
            { key: 'principal_type', value: str(p.principalType) },
            { key: 'principal_name', value: str(p.principalName) },
          ]),
        ),
      ),
    });
  }
  if (a.accessScopes.length > 0) {
    entries.push({
      key: 'access_scopes',
      value: obj(
        a.accessScopes.map((s) => ({
          key: s.scope,
          quoteKey: true,
          value: obj(s.authorizedTargets.length > 0 ? [{ key: 'authorized_targets', value: list(s.authorizedTargets.map(str)) }] : []),
        })),
      ),
    });
  }
  if (Object.keys(a.tags).length > 0) entries.push({ key: 'tags', value: tags(a.tags) });
  return { key: a.name, value: obj(entries), quoteKey: true };
}

/**
 * The applications module call, or null when the unit holds none. `principalIds` passes the ids of
 * the principals the root creates (module outputs); without it the module looks them up by name.
 */
export function applicationsCall(apps: readonly ResolvedApplication[], principalIds: { groups: Expr; users: Expr } | null): ModuleCallView | null {
  if (apps.length === 0) return null;
  const principals: ObjectEntry[] = principalIds
    ? [
        { key: 'group_ids', value: principalIds.groups },
        { key: 'user_ids', value: principalIds.users },
      ]
    : [{ key: 'identity_store_id', value: ref('local.identity_store_id') }];
  return {
    ident: 'applications',
    module: 'applications',
    source: moduleSource('applications'),
    providerAlias: null,
    args: [
      { key: 'instance_arn', value: ref('local.instance_arn') },
      ...principals,
      { key: 'applications', value: obj([...apps].sort((x, y) => compareKeys(x.name, y.name)).map(applicationEntry)), gap: true },
    ],
  };
}

/** The access-control-attributes module call, or null when the model sets none. */
export function accessControlAttributesCall(attrs: readonly AccessControlAttribute[] | undefined): ModuleCallView | null {
  if (attrs === undefined || attrs.length === 0) return null;
  return {
    ident: 'access_control_attributes',
    module: 'accessControlAttributes',
    source: moduleSource('accessControlAttributes'),
    providerAlias: null,
    args: [
      { key: 'instance_arn', value: ref('local.instance_arn') },
      // Sources are AWS's attribute references: str() escapes `${` so they reach AWS as written.
      { key: 'attributes', value: obj(attrs.map((a) => ({ key: a.key, quoteKey: true, value: list(a.sources.map(str)) }))), gap: true },
    ],
  };
}

export function applicationsView(ir: ResolvedModel, unit: DeploymentUnit): ApplicationsView {
  const applications = applicationsCall(unitApplications(ir, unit), null);
  if (!applications) throw new Error(`unit ${unit.name} holds no application`);
  return { source: ir.source, instance: instanceView(ir), applications };
}
