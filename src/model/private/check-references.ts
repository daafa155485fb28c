/**
 * Reference checks of assignments and keys: every group, user, permission set, account and key
 * they name must be defined. Key policy rules themselves (use cases, rotation, deletion window,
 * role ARNs) are the policy engine's (buildKeys), which runs on a model whose references bind.
 */
import { partitionOf, roleArn } from '../arns';
import { PATTERNS } from '../aws-patterns';
import type { ModelPath } from '../load';
import type { PrincipalInput } from '../schema';
import { checkPattern, checkRoleArn, checkUnique, type CheckContext } from './context';
import { compareKeys } from '../ir';
import { unknownRef } from './describe';
import { unknownAccountId } from './target-refs';

export function checkAssignments(ctx: CheckContext): void {
  (ctx.model.assignments ?? []).forEach((a, i) => {
    const at: ModelPath = ['assignments', i];
    if (a.group === undefined && a.user === undefined) {
      ctx.error(at, `assignments[${i}] names neither group nor user; give exactly one`);
    } else if (a.group !== undefined && a.user !== undefined) {
      ctx.error([...at, 'user'], `assignments[${i}] names both group '${a.group}' and user '${a.user}'; give exactly one (write two assignments for both)`, {
        key: true,
      });
    }
    if (a.group !== undefined && !ctx.groups.has(a.group)) ctx.error([...at, 'group'], unknownRef('group', a.group, 'groups', [...ctx.groups]));
    if (a.user !== undefined && !ctx.users.has(a.user)) ctx.error([...at, 'user'], unknownRef('user', a.user, 'users', [...ctx.users]));
    if (!ctx.permissionSets.has(a.permissionSet)) {
      ctx.error([...at, 'permissionSet'], unknownRef('permissionSet', a.permissionSet, 'permissionSets', [...ctx.permissionSets]));
    }
    const selectors = (a.accounts?.length ?? 0) + (a.ous?.length ?? 0) + Object.keys(a.tags ?? {}).length;
    if (selectors === 0) {
      ctx.error(at, `assignments[${i}] selects no accounts; give accounts, ous or tags`);
    }
    checkTargetAccounts(ctx, [...at, 'accounts'], a.accounts);
    checkTargetAccounts(ctx, [...at, 'exclude', 'accounts'], a.exclude?.accounts);
  });
}

/** A target names an account by name or by the 12-digit id of an account in the model. */
function checkTargetAccounts(ctx: CheckContext, at: ModelPath, refs: readonly string[] | undefined): void {
  (refs ?? []).forEach((n, j) => {
    if (ctx.accounts.has(n)) return;
    if (PATTERNS.accountId.re.test(n)) {
      if (!ctx.accountIds.has(n)) ctx.error([...at, j], unknownAccountId(n, [...ctx.accountIds].sort(compareKeys)));
      return;
    }
    ctx.error([...at, j], unknownRef('account', n, 'accounts', [...ctx.accounts]));
  });
}

function checkAccountNames(ctx: CheckContext, at: ModelPath, names: readonly string[] | undefined): void {
  (names ?? []).forEach((n, j) => {
    if (!ctx.accounts.has(n)) ctx.error([...at, j], unknownRef('account', n, 'accounts', [...ctx.accounts]));
  });
}

export function checkKeys(ctx: CheckContext): void {
  const keys = ctx.model.keys ?? [];
  checkUnique(ctx, 'keys', keys, 'name', (k) => k.name, 'key name', false);
  keys.forEach((key, i) => {
    const at: ModelPath = ['keys', i];
    checkPattern(ctx, [...at, 'name'], 'key name', key.name, PATTERNS.handle);
    (key.administrators ?? []).forEach((p, j) => checkPrincipal(ctx, [...at, 'administrators', j], p));
    (key.useCases ?? []).forEach((uc, j) => {
      for (const [id, body] of Object.entries(uc)) {
        if (body === null || typeof body !== 'object') continue;
        const ucPath: ModelPath = [...at, 'useCases', j, id];
        if ('principals' in body && Array.isArray(body.principals)) {
          body.principals.forEach((p: PrincipalInput, k: number) => checkPrincipal(ctx, [...ucPath, 'principals', k], p));
        }
        if ('sourceAccounts' in body && Array.isArray(body.sourceAccounts)) checkAccountNames(ctx, [...ucPath, 'sourceAccounts'], body.sourceAccounts);
      }
    });
  });
}

function checkPrincipal(ctx: CheckContext, at: ModelPath, p: PrincipalInput): void {
  if ('role' in p)
    checkRoleArn(
      ctx,
      [...at, 'role'],
      'role',
      p.role,
      roleArn(ctx.model.accounts?.[0]?.id ?? '111111111111', 'Name', partitionOf(ctx.model.identityCenter.region)),
    );
  if ('accountRoot' in p && !ctx.accounts.has(p.accountRoot)) {
    ctx.error([...at, 'accountRoot'], unknownRef('account', p.accountRoot, 'accounts', [...ctx.accounts]));
  }
  if ('permissionSet' in p) {
    if (!ctx.permissionSets.has(p.permissionSet)) {
      ctx.error([...at, 'permissionSet'], unknownRef('permissionSet', p.permissionSet, 'permissionSets', [...ctx.permissionSets]));
    }
    if (!ctx.accounts.has(p.account)) ctx.error([...at, 'account'], unknownRef('account', p.account, 'accounts', [...ctx.accounts]));
  }
}
