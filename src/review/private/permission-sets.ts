/**
 * Permission set changes: fields, managed and customer managed attachments, the inline policy
 * statement by statement, the permissions boundary; and renames.
 *
 * Rename rule: a permission set removed and another added whose content (everything but the name,
 * compared in canonical form) is identical is reported as one rename, because that is what the
 * author did, and because it has a cost a plain add/remove hides: Identity Center replaces the
 * permission set and every assignment of it. Pairs are matched in name order, one to one.
 */
import { compareKeys, type CustomerManagedPolicyRef, type PermissionsBoundary, type ResolvedPermissionSet } from '../../model';
import type { PermissionSetChange } from '../types';
import { canonicalJson, canonicalStatement } from '../../policy';
import { diffFields, diffList, isEmptyList, tagList, type Fields } from './fields';
import { diffStatements } from './statements';

export function cmpName(p: CustomerManagedPolicyRef): string {
  return `${p.path}${p.name}`;
}

function boundaryText(b: PermissionsBoundary | undefined): string | undefined {
  if (!b) return undefined;
  return 'managedPolicyArn' in b ? b.managedPolicyArn : cmpName(b.customerManagedPolicy);
}

function fields(ps: ResolvedPermissionSet): Fields {
  // An external permission set has no settings here: only that it is external (and the managed
  // policies it is declared to hold, diffed below).
  if (ps.external === true) return [['external', true]];
  return [
    ['description', ps.description],
    ['sessionDuration', ps.sessionDuration],
    ['relayState', ps.relayState],
    ['tags', tagList(ps.tags)],
  ];
}

/** Everything but the name, canonical: equal content means a rename. */
function contentKey(ps: ResolvedPermissionSet): string {
  return canonicalJson({
    fields: fields(ps),
    managed: [...ps.managedPolicyArns].sort(compareKeys),
    cmp: ps.customerManagedPolicies.map(cmpName).sort(compareKeys),
    inline: (ps.inlinePolicy?.Statement ?? []).map((s) => canonicalJson(canonicalStatement(s))).sort(compareKeys),
    boundary: boundaryText(ps.permissionsBoundary),
  });
}

function diffOne(name: string, x: ResolvedPermissionSet | undefined, y: ResolvedPermissionSet | undefined): PermissionSetChange {
  const boundary = diffFields([['permissionsBoundary', boundaryText(x?.permissionsBoundary)]], [['permissionsBoundary', boundaryText(y?.permissionsBoundary)]]);
  return {
    name,
    change: x && y ? 'changed' : x ? 'removed' : 'added',
    fields: diffFields(x && fields(x), y && fields(y)),
    managedPolicies: diffList(x?.managedPolicyArns, y?.managedPolicyArns),
    customerManagedPolicies: diffList(x?.customerManagedPolicies.map(cmpName), y?.customerManagedPolicies.map(cmpName)),
    inlinePolicy: diffStatements(x?.inlinePolicy, y?.inlinePolicy),
    ...(boundary.length > 0 ? { permissionsBoundary: boundary[0] } : {}),
  };
}

function isNoChange(c: PermissionSetChange): boolean {
  return (
    c.change === 'changed' &&
    c.fields.length === 0 &&
    isEmptyList(c.managedPolicies) &&
    isEmptyList(c.customerManagedPolicies) &&
    c.inlinePolicy.length === 0 &&
    c.permissionsBoundary === undefined
  );
}

export function diffPermissionSets(base: readonly ResolvedPermissionSet[], head: readonly ResolvedPermissionSet[]): PermissionSetChange[] {
  const b = new Map(base.map((p) => [p.name, p]));
  const h = new Map(head.map((p) => [p.name, p]));
  const removed = base.filter((p) => !h.has(p.name));
  const added = head.filter((p) => !b.has(p.name));

  // Renames: match removed → added by identical content, in name order.
  const renamedTo = new Map<string, string>();
  const taken = new Set<string>();
  for (const r of [...removed].sort((p, q) => compareKeys(p.name, q.name))) {
    const key = contentKey(r);
    const match = [...added].sort((p, q) => compareKeys(p.name, q.name)).find((a) => !taken.has(a.name) && contentKey(a) === key);
    if (match) {
      renamedTo.set(r.name, match.name);
      taken.add(match.name);
    }
  }
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to, from]));

  const out: PermissionSetChange[] = [];
  for (const name of [...new Set([...b.keys(), ...h.keys()])].sort(compareKeys)) {
    if (renamedTo.has(name)) continue;
    const from = renamedFrom.get(name);
    if (from !== undefined) {
      out.push({ ...diffOne(name, h.get(name), h.get(name)), change: 'renamed', renamedFrom: from });
      continue;
    }
    const c = diffOne(name, b.get(name), h.get(name));
    if (!isNoChange(c)) out.push(c);
  }
  return out;
}
