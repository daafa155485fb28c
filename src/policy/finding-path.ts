/**
 * Where a Well-Architected finding sits in the YAML: the model path of the entry it is about (the
 * assignment that grants, the statement that allows, the group, user or permission set), so the
 * pipeline can print `file:line:col` in the file that holds it.
 */
import type { ModelPath, OrgModel, StatementJson } from '../model';
import { canonicalJson, toArray } from './json';
import type { FindingLocation } from './well-architected';

/** First position of each name in the model's lists (what findIndex would find), built once per model. */
interface Positions {
  readonly permissionSets: ReadonlyMap<string, number>;
  readonly groups: ReadonlyMap<string, number>;
  readonly users: ReadonlyMap<string, number>;
  /** `<USER|GROUP>\0<principal>\0<permission set>` */
  readonly assignments: ReadonlyMap<string, number>;
}

function firstPositions(entries: readonly (string | undefined)[]): Map<string, number> {
  const out = new Map<string, number>();
  entries.forEach((k, i) => {
    if (k !== undefined && !out.has(k)) out.set(k, i);
  });
  return out;
}

const positionsCache = new WeakMap<OrgModel, Positions>();

/**
 * A large model has thousands of findings (a group without assignments, a created user in synced
 * groups) over thousands of entries: a scan per finding was most of lint's time at enterprise size.
 */
function positions(model: OrgModel): Positions {
  let p = positionsCache.get(model);
  if (!p) {
    const assignments = model.assignments ?? [];
    const byPrincipal = new Map<string, number>();
    assignments.forEach((a, i) => {
      for (const k of [
        a.user !== undefined ? `USER\u0000${a.user}\u0000${a.permissionSet}` : undefined,
        a.group !== undefined ? `GROUP\u0000${a.group}\u0000${a.permissionSet}` : undefined,
      ]) {
        if (k !== undefined && !byPrincipal.has(k)) byPrincipal.set(k, i);
      }
    });
    p = {
      permissionSets: firstPositions((model.permissionSets ?? []).map((x) => x.name)),
      groups: firstPositions((model.groups ?? []).map((g) => g.name)),
      users: firstPositions((model.users ?? []).map((u) => u.userName)),
      assignments: byPrincipal,
    };
    positionsCache.set(model, p);
  }
  return p;
}

export function findingPath(model: OrgModel, at: FindingLocation): ModelPath {
  const sets = model.permissionSets ?? [];
  const index = positions(model);
  switch (at.kind) {
    case 'permissionSet': {
      const i = index.permissionSets.get(at.name) ?? -1;
      return i < 0 ? [] : at.field !== undefined && sets[i][at.field] !== undefined ? ['permissionSets', i, at.field] : ['permissionSets', i];
    }
    case 'inlineStatement': {
      const i = index.permissionSets.get(at.permissionSet) ?? -1;
      if (i < 0) return [];
      return ['permissionSets', i, 'inlinePolicy', ...statementPath(sets[i].inlinePolicy, at.statement)];
    }
    case 'customerPolicyStatement':
      for (const [i, ps] of sets.entries()) {
        const j = (ps.customerManagedPolicies ?? []).findIndex((c) => c.name === at.name && (c.path ?? '/') === at.path && c.policy !== undefined);
        if (j >= 0)
          return ['permissionSets', i, 'customerManagedPolicies', j, 'policy', ...statementPath(ps.customerManagedPolicies?.[j].policy, at.statement)];
      }
      return [];
    case 'group': {
      const i = index.groups.get(at.name) ?? -1;
      return i < 0 ? [] : at.field !== undefined && model.groups?.[i][at.field] !== undefined ? ['groups', i, at.field] : ['groups', i];
    }
    case 'user': {
      const i = index.users.get(at.name) ?? -1;
      return i < 0 ? [] : ['users', i];
    }
    case 'application': {
      const apps = model.applications ?? [];
      const i = apps.findIndex((a) => a.name === at.name);
      return i < 0 ? [] : at.field !== undefined && apps[i][at.field] !== undefined ? ['applications', i, at.field] : ['applications', i];
    }
    case 'assignment': {
      const i = index.assignments.get(`${at.principalType === 'USER' ? 'USER' : 'GROUP'}\u0000${at.principal}\u0000${at.permissionSet}`) ?? -1;
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
