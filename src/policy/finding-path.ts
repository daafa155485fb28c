/**
 * Where a Well-Architected finding sits in the YAML: the model path of the entry it is about (the
 * assignment that grants, the statement that allows, the group, user or permission set), so the
 * pipeline can print `file:line:col` in the file that holds it.
 */
import type { ModelPath } from '../model/load';
import type { OrgModel } from '../model/schema';
import { canonicalJson, toArray } from './private/values';
import type { StatementJson } from './types';
import type { FindingLocation } from './well-architected';

export function findingPath(model: OrgModel, at: FindingLocation): ModelPath {
  const sets = model.permissionSets ?? [];
  switch (at.kind) {
    case 'permissionSet': {
      const i = sets.findIndex((p) => p.name === at.name);
      return i < 0 ? [] : at.field !== undefined && sets[i][at.field] !== undefined ? ['permissionSets', i, at.field] : ['permissionSets', i];
    }
    case 'inlineStatement': {
      const i = sets.findIndex((p) => p.name === at.permissionSet);
      if (i < 0) return [];
      return ['permissionSets', i, 'inlinePolicy', ...statementPath(sets[i].inlinePolicy, at.statement)];
    }
    case 'customerPolicyStatement':
      for (const [i, ps] of sets.entries()) {
        const j = (ps.customerManagedPolicies ?? []).findIndex((c) => c.name === at.name && (c.path ?? '/') === at.path && c.policy !== undefined);
        if (j >= 0) return ['permissionSets', i, 'customerManagedPolicies', j, 'policy', ...statementPath(ps.customerManagedPolicies?.[j].policy, at.statement)];
      }
      return [];
    case 'group': {
      const i = (model.groups ?? []).findIndex((g) => g.name === at.name);
      return i < 0 ? [] : at.field !== undefined && model.groups?.[i][at.field] !== undefined ? ['groups', i, at.field] : ['groups', i];
    }
    case 'user': {
      const i = (model.users ?? []).findIndex((u) => u.userName === at.name);
      return i < 0 ? [] : ['users', i];
    }
    case 'application': {
      const apps = model.applications ?? [];
      const i = apps.findIndex((a) => a.name === at.name);
      return i < 0 ? [] : at.field !== undefined && apps[i][at.field] !== undefined ? ['applications', i, at.field] : ['applications', i];
    }
    case 'assignment': {
      const i = (model.assignments ?? []).findIndex(
        (a) => a.permissionSet === at.permissionSet && (at.principalType === 'USER' ? a.user : a.group) === at.principal,
      );
      return i < 0 ? [] : ['assignments', i];
    }
  }
}

/**
 * `Statement`, then the statement's index when the document holds a list: found by Sid, else by
 * content (resolve keeps the user's statements as written, dropping only exact duplicates).
 */
function statementPath(doc: Record<string, unknown> | undefined, statement: StatementJson): ModelPath {
  const raw = doc?.Statement;
  if (!Array.isArray(raw)) return raw === undefined ? [] : ['Statement'];
  const list = toArray(raw as Record<string, unknown>[]);
  let j = statement.Sid !== undefined ? list.findIndex((s) => s.Sid === statement.Sid) : -1;
  if (j < 0) j = list.findIndex((s) => canonicalJson(s) === canonicalJson(statement));
  return j < 0 ? ['Statement'] : ['Statement', j];
}
