/**
 * Permission sets in IR form: defaults applied, lists sorted, the key statements a permission set
 * needs (as a key principal) merged into its inline policy, and the customer managed policy
 * documents each permission set needs in the accounts it is assigned to.
 */
import { withKeyStatements } from '../../policy';
import {
  type PolicyDocumentJson,
  type StatementJson,
  compareKeys,
  type CustomerManagedPolicyRef,
  type ResolvedPermissionSet,
  type Issue,
  LIMITS,
  type LoadedModel,
  type PermissionSetInput,
  type PolicyToCreate,
  normalizeIamPath,
  nonWhitespaceBytes,
  sortedRecord,
  toArray,
} from '../../model';

export const DEFAULT_SESSION_DURATION = 'PT1H';

/** A user-written policy document in wire form: a single statement mapping becomes a list. */
export function toPolicyDocument(doc: Record<string, unknown>): PolicyDocumentJson {
  const st = doc.Statement;
  return { ...(doc as unknown as PolicyDocumentJson), Statement: toArray(st) as StatementJson[] };
}

function ref(r: { name: string; path?: string }): CustomerManagedPolicyRef {
  return { name: r.name, path: normalizeIamPath(r.path) };
}

const byPathName = (a: CustomerManagedPolicyRef, b: CustomerManagedPolicyRef): number => compareKeys(`${a.path}${a.name}`, `${b.path}${b.name}`);

export function resolvePermissionSets(
  loaded: LoadedModel,
  sets: readonly PermissionSetInput[],
  keyStatements: ReadonlyMap<string, readonly StatementJson[]>,
): { permissionSets: ResolvedPermissionSet[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = sets.map((ps, i): ResolvedPermissionSet => {
    if (ps.external === true) {
      const needs = keyStatements.get(ps.name) ?? [];
      if (needs.length > 0) {
        const actions = [...new Set(needs.flatMap((st) => [st.Action ?? []].flat()))].sort(compareKeys);
        issues.push({
          ...loaded.issue(
            ['permissionSets', i, 'external'],
            `permission set '${ps.name}' is external, so idcgen cannot add the key statements it needs as a key principal to its inline policy; the policies it holds must allow ${actions.join(', ')} on the key (aws managed administrator policies do)`,
            { key: true },
          ),
          severity: 'warning',
        });
      }
      return {
        name: ps.name,
        external: true,
        sessionDuration: DEFAULT_SESSION_DURATION,
        tags: {},
        managedPolicyArns: [...new Set(ps.managedPolicies ?? [])].sort(compareKeys),
        customerManagedPolicies: [],
      };
    }
    const user = ps.inlinePolicy ? toPolicyDocument(ps.inlinePolicy) : undefined;
    const inlinePolicy = withKeyStatements(user, keyStatements.get(ps.name) ?? []);
    const lim = LIMITS.inlinePolicyNonWhitespaceBytes;
    if (inlinePolicy && nonWhitespaceBytes(inlinePolicy) > lim.max) {
      issues.push(
        loaded.issue(
          ['permissionSets', i, ps.inlinePolicy ? 'inlinePolicy' : 'name'],
          `inlinePolicy with the key statements permission set '${ps.name}' needs is ${nonWhitespaceBytes(inlinePolicy)} non-whitespace bytes; allowed at most ${lim.max} (${lim.why})`,
        ),
      );
    }
    const b = ps.permissionsBoundary;
    return {
      name: ps.name,
      ...(ps.description !== undefined ? { description: ps.description } : {}),
      sessionDuration: ps.sessionDuration ?? DEFAULT_SESSION_DURATION,
      ...(ps.relayState !== undefined ? { relayState: ps.relayState } : {}),
      tags: sortedRecord(ps.tags),
      managedPolicyArns: [...new Set(ps.managedPolicies ?? [])].sort(compareKeys),
      customerManagedPolicies: (ps.customerManagedPolicies ?? []).map(ref).sort(byPathName),
      ...(inlinePolicy ? { inlinePolicy } : {}),
      ...(b
        ? { permissionsBoundary: 'managedPolicy' in b ? { managedPolicyArn: b.managedPolicy } : { customerManagedPolicy: ref(b.customerManagedPolicy) } }
        : {}),
    };
  });
  return { permissionSets: out.sort((a, b) => compareKeys(a.name, b.name)), issues };
}

/**
 * Permission set name → customer managed policies with a document that must exist in each account
 * it is assigned to: its own references and its permissions boundary, when any permission set gives
 * that name and path a `policy:` document (validation made sure they all give the same one).
 */
export function policiesToCreate(sets: readonly PermissionSetInput[]): Map<string, PolicyToCreate[]> {
  const documents = new Map<string, PolicyToCreate>();
  for (const ps of sets) {
    for (const r of ps.customerManagedPolicies ?? []) {
      if (r.policy === undefined) continue;
      const p = ref(r);
      documents.set(`${p.path}${p.name}`, { ...p, document: toPolicyDocument(r.policy) });
    }
  }
  const out = new Map<string, PolicyToCreate[]>();
  if (documents.size === 0) return out;
  for (const ps of sets) {
    if (ps.external === true) continue;
    const refs = (ps.customerManagedPolicies ?? []).map(ref);
    const b = ps.permissionsBoundary;
    if (b && 'customerManagedPolicy' in b) refs.push(ref(b.customerManagedPolicy));
    const needed = refs.map((r) => documents.get(`${r.path}${r.name}`)).filter((p): p is PolicyToCreate => p !== undefined);
    if (needed.length > 0) out.set(ps.name, needed.sort(byPathName));
  }
  return out;
}
