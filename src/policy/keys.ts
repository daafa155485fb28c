/**
 * From the model's `keys:` to resolved keys: spec with defaults, key policy from the catalog,
 * identity policies for principals that need one, and every problem found on the way (with its
 * model path, for file:line:col). Pure: the same input gives the same output.
 */
import {
  compareKeys,
  type ResolvedAccount,
  type ResolvedKey,
  identityStoreArn,
  partitionOf,
  ROLE_ARN,
  sortedRecord,
  unknownRef,
  type KeyInput,
  type PrincipalInput,
  type PolicyRef,
  type StatementJson,
  type UseCaseConfig,
} from '../model';
import { SERVICE_PRINCIPAL } from './catalog/aws';
import type { RestrictedAppsProps } from './catalog/advanced';
import type { EncryptionContextValues } from './catalog/shapes';
import { useCaseEntry, useCaseOrder, type ModelUseCaseId } from './catalog/use-cases';
import { principalLabel, resolvePrincipal, uniquePrincipals, type KeyPrincipal, type PrincipalContext } from './principals';
import { keySpec } from './private/key-spec';
import { buildKeyPolicy } from './private/key-policy';
import { groupIdentityNeeds, identityNeeds } from './private/identity';
import { mergeStatements } from './private/merge-statements';

export interface KeyContext {
  organizationId: string;
  managementAccountName: string;
  managementAccountId: string;
  /** Identity Center Region: the key's Region. */
  region: string;
  instanceArn?: string;
  identityStoreId?: string;
  /** `identityCenter.encryption.key`: the key Identity Center uses. */
  encryptionKeyName?: string;
  accounts: readonly ResolvedAccount[];
  permissionSetNames: ReadonlySet<string>;
  /** deployment.deployer: a role ARN in the management account (validated). */
  deployer?: string;
}

export interface KeyProblem {
  /** From the model root, e.g. ['keys', 0, 'useCases', 1, 'delegated-admins', 'principals', 0, 'account']. */
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
  rule?: string;
}

export interface KeyBuildResult {
  keys: ResolvedKey[];
  /** Statements permission-set principals need in their permission set's inline policy, by permission set name. */
  permissionSetStatements: ReadonlyMap<string, StatementJson[]>;
  problems: KeyProblem[];
}

export function buildKeys(keys: readonly KeyInput[], ctx: KeyContext): KeyBuildResult {
  const problems: KeyProblem[] = [];
  const built: ResolvedKey[] = [];
  const perKeyStatements: { key: string; statements: Map<string, StatementJson[]> }[] = [];
  const seen = new Set<string>();
  keys.forEach((input, index) => {
    if (seen.has(input.name)) {
      problems.push({
        path: ['keys', index, 'name'],
        message: `key name '${input.name}' is used by more than one key; key names must be unique`,
        severity: 'error',
        rule: 'key-duplicate-name',
      });
      return;
    }
    seen.add(input.name);
    const result = buildKey(input, ['keys', index], ctx, problems);
    built.push(result.key);
    perKeyStatements.push({ key: input.name, statements: result.permissionSetStatements });
  });
  if (ctx.encryptionKeyName !== undefined && !seen.has(ctx.encryptionKeyName)) {
    problems.push({
      path: ['identityCenter', 'encryption', 'key'],
      message: unknownRef('encryption key', ctx.encryptionKeyName, 'keys', [...seen]),
      severity: 'error',
      rule: 'key-encryption-key-unknown',
    });
  }
  built.sort((a, b) => compareKeys(a.name, b.name));
  perKeyStatements.sort((a, b) => compareKeys(a.key, b.key));
  return { keys: built, permissionSetStatements: combineAcrossKeys(perKeyStatements), problems };
}

