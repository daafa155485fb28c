/**
 * Resolution: a validated model becomes the IR (ir.ts), the only input of emitters and review.
 *
 * - Defaults: sessionDuration PT1H, customer managed policy path `/`, deployment role
 *   OrganizationAccountAccessRole (plan role: the same when absent), maxResourcesPerStack 500, local backend (s3: key prefix `idcgen`,
 *   the Identity Center Region, encrypt true), encryption not managed.
 * - Accounts: OU paths without slashes or a leading `Root/` (`Root` for the root itself).
 * - Assignments: expanded through the target grammar (targets.ts) to deduplicated triples with
 *   stable keys (private/expand-assignments.ts).
 * - Keys: the policy engine (buildKeys) builds key policies and identity policies; statements a
 *   permission set needs are merged into its inline policy.
 * - Applications: provider `custom` of the partition, ENABLED, assignment required
 *   (private/resolve-applications.ts); attributes for access control sorted by key.
 * - Units: shard.ts (permission sets, applications and the identity store leave the management
 *   unit only when it would exceed maxResourcesPerStack, or when a delegated administrator manages
 *   them: private/delegated-admin.ts).
 * - Every list sorted with compareKeys; nothing depends on YAML order or positions.
 *
 * Runs only on a model that passed validateModel, so every name it looks up exists.
 */
import * as path from 'node:path';
import { buildKeys } from '../policy';
import {
  partitionOf,
  type BackendConfig,
  type ResolvedAccount,
  type ResolvedGroup,
  type ResolvedModel,
  compareKeys,
  ModelError,
  sortIssues,
  type Issue,
  type LoadedModel,
  ouIdMap,
  accountPolicyNameIssues,
  delegatedAdminPrincipals,
  keysWithDelegatedAdmin,
  MANAGEMENT_ASSIGNMENTS_UNIT,
  managedFromManagement,
  type OrgModel,
  buildUnits,
  shardAssignments,
  accessControlResources,
  applicationResources,
  groupResources,
  keyResources,
  permissionSetResources,
  userResources,
  displayOu,
  sortedRecord,
  trimSlashes,
} from '../model';
import { expandAssignments } from './private/expand-assignments';
import { resolveUsers } from './private/resolve-users';
import { resolveAccessControlAttributes, resolveApplications } from './private/resolve-applications';
import { policiesToCreate, resolvePermissionSets } from './private/resolve-permission-sets';

export const DEFAULT_ROLE_NAME = 'OrganizationAccountAccessRole';
export const DEFAULT_MAX_RESOURCES_PER_STACK = 500;
export const DEFAULT_S3_KEY_PREFIX = 'idcgen';

/** The IR, throwing one ModelError when resolution finds errors (warnings are dropped). */
export function resolveModel(loaded: LoadedModel, model: OrgModel): ResolvedModel {
  const { ir, issues } = resolveWithIssues(loaded, model);
  if (issues.some((i) => i.severity === 'error')) throw new ModelError(issues, loaded.file);
  return ir;
}

