/**
 * Well-Architected identity checks over the resolved model (rules and thresholds:
 * well-architected-rules.ts). Like the policy lint they read only the IR and return findings with
 * where they belong; the pipeline positions them in the YAML and drops the rules the model disables.
 * Nothing here changes the IR, so no rule can change generated output.
 */
import {
  assignmentsByPrincipal,
  principalAssignments,
  sessionDurationSeconds,
  type PrincipalType,
  type ResolvedAccount,
  type ResolvedModel,
  compareKeys,
  isProduction,
  type PolicyDocumentJson,
  type StatementJson,
  ADMIN_BROAD_MAX_MEMBERS,
  ADMIN_SESSION_MAX,
  WELL_ARCHITECTED_RULES,
  type WellArchitectedRule,
} from '../model';
// The one production rule of review and explain; imported from its file so lint does not load the review stage.
import { administratorAccessReasons, customerPolicyDocuments } from './admin-access';
import { actionsOf } from './json';

/** Where a finding belongs in the model, in the model's own terms. */
export type FindingLocation =
  | { readonly kind: 'permissionSet'; readonly name: string; readonly field?: 'sessionDuration' }
  | { readonly kind: 'inlineStatement'; readonly permissionSet: string; readonly statement: StatementJson }
  | { readonly kind: 'customerPolicyStatement'; readonly path: string; readonly name: string; readonly statement: StatementJson }
  | { readonly kind: 'group'; readonly name: string; readonly field?: 'members' }
  | { readonly kind: 'user'; readonly name: string }
  | { readonly kind: 'assignment'; readonly principalType: PrincipalType; readonly principal: string; readonly permissionSet: string }
  | { readonly kind: 'application'; readonly name: string; readonly field?: 'provider' };

export interface WellArchitectedFinding {
  readonly rule: WellArchitectedRule;
  readonly severity: 'warning';
  readonly message: string;
  readonly at: FindingLocation;
}

