/**
 * Assignments expanded to (principal, permission set, account) triples.
 *
 * Each triple's key is `<GROUP|USER>/<principal>/<permissionSet>/<account>`. Two assignment entries
 * that reach the same triple are one assignment (AWS has one) whose reasons are merged, so
 * overlapping selectors never create duplicate resources. Quotas that only show per account are
 * checked here: at most 100 groups per permission set per account (not adjustable: an error), at
 * most 500 permission sets provisioned per account (adjustable: a warning).
 */
import { compareKeys, type PrincipalType, type ResolvedAccount } from '../ir';
import type { Issue } from '../issues';
import { LIMITS } from '../limits';
import type { LoadedModel } from '../load';
import type { AssignmentInput } from '../schema';
import { selectAccounts } from '../targets';

export interface Triple {
  readonly key: string;
  readonly principalType: PrincipalType;
  readonly principalName: string;
  readonly permissionSet: string;
  readonly account: ResolvedAccount;
  readonly reasons: Set<string>;
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
): { triples: Triple[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const triples = new Map<string, Triple>();
  const groupsPer = new Map<string, Set<string>>();
  const setsPer = new Map<string, Set<string>>();
  const reported = new Set<string>();

  assignments.forEach((a, i) => {
    const { selected, problems } = selectAccounts(
      { accounts: a.accounts, ous: a.ous, tags: a.tags, exclude: a.exclude, includeManagementAccount: a.includeManagementAccount },
      accounts,
      managementAccountName,
    );
    for (const p of problems) issues.push(loaded.issue(['assignments', i, ...p.path], p.message));
    const principalType: PrincipalType = a.group !== undefined ? 'GROUP' : 'USER';
    const principalName = (a.group ?? a.user) as string;
    for (const { account, reasons } of selected) {
      const key = assignmentKey(principalType, principalName, a.permissionSet, account.name);
      const existing = triples.get(key);
      if (existing) {
        for (const r of reasons) existing.reasons.add(r);
        continue;
      }
      triples.set(key, { key, principalType, principalName, permissionSet: a.permissionSet, account, reasons: new Set(reasons) });

      const sets = setsPer.get(account.name) ?? new Set<string>();
      setsPer.set(account.name, sets.add(a.permissionSet));
      if (sets.size === LIMITS.provisionedPermissionSetsPerAccount.max + 1) {
        const lim = LIMITS.provisionedPermissionSetsPerAccount;
        issues.push({
          ...loaded.issue(['assignments', i], `account '${account.name}' gets more than ${lim.max} permission sets; request a quota increase first (${lim.why})`),
          severity: 'warning',
        });
      }
      if (principalType !== 'GROUP') continue;
      const slot = `${a.permissionSet}/${account.name}`;
      const groups = groupsPer.get(slot) ?? new Set<string>();
      groupsPer.set(slot, groups.add(principalName));
      const lim = LIMITS.groupsPerPermissionSetPerAccount;
      if (groups.size > lim.max && !reported.has(slot)) {
        reported.add(slot);
        issues.push(
          loaded.issue(
            ['assignments', i],
            `permission set '${a.permissionSet}' is assigned to ${groups.size} groups in account '${account.name}'; allowed at most ${lim.max} (${lim.why})`,
          ),
        );
      }
    }
  });
  return { triples: [...triples.values()].sort((x, y) => compareKeys(x.key, y.key)), issues };
}