function buildKey(
  input: KeyInput,
  path: (string | number)[],
  ctx: KeyContext,
  problems: KeyProblem[],
): { key: ResolvedKey; permissionSetStatements: Map<string, StatementJson[]> } {
  const { spec, problems: specProblems } = keySpec(input, ctx.region, path);
  problems.push(...specProblems);
  const principalCtx: PrincipalContext = { region: ctx.region, accounts: ctx.accounts, permissionSetNames: ctx.permissionSetNames };
  const resolveAll = (list: readonly PrincipalInput[] | undefined | null, at: (string | number)[]): KeyPrincipal[] => {
    const out: KeyPrincipal[] = [];
    (list ?? []).forEach((p, i) => {
      const r = resolvePrincipal(p, principalCtx, [...at, i]);
      if ('principal' in r) out.push(r.principal);
      else problems.push({ ...r.error, severity: 'error', rule: 'key-principal-unknown' });
    });
    return uniquePrincipals(out);
  };

  const administrators = resolveAll(input.administrators, [...path, 'administrators']);
  const deployer = deployerPrincipal(ctx);
  const useCases = new Map<ModelUseCaseId, KeyPrincipal[]>();
  let restrictedApps: RestrictedAppsProps | undefined;
  (input.useCases ?? []).forEach((useCase, i) => {
    const [id, config] = Object.entries(useCase)[0] as [ModelUseCaseId, UseCaseConfig];
    const at = [...path, 'useCases', i, id];
    if (useCases.has(id))
      problems.push({
        path: at,
        message: `use case '${id}' is listed more than once; its principals are merged`,
        severity: 'warning',
        rule: 'key-use-case-duplicate',
      });
    const listed = config && 'principals' in config ? config.principals : undefined;
    const principals = resolveAll(listed, [...at, 'principals']);
    if (useCaseEntry(id).principals === 'required' && (listed ?? []).length === 0) {
      problems.push({
        path: at,
        message: `use case '${id}' needs at least one principal (${useCaseEntry(id).title}); found none`,
        severity: 'error',
        rule: 'key-use-case-principals',
      });
    }
    checkPrincipalAccounts(id, principals, at, ctx, problems);
    useCases.set(id, uniquePrincipals([...(useCases.get(id) ?? []), ...principals]));
    const restrict = 'restrict-managed-applications' in useCase ? useCase['restrict-managed-applications'] : undefined;
    if (restrict) restrictedApps = restrictedAppsProps(restrict, at, ctx, problems);
  });
  checkManagedAppsConflict(input, path, problems);

  const instanceContext: EncryptionContextValues = {
    instanceArn: ctx.instanceArn ?? { ref: 'instance-arn' },
    identityStoreArn:
      ctx.identityStoreId !== undefined
        ? identityStoreArn(ctx.managementAccountId, ctx.identityStoreId, partitionOf(ctx.region))
        : { ref: 'identity-store-arn' },
  };
  const policy = buildKeyPolicy({
    profile: spec.profile,
    organizationId: ctx.organizationId,
    managementAccountId: ctx.managementAccountId,
    region: ctx.region,
    multiRegion: spec.multiRegion,
    administrators,
    useCases,
    restrictedApps,
    instanceContext,
    deployer,
    usedByIdentityCenter: ctx.encryptionKeyName === input.name,
    deletionGuard: input.deletionGuard ?? spec.profile === 'least-privilege',
  });
  for (const message of policy.document.validateForResourcePolicy()) {
    const rule = message.startsWith('key policy is ') ? 'key-policy-too-large' : 'key-policy-invalid';
    problems.push({ path, message: `key '${input.name}': ${message}`, severity: 'error', rule });
  }

  const keyArn: PolicyRef = { ref: spec.multiRegion ? 'key-arn-all-regions' : 'key-arn', key: input.name };
  const needs = identityNeeds({
    profile: spec.profile,
    managementAccountId: ctx.managementAccountId,
    adminAccountIds: policy.adminAccountIds,
    administrators,
    useCases,
  });
  const identity = groupIdentityNeeds(input.name, spec.profile, keyArn, needs);
  const keyPolicy = policy.document.toJSON();

  const key: ResolvedKey = {
    name: input.name,
    alias: spec.alias,
    description: spec.description,
    multiRegion: spec.multiRegion,
    rotation: spec.rotation,
    deletionWindowDays: spec.deletionWindowDays,
    profile: spec.profile,
    replicaRegions: spec.replicaRegions,
    useCases: [...useCases.keys()].sort((a, b) => useCaseOrder(a) - useCaseOrder(b)),
    keyPolicy,
    statementSources: policy.sources,
    identityPolicies: identity.identityPolicies,
    tags: sortedRecord(input.tags),
    usedByIdentityCenter: ctx.encryptionKeyName === input.name,
    principals: [
      ...administrators.map((principal) => ({ useCase: 'key-administration' as const, principal })),
      ...[...useCases]
        .sort(([a], [b]) => useCaseOrder(a) - useCaseOrder(b))
        .flatMap(([useCase, principals]) => principals.map((principal) => ({ useCase, principal }))),
    ],
    deletionGuard: input.deletionGuard ?? spec.profile === 'least-privilege',
  };
  return { key, permissionSetStatements: identity.permissionSetStatements };
}

/** The deployer as a key principal; validate has checked it is a role ARN in the management account. */
function deployerPrincipal(ctx: KeyContext): KeyPrincipal | undefined {
  if (ctx.deployer === undefined) return undefined;
  const m = ROLE_ARN.exec(ctx.deployer);
  if (!m) return undefined;
  return { kind: 'role', arn: ctx.deployer, roleName: m[2], accountId: ctx.managementAccountId, accountName: ctx.managementAccountName };
}

