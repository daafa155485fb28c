/** Checks of accounts and groups: ids, names, duplicates and group members (users: check-users.ts). */
import { PATTERNS } from '../aws-patterns';
import { LIMITS } from '../limits';
import { hasEmptySegment } from '../paths';
import { checkPattern, checkTags, checkUnique, type CheckContext } from './context';
import { emptySegmentMessage, lengthMessage, outOfLength, unknownRef } from './describe';

export function checkAccounts(ctx: CheckContext): void {
  const accounts = ctx.model.accounts ?? [];
  if (accounts.length > LIMITS.accounts.max) {
    ctx.error(['accounts'], `${accounts.length} accounts are defined; allowed at most ${LIMITS.accounts.max} (${LIMITS.accounts.why})`, { key: true });
  }
  // AWS account names are not unique, but idcgen's are addresses (units, files): fold case so two
  // units never differ only by case on a case-insensitive file system.
  checkUnique(ctx, 'accounts', accounts, 'name', (a) => a.name, 'account name', true);
  checkUnique(ctx, 'accounts', accounts, 'id', (a) => a.id, 'account id', false);
  accounts.forEach((a, i) => {
    if (outOfLength(a.name, LIMITS.accountName)) ctx.error(['accounts', i, 'name'], lengthMessage('account name', a.name, LIMITS.accountName));
    else checkPattern(ctx, ['accounts', i, 'name'], 'account name', a.name, PATTERNS.handle);
    checkPattern(ctx, ['accounts', i, 'id'], 'account id', a.id, PATTERNS.accountId);
    if (a.ou !== undefined) {
      if (hasEmptySegment(a.ou)) {
        ctx.error(['accounts', i, 'ou'], emptySegmentMessage('ou', a.ou));
      }
    }
    checkTags(ctx, ['accounts', i, 'tags'], a.tags);
  });
}

export function checkGroups(ctx: CheckContext): void {
  const groups = ctx.model.groups ?? [];
  checkUnique(ctx, 'groups', groups, 'name', (g) => g.name, 'group name', true);
  groups.forEach((g, i) => {
    if (outOfLength(g.name, LIMITS.groupDisplayName)) ctx.error(['groups', i, 'name'], lengthMessage('group name', g.name, LIMITS.groupDisplayName));
    if (g.description !== undefined && outOfLength(g.description, LIMITS.groupDisplayName)) {
      ctx.error(['groups', i, 'description'], lengthMessage('group description', g.description, LIMITS.groupDisplayName));
    }
    if (g.external === true && g.members !== undefined && g.members.length > 0) {
      ctx.error(
        ['groups', i, 'members'],
        `group '${g.name}' is external (synced by scim), so its members are managed in the identity provider; remove members or drop external: true`,
        { key: true },
      );
      return;
    }
    const seen = new Set<string>();
    (g.members ?? []).forEach((m, j) => {
      if (seen.has(m)) ctx.error(['groups', i, 'members', j], `user '${m}' is listed twice in the members of group '${g.name}'`);
      seen.add(m);
      if (!ctx.users.has(m)) ctx.error(['groups', i, 'members', j], unknownRef('member', m, 'users', [...ctx.users]));
    });
  });
}