export function lintWellArchitected(ir: ResolvedModel): WellArchitectedFinding[] {
  const out: WellArchitectedFinding[] = [];
  const add = (rule: WellArchitectedRule, message: string, at: FindingLocation): void => {
    out.push({ rule, severity: WELL_ARCHITECTED_RULES[rule].severity, message, at });
  };
  const customerPolicies = customerPolicyDocuments(ir);
  const admin = new Map(ir.permissionSets.map((ps) => [ps.name, administratorAccessReasons(ps, customerPolicies)]));
  const byPrincipal = assignmentsByPrincipal(ir);
  const assignedSets = new Set(ir.assignments.map((a) => a.permissionSet));
  const accounts = new Map<string, ResolvedAccount>(ir.accounts.map((a) => [a.name, a]));
  const production = (name: string): boolean => {
    const a = accounts.get(name);
    return a !== undefined && isProduction(a);
  };

  // assignment-to-user: one finding per user and permission set, at the assignment that grants it
  for (const list of byPrincipal.values()) {
    if (list[0].principalType !== 'USER') continue;
    for (const [ps, held] of groupBy(list, (a) => a.permissionSet)) {
      const user = held[0].principalName;
      add(
        'assignment-to-user',
        `user '${user}' is assigned permission set '${ps}' directly (${count(held.length, 'account')}); assign it to a group the user is a member of`,
        {
          kind: 'assignment',
          principalType: 'USER',
          principal: user,
          permissionSet: ps,
        },
      );
    }
  }

  for (const ps of ir.permissionSets) {
    const reasons = admin.get(ps.name) ?? [];
    const seconds = sessionDurationSeconds(ps.sessionDuration) ?? 0;
    if (reasons.length > 0 && seconds > ADMIN_SESSION_MAX.seconds) {
      add(
        'admin-session-long',
        `permission set '${ps.name}' has administrator-equivalent access (${reasons[0]}) and sessionDuration ${ps.sessionDuration}; allowed at most ${ADMIN_SESSION_MAX.text} for administrator access`,
        { kind: 'permissionSet', name: ps.name, field: 'sessionDuration' },
      );
    }
    if (!assignedSets.has(ps.name))
      add('permission-set-unused', `permission set '${ps.name}' is assigned nowhere; assign it or remove it`, { kind: 'permissionSet', name: ps.name });
    lintWildcards(
      ps.inlinePolicy,
      `permission set '${ps.name}' inline policy`,
      (statement) => ({ kind: 'inlineStatement', permissionSet: ps.name, statement }),
      add,
    );
  }
  for (const [key, doc] of [...customerPolicies].sort(([a], [b]) => compareKeys(a, b))) {
    const slash = key.lastIndexOf('/');
    const path = key.slice(0, slash + 1);
    const name = key.slice(slash + 1);
    lintWildcards(doc, `customer managed policy ${key}`, (statement) => ({ kind: 'customerPolicyStatement', path, name, statement }), add);
  }

  for (const g of ir.groups) {
    const held = principalAssignments(ir, 'GROUP', g.name);
    if (held.length === 0)
      add('group-unused', `group '${g.name}' has no assignments, so it grants no access; assign it or remove it`, { kind: 'group', name: g.name });
    if (g.external || g.members.length <= ADMIN_BROAD_MAX_MEMBERS) continue;
    const prod = held.filter((a) => (admin.get(a.permissionSet) ?? []).length > 0 && production(a.accountName));
    if (prod.length === 0) continue;
    const sets = [...new Set(prod.map((a) => a.permissionSet))].sort(compareKeys);
    const where = [...new Set(prod.map((a) => a.accountName))].sort(compareKeys);
    add(
      'admin-broad',
      `group '${g.name}' has ${g.members.length} members and administrator-equivalent access in production (permission set ${sets.join(', ')} in ${where.join(', ')}); allowed at most ${ADMIN_BROAD_MAX_MEMBERS} members for administrator access in production`,
      { kind: 'group', name: g.name, field: 'members' },
    );
  }

  // identity-source-mixed: an external (SCIM-synced) group or user says an identity provider is the source
  const synced = [...ir.groups.filter((g) => g.external).map((g) => `group ${g.name}`), ...ir.users.filter((u) => u.external).map((u) => `user ${u.userName}`)];
  if (synced.length > 0) {
    for (const u of ir.users.filter((x) => !x.external)) {
      add(
        'identity-source-mixed',
        `user '${u.userName}' is created in identity center, but ${synced.slice(0, 3).join(', ')}${synced.length > 3 ? ` and ${synced.length - 3} more` : ''} ${synced.length === 1 ? 'is' : 'are'} synced from an identity provider; create the user there and set external: true`,
        { kind: 'user', name: u.userName },
      );
    }
  }
  return out;
}

/** wildcard-action: Allow statements with `*`, `*:*`, `service:*`, or NotAction (everything but a list). */
function lintWildcards(
  doc: PolicyDocumentJson | undefined,
  what: string,
  at: (s: StatementJson) => FindingLocation,
  add: (rule: WellArchitectedRule, message: string, at: FindingLocation) => void,
): void {
  for (const s of doc?.Statement ?? []) {
    if (s.Effect !== 'Allow') continue;
    const label = s.Sid !== undefined ? `statement '${s.Sid}'` : 'a statement without sid';
    const wild = actionsOf(s).filter((a) => a === '*' || /^[^:]+:\*$/.test(a));
    if (wild.length > 0)
      add('wildcard-action', `${what} ${label} allows action ${wild.map((a) => `'${a}'`).join(', ')}; name the actions the task needs`, at(s));
    else if (s.NotAction !== undefined)
      add('wildcard-action', `${what} ${label} allows every action except its NotAction list; name the actions the task needs`, at(s));
  }
}

function groupBy<T>(items: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = keyOf(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
