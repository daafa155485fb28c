/**
 * Assignments expanded to (principal, permission set, account) triples.
 *
 * Each triple's key is `<GROUP|USER>/<principal>/<permissionSet>/<account>`. Two assignment entries
 * that reach the same triple are one assignment (AWS has one) whose reasons are merged, so
 * overlapping selectors never create duplicate resources. Quotas that only show per account are
 * checked here: at most 100 groups per permission set per account (not adjustable: an error), at
 * most 500 permission sets provisioned per account (adjustable: a warning). Expansion stops at
 * LIMITS.expandedAssignments, at the entry that crosses it, so a short model cannot fill memory.
 */
import {
  compareKeys,
  type PrincipalType,
  type ResolvedAccount,
  issueCollector,
  type Issue,
  LIMITS,
  type LoadedModel,
  type AssignmentInput,
  selectAccounts,
  type OuIds,
} from '../../model';

export interface Triple {
  readonly key: string;
  readonly principalType: PrincipalType;
  readonly principalName: string;
  readonly permissionSet: string;
  readonly account: ResolvedAccount;
  /** Sorted and unique (merged when entries overlap). */
  reasons: string[];
}

export function assignmentKey(type: PrincipalType, principal: string, permissionSet: string, account: string): string {
  return `${type}/${principal}/${permissionSet}/${account}`;
}

/** Every triple, sorted by key, and the problems of targets (positioned at the assignment). */
export function expandAssignments(
  loaded: LoadedModel,
  assignments: readonly AssignmentInput[],
  accounts: readonly ResolvedAccount[],
  managementAccountName: string,
  ouIds: OuIds = new Map(),
): { triples: Triple[]; issues: Issue[] } {
  const collector = issueCollector();
  const issues = collector.issues;
  const triples = new Map<string, Triple>();
  // Quota counters. Triples are unique, so each new GROUP triple is one more distinct group for its
  // (permission set, account): a count is enough, no set of names per slot (100,000s of them).
  const setsPer = new Map<string, Set<string>>();
  const groupsPer = new Map<string, Map<string, number>>();
  const groupLimit = LIMITS.groupsPerPermissionSetPerAccount;
  const setLimit = LIMITS.provisionedPermissionSetsPerAccount;

  const total = LIMITS.expandedAssignments;
  for (const [i, a] of assignments.entries()) {
    const { selected, problems } = selectAccounts(
      { accounts: a.accounts, ous: a.ous, tags: a.tags, exclude: a.exclude, includeManagementAccount: a.includeManagementAccount },
      accounts,
      managementAccountName,
      ouIds,
    );
    for (const p of problems) collector.add('error', () => loaded.issue(['assignments', i, ...p.path], p.message));
    const principalType: PrincipalType = a.group !== undefined ? 'GROUP' : 'USER';
    const principalName = (a.group ?? a.user) as string;
    let groupCounts = groupsPer.get(a.permissionSet);
    if (!groupCounts) groupsPer.set(a.permissionSet, (groupCounts = new Map()));
    for (const { account, reasons } of selected) {
      const key = assignmentKey(principalType, principalName, a.permissionSet, account.name);
      const existing = triples.get(key);
      if (existing) {
        existing.reasons = [...new Set([...existing.reasons, ...reasons])].sort(compareKeys);
        continue;
      }
      // Memory guard: stop at the entry that crosses the limit, before the model grows further.
      if (triples.size === total.max) {
        issues.push(
          loaded.issue(
            ['assignments', i],
            `assignments expand to more than ${total.max} account assignments by this entry; allowed at most ${total.max} (${total.why})`,
          ),
        );
        return { triples: [], issues };
      }
      // selectAccounts returns each account's reasons sorted and unique, in a fresh array
      triples.set(key, { key, principalType, principalName, permissionSet: a.permissionSet, account, reasons });

      let sets = setsPer.get(account.name);
      if (!sets) setsPer.set(account.name, (sets = new Set()));
      const before = sets.size;
      if (sets.add(a.permissionSet).size === setLimit.max + 1 && before === setLimit.max) {
        collector.add('warning', () => ({
          ...loaded.issue(
            ['assignments', i],
            `account '${account.name}' gets more than ${setLimit.max} permission sets; request a quota increase first (${setLimit.why})`,
          ),
          severity: 'warning',
        }));
      }
      if (principalType !== 'GROUP') continue;
      const groups = (groupCounts.get(account.name) ?? 0) + 1;
      groupCounts.set(account.name, groups);
      if (groups === groupLimit.max + 1) {
        collector.add('error', () =>
          loaded.issue(
            ['assignments', i],
            `permission set '${a.permissionSet}' is assigned to more than ${groupLimit.max} groups in account '${account.name}'; allowed at most ${groupLimit.max} (${groupLimit.why})`,
          ),
        );
      }
    }
  }
  return { triples: [...triples.values()].sort((x, y) => compareKeys(x.key, y.key)), issues };
}
