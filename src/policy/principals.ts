/**
 * Key principals: the model's `role` / `accountRoot` / `{ permissionSet, account }` bound to
 * account ids, and turned into the Principal + aws:PrincipalArn shape of a key policy statement.
 *
 * Why two shapes:
 * - A permission set becomes `Principal: arn:aws:iam::<acct>:root` narrowed by `ArnLike
 *   aws:PrincipalArn …/AWSReservedSSO_<name>_????????????????` (G2 §3.1 writes `_*`, which also
 *   matches `<name>_<anything>`; the catalog's pattern matches the 16-character suffix only).
 *   Identity Center re-creates the role with a new suffix when the permission set is
 *   re-provisioned, and KMS rejects a key policy whose Principal names a role that does not
 *   exist, so the role ARN never goes in Principal.
 * - A role given by ARN goes in Principal as the docs write it (§3.5, §3.8, launch post): idcgen
 *   does not create these roles, they exist before the key policy, and KMS's principal check then
 *   catches a mistyped ARN at apply time instead of silently granting nothing.
 */
import {
  compareKeys,
  type KeyPrincipalRef,
  type ResolvedAccount,
  accountPrincipalArnPattern,
  accountRootArn,
  partitionOf,
  PATTERNS,
  patternMessage,
  permissionSetRoleArnPattern,
  ROLE_ARN,
  unknownRef,
  type PrincipalInput,
} from '../model';
import type { PrincipalSet } from './catalog/shapes';

export type KeyPrincipal = KeyPrincipalRef;

export interface PrincipalContext {
  readonly region: string;
  readonly accounts: readonly ResolvedAccount[];
  readonly permissionSetNames: ReadonlySet<string>;
}

export type PrincipalResult = { readonly principal: KeyPrincipal } | { readonly error: { readonly path: (string | number)[]; readonly message: string } };

/** Binds one model principal; `path` is where it sits in the model (for the error's position). */
export function resolvePrincipal(input: PrincipalInput, ctx: PrincipalContext, path: (string | number)[]): PrincipalResult {
  // The model's checks own these rules (model/private/check-references.ts); a principal that
  // reaches here unchecked (import trying candidate inputs) gets the same messages.
  const names = () => ctx.accounts.map((a) => a.name);
  if ('role' in input) {
    const m = ROLE_ARN.exec(input.role);
    if (!m) return { error: { path: [...path, 'role'], message: patternMessage('role', input.role, PATTERNS.roleArn) } };
    const account = ctx.accounts.find((a) => a.id === m[1]);
    if (!account) {
      return {
        error: {
          path: [...path, 'role'],
          message: `role '${input.role}' is in account ${m[1]}, which is not in accounts; allowed: ${ctx.accounts.map((a) => a.id).join(', ') || '(none)'}`,
        },
      };
    }
    return { principal: { kind: 'role', arn: input.role, roleName: m[2], accountId: account.id, accountName: account.name } };
  }
  if ('accountRoot' in input) {
    const account = ctx.accounts.find((a) => a.name === input.accountRoot);
    if (!account) return { error: { path: [...path, 'accountRoot'], message: unknownRef('account', input.accountRoot, 'accounts', names()) } };
    return { principal: { kind: 'account', accountId: account.id, accountName: account.name } };
  }
  const account = ctx.accounts.find((a) => a.name === input.account);
  if (!account) return { error: { path: [...path, 'account'], message: unknownRef('account', input.account, 'accounts', names()) } };
  if (!ctx.permissionSetNames.has(input.permissionSet)) {
    return {
      error: { path: [...path, 'permissionSet'], message: unknownRef('permissionSet', input.permissionSet, 'permissionSets', [...ctx.permissionSetNames]) },
    };
  }
  return { principal: { kind: 'permission-set', permissionSet: input.permissionSet, accountId: account.id, accountName: account.name } };
}

/**
 * The Principal and aws:PrincipalArn values that admit exactly `principals`:
 * - roles by ARN, permission sets and accounts by their account root (sorted, unique);
 * - when a permission set is among them, `ArnLike aws:PrincipalArn` lists its role pattern and
 *   every other principal too (role ARNs as they are, whole accounts as `arn:aws:iam::<id>:*`),
 *   because the condition applies to every principal of the statement.
 */
export function principalSet(principals: readonly KeyPrincipal[], region: string): PrincipalSet {
  const partition = partitionOf(region);
  const aws = new Set<string>();
  const arns = new Set<string>();
  for (const p of principals) {
    aws.add(p.kind === 'role' ? p.arn : accountRootArn(p.accountId, partition));
    arns.add(principalArnPattern(p, region));
  }
  const narrowed = principals.some((p) => p.kind === 'permission-set');
  return { aws: [...aws].sort(compareKeys), principalArns: narrowed ? [...arns].sort(compareKeys) : [] };
}

/** The aws:PrincipalArn value (ArnLike) that admits exactly this principal: its role ARN, its permission-set role pattern, or every principal of its account. */
export function principalArnPattern(p: KeyPrincipal, region: string): string {
  const partition = partitionOf(region);
  if (p.kind === 'role') return p.arn;
  return p.kind === 'account'
    ? accountPrincipalArnPattern(p.accountId, partition)
    : permissionSetRoleArnPattern(p.accountId, region, p.permissionSet, partition);
}

/** Stable identity of a principal, for de-duplication and sorting. */
export function principalKey(p: KeyPrincipal): string {
  switch (p.kind) {
    case 'role':
      return `role:${p.arn}`;
    case 'account':
      return `account:${p.accountName}`;
    case 'permission-set':
      return `permission-set:${p.accountName}:${p.permissionSet}`;
  }
}

/** How messages name a principal, in the model's terms. */
export function principalLabel(p: KeyPrincipal): string {
  switch (p.kind) {
    case 'role':
      return `role ${p.arn}`;
    case 'account':
      return `account root of ${p.accountName}`;
    case 'permission-set':
      return `permission set ${p.permissionSet} in ${p.accountName}`;
  }
}

export function uniquePrincipals(principals: readonly KeyPrincipal[]): KeyPrincipal[] {
  const byKey = new Map<string, KeyPrincipal>();
  for (const p of principals) if (!byKey.has(principalKey(p))) byKey.set(principalKey(p), p);
  return [...byKey.values()].sort((a, b) => compareKeys(principalKey(a), principalKey(b)));
}