/** The IR and every issue resolution found (target problems, key problems, per-account quotas). */
export function resolveWithIssues(loaded: LoadedModel, model: OrgModel): { ir: ResolvedModel; issues: Issue[] } {
  const issues: Issue[] = [];
  const accounts = resolveAccounts(model);
  const management = accounts.find((a) => a.name === model.organization.managementAccount) as ResolvedAccount;
  const { identityCenter, deployment } = model;
  const roleName = deployment?.roleName ?? DEFAULT_ROLE_NAME;
  const planRoleName = deployment?.planRoleName;
  const partition = partitionOf(identityCenter.region);
  const delegatedAdmin = accounts.find((a) => a.name === identityCenter.delegatedAdmin);

  const keysInput = delegatedAdmin
    ? keysWithDelegatedAdmin(model.keys ?? [], identityCenter.encryption?.key, delegatedAdminPrincipals(delegatedAdmin, roleName, planRoleName, partition))
    : (model.keys ?? []);
  const keyResult = buildKeys(keysInput, {
    organizationId: model.organization.id,
    managementAccountName: management.name,
    managementAccountId: management.id,
    region: identityCenter.region,
    instanceArn: identityCenter.instanceArn,
    identityStoreId: identityCenter.identityStoreId,
    encryptionKeyName: identityCenter.encryption?.key,
    accounts,
    permissionSetNames: new Set((model.permissionSets ?? []).map((p) => p.name)),
    deployer: deployment?.deployer,
  });
  for (const p of keyResult.problems) {
    issues.push({ ...loaded.issue(p.path, p.message, { rule: p.rule }), severity: p.severity });
  }

  const sets = resolvePermissionSets(loaded, model.permissionSets ?? [], keyResult.permissionSetStatements);
  for (const i of sets.issues) issues.push(i);

  const expanded = expandAssignments(loaded, model.assignments ?? [], accounts, management.name, ouIdMap(model));
  for (const i of expanded.issues) issues.push(i);
  const maxResourcesPerStack = deployment?.maxResourcesPerStack ?? DEFAULT_MAX_RESOURCES_PER_STACK;
  // With a delegated administrator, what only the management account may manage stays with it.
  const fromManagement = delegatedAdmin
    ? managedFromManagement(
        expanded.triples.map((t) => ({ permissionSet: t.permissionSet, accountName: t.account.name })),
        management.name,
        (model.permissionSets ?? []).filter((ps) => ps.external === true).map((ps) => ps.name),
      )
    : new Set<string>();
  const inManagementUnit = (t: (typeof expanded.triples)[number]): boolean =>
    delegatedAdmin !== undefined && (t.account.name === management.name || fromManagement.has(t.permissionSet));
  const sharded = expanded.triples.filter((t) => !inManagementUnit(t));
  const shardOf = shardAssignments(
    sharded.map((t) => ({ key: t.key, accountName: t.account.name, permissionSet: t.permissionSet })),
    maxResourcesPerStack,
  );
  const shardByKey = new Map(sharded.map((t, i) => [t.key, shardOf[i]]));
  const unitOf = expanded.triples.map((t) => shardByKey.get(t.key) ?? MANAGEMENT_ASSIGNMENTS_UNIT);
  const assignments = expanded.triples.map((t, i) => ({
    key: t.key,
    principalType: t.principalType,
    principalName: t.principalName,
    permissionSet: t.permissionSet,
    accountName: t.account.name,
    accountId: t.account.id,
    unit: unitOf[i],
    reasons: t.reasons,
  }));

  const keys = [...keyResult.keys].sort((a, b) => compareKeys(a.name, b.name));
  const identityPolicies = keys.flatMap((k) => k.identityPolicies);
  issues.push(...accountPolicyNameIssues(loaded, model, assignments, identityPolicies));
  const groups = resolveGroups(model);
  const users = resolveUsers(model);
  const manageEncryption = identityCenter.encryption?.manage ?? false;
  const encryptionKey = identityCenter.encryption?.key;
  const applications = resolveApplications(model.applications ?? [], partition);
  const accessControlAttributes = resolveAccessControlAttributes(model);
  const units = buildUnits({
    region: identityCenter.region,
    roleName,
    planRoleName,
    managementAccount: management,
    accounts,
    assignments,
    identityPolicies,
    policiesByPermissionSet: policiesToCreate(model.permissionSets ?? []),
    ...(delegatedAdmin ? { delegatedAdmin: { account: delegatedAdmin, managedFromManagement: fromManagement } } : {}),
    management: {
      maxResources: maxResourcesPerStack,
      keyResources:
        keys.reduce((n, k) => n + keyResources(k), 0) +
        (manageEncryption && encryptionKey !== undefined ? 1 : 0) +
        accessControlResources(accessControlAttributes),
      // External permission sets are only looked up: no unit creates them.
      permissionSets: sets.permissionSets.filter((ps) => ps.external !== true).map((ps) => ({ name: ps.name, resources: permissionSetResources(ps) })),
      groups: groups.map((g) => ({ name: g.name, resources: groupResources(g) })),
      users: users.map((u) => ({ name: u.userName, resources: userResources(u) })),
      applications: applications.map((a) => ({ name: a.name, resources: applicationResources(a) })),
    },
  });

  const ir: ResolvedModel = {
    source: sourceName(loaded.file),
    organization: { id: model.organization.id, managementAccountName: management.name, managementAccountId: management.id },
    identityCenter: {
      region: identityCenter.region,
      ...(identityCenter.instanceArn !== undefined ? { instanceArn: identityCenter.instanceArn } : {}),
      ...(identityCenter.identityStoreId !== undefined ? { identityStoreId: identityCenter.identityStoreId } : {}),
      ...(encryptionKey !== undefined ? { encryptionKey } : {}),
      manageEncryption,
      ...(delegatedAdmin ? { delegatedAdmin: { accountName: delegatedAdmin.name, accountId: delegatedAdmin.id } } : {}),
      ...(accessControlAttributes !== undefined ? { accessControlAttributes } : {}),
    },
    deployment: {
      ...(deployment?.deployer !== undefined ? { deployer: deployment.deployer } : {}),
      roleName,
      ...(planRoleName !== undefined ? { planRoleName } : {}),
      maxResourcesPerStack,
      backend: resolveBackend(model),
    },
    accounts,
    groups,
    users,
    permissionSets: sets.permissionSets,
    assignments,
    keys,
    applications,
    units,
  };
  return { ir, issues: sortIssues(issues) };
}

function resolveAccounts(model: OrgModel): ResolvedAccount[] {
  return (model.accounts ?? [])
    .map((a) => ({ name: a.name, id: a.id, ou: displayOu(a.ou ?? ''), tags: sortedRecord(a.tags) }))
    .sort((a, b) => compareKeys(a.name, b.name));
}

function resolveGroups(model: OrgModel): ResolvedGroup[] {
  return (model.groups ?? [])
    .map((g) => ({
      name: g.name,
      ...(g.description !== undefined ? { description: g.description } : {}),
      external: g.external ?? false,
      members: [...new Set(g.members ?? [])].sort(compareKeys),
    }))
    .sort((a, b) => compareKeys(a.name, b.name));
}

function resolveBackend(model: OrgModel): BackendConfig {
  const b = model.deployment?.backend;
  if (!b || b.type === 'local') return { type: 'local' };
  return {
    type: 's3',
    bucket: b.bucket,
    keyPrefix: trimSlashes(b.keyPrefix ?? DEFAULT_S3_KEY_PREFIX),
    region: b.region ?? model.identityCenter.region,
    ...(b.dynamodbTable !== undefined ? { dynamodbTable: b.dynamodbTable } : {}),
    encrypt: b.encrypt ?? true,
    ...(b.roleArn !== undefined ? { roleArn: b.roleArn } : {}),
    ...(b.kmsKeyId !== undefined ? { kmsKeyId: b.kmsKeyId } : {}),
  };
}

/**
 * The model file as generated-file markers show it: as given when relative, else relative to the
 * working directory when below it, else its base name; `/` separators, so no machine path leaks.
 */
function sourceName(file: string): string {
  let name = file;
  if (path.isAbsolute(file)) {
    const rel = path.relative(process.cwd(), file);
    name = rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel;
  }
  return name.split(path.sep).join('/');
}
