/**
 * View of an assignment root (one shard of the account assignments). Permission set ARNs and
 * principal IDs are looked up by name in the module, because permission sets and groups are created
 * by the management root (or synced from the identity provider), which is applied first.
 */
import { compareKeys, type AssignmentsUnit, type ResolvedModel, assignmentsByKey } from '../../model';
import { obj, str } from './private/expr';
import { instanceView, type InstanceView, type ModuleCallView } from './view-common';
import { moduleSource } from './module-calls';

export interface AssignmentsView {
  readonly source: string;
  readonly instance: InstanceView;
  readonly accountAssignments: ModuleCallView;
}

export function assignmentsView(ir: ResolvedModel, unit: AssignmentsUnit): AssignmentsView {
  const byKey = assignmentsByKey(ir);
  const entries = [...unit.assignmentKeys].sort(compareKeys).map((key, i) => {
    const a = byKey.get(key);
    if (!a) throw new Error(`unit ${unit.name} holds assignment ${key}, which the model does not define`);
    if (a.unit !== unit.name) throw new Error(`assignment ${key} belongs to unit ${a.unit}, not ${unit.name}`);
    return {
      key,
      quoteKey: true,
      // Why this account was selected, for reviewers of the diff.
      comment: a.reasons.length > 0 ? a.reasons.join('; ') : undefined,
      gap: i > 0,
      value: obj([
        { key: 'principal_type', value: str(a.principalType) },
        { key: 'principal_name', value: str(a.principalName) },
        { key: 'permission_set', value: str(a.permissionSet) },
        { key: 'account_id', value: str(a.accountId) },
      ]),
    };
  });
  return {
    source: ir.source,
    instance: instanceView(ir),
    accountAssignments: {
      ident: 'account_assignments',
      module: 'assignments',
      source: moduleSource('assignments'),
      providerAlias: null,
      args: [
        { key: 'instance_arn', value: { kind: 'ref', expr: 'local.instance_arn' } },
        { key: 'identity_store_id', value: { kind: 'ref', expr: 'local.identity_store_id' } },
        { key: 'assignments', value: obj(entries), gap: true },
      ],
    },
  };
}