/** Where the docs expect a use case's principals: administrators in the management account, delegated admins elsewhere. */
function checkPrincipalAccounts(
  id: ModelUseCaseId,
  principals: readonly KeyPrincipal[],
  at: (string | number)[],
  ctx: KeyContext,
  problems: KeyProblem[],
): void {
  for (const p of principals) {
    if (id === 'identity-center-admins' && p.accountId !== ctx.managementAccountId) {
      problems.push({
        path: [...at, 'principals'],
        message: `identity-center-admins principal ${principalLabel(p)} is not in the management account ${ctx.managementAccountName}; list administrators of other accounts under delegated-admins`,
        severity: 'warning',
        rule: 'key-use-case-account',
      });
    }
    if (id === 'delegated-admins' && p.accountId === ctx.managementAccountId) {
      problems.push({
        path: [...at, 'principals'],
        message: `delegated-admins principal ${principalLabel(p)} is in the management account ${ctx.managementAccountName}; list it under identity-center-admins`,
        severity: 'warning',
        rule: 'key-use-case-account',
      });
    }
  }
}

/**
 * managed-applications grants every AWS managed application of the organization; its restricted
 * form grants only the listed ones and replaces it. Both listed is a contradiction, refused rather
 * than resolved silently either way (README "The key and its policy").
 */
function checkManagedAppsConflict(input: KeyInput, path: (string | number)[], problems: KeyProblem[]): void {
  const ids = (input.useCases ?? []).map((u) => Object.keys(u)[0]);
  const restrict = ids.indexOf('restrict-managed-applications');
  if (restrict < 0 || !ids.includes('managed-applications')) return;
  problems.push({
    path: [...path, 'useCases', restrict, 'restrict-managed-applications'],
    message:
      "use cases 'managed-applications' and 'restrict-managed-applications' cannot be listed together: managed-applications lets every aws managed application in the organization use the key, restrict-managed-applications only the listed ones; keep managed-applications for all of them, or restrict-managed-applications alone",
    severity: 'error',
    rule: 'key-use-case-conflict',
  });
}

function restrictedAppsProps(
  config: UseCaseConfig<'restrict-managed-applications'>,
  at: (string | number)[],
  ctx: KeyContext,
  problems: KeyProblem[],
): RestrictedAppsProps | undefined {
  const before = problems.length;
  const error = (sub: (string | number)[], message: string) =>
    problems.push({ path: [...at, ...sub], message, severity: 'error', rule: 'key-restricted-apps' });
  if (config.servicePrincipals.length === 0)
    error(['servicePrincipals'], 'restrict-managed-applications needs at least one service principal, e.g. elasticmapreduce.amazonaws.com; found none');
  config.servicePrincipals.forEach((s, i) => {
    if (!SERVICE_PRINCIPAL.test(s)) error(['servicePrincipals', i], `service principal '${s}' is not of the form <service>.amazonaws.com`);
  });
  const sourceAccountIds: string[] = [];
  (config.sourceAccounts ?? []).forEach((name, i) => {
    const account = ctx.accounts.find((a) => a.name === name);
    if (account) sourceAccountIds.push(account.id);
    else
      error(
        ['sourceAccounts', i],
        unknownRef(
          'account',
          name,
          'accounts',
          ctx.accounts.map((a) => a.name),
        ),
      );
  });
  const sourceArns = [...new Set(config.sourceArns ?? [])].sort(compareKeys);
  if (sourceAccountIds.length === 0 && sourceArns.length === 0) {
    error([], 'restrict-managed-applications needs sourceAccounts or sourceArns (the documented restrictions); found neither');
  }
  // Statements built from an invalid restriction would only add noise to the errors above.
  if (problems.length > before) return undefined;
  return {
    servicePrincipals: [...new Set(config.servicePrincipals)].sort(compareKeys),
    sourceAccountIds: [...new Set(sourceAccountIds)].sort(compareKeys),
    sourceArns,
  };
}

/**
 * Permission-set statements from all keys: merged (merge-statements.ts rules); a Sid that two
 * keys use for statements that cannot merge gets the key name appended, so Sids stay unique in
 * the inline policy.
 */
function combineAcrossKeys(perKey: readonly { key: string; statements: Map<string, StatementJson[]> }[]): Map<string, StatementJson[]> {
  const names = [...new Set(perKey.flatMap((k) => [...k.statements.keys()]))].sort(compareKeys);
  const out = new Map<string, StatementJson[]>();
  for (const name of names) {
    const contributions = perKey.map((k) => ({ key: k.key, statements: k.statements.get(name) ?? [] }));
    let merged = mergeStatements(contributions.flatMap((c) => c.statements));
    const counts = new Map<string, number>();
    for (const s of merged) if (s.Sid !== undefined) counts.set(s.Sid, (counts.get(s.Sid) ?? 0) + 1);
    const clashing = new Set([...counts].filter(([, n]) => n > 1).map(([sid]) => sid));
    if (clashing.size > 0) {
      merged = mergeStatements(
        contributions.flatMap((c) => c.statements.map((s) => (s.Sid !== undefined && clashing.has(s.Sid) ? { ...s, Sid: `${s.Sid}${pascal(c.key)}` } : s))),
      );
    }
    out.set(name, merged);
  }
  return out;
}

function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
