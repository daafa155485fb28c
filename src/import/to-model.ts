/**
 * Translate an `Estate` into an org model and its import plan. Pure: same estate, same output.
 *
 * Choices (each so that the first plan after import changes nothing that exists):
 * - Account names become handles (letters, digits, `.`, `_`, `-`), as the model requires; a name
 *   that is taken or empty falls back to `<name>-<id>`. The mapping is reported as a note.
 * - Groups and users that idcgen would create (no ExternalIds) are all written; synced ones
 *   (`external: true`) only when an assignment or a membership names them: the IdP owns the rest.
 * - Assignments are grouped per principal and permission set; `inferTarget` picks the shortest
 *   target that selects exactly the accounts that have the assignment today.
 * - Defaults of the model are left out (session PT1H, path `/`), so an imported model reads like a
 *   hand-written one and re-importing it gives the same bytes.
 */
import {
  compareKeys,
  PATTERNS,
  sortedRecord,
  toHandle,
  type ResolvedAccount,
  type UserContact,
  type OrgModel,
  type PermissionSetInput as ModelPermissionSet,
  type StatementJson,
} from '../model';
import { accessControlAttributesToModel, applicationsToModel } from './applications-to-model';
import { USER_TEXT_ATTRIBUTES, type Estate, type EstateAccount, type EstateUser } from './estate';
import { TargetInference } from './infer-targets';
import { keyEntry } from './key-entry';
import { statementKey, statementsOf } from '../policy';
import { parsePolicy } from './key-policy';

import { IMPORT_PLAN_FORMAT, IMPORT_PLAN_VERSION, ImportResourceType as T, sortResources, type ImportPlan, type ImportResource } from './plan';

type Mutable<X> = { -readonly [K in keyof X]: X[K] };
type ModelAssignment = NonNullable<OrgModel['assignments']>[number];

export interface ImportResult {
  readonly model: OrgModel;
  readonly plan: ImportPlan;
  /** Things the user should know (renamed accounts, skipped assignments), sorted. */
  readonly notes: readonly string[];
}

const DEFAULT_SESSION = 'PT1H';

export function estateToModel(estate: Estate, modelFile: string): ImportResult {
  const notes: string[] = [];
  const resources: ImportResource[] = [];
  const { instanceArn, identityStoreId } = estate.instance;

  const accountNames = nameAccounts(estate.organization.accounts, notes);
  const accounts: ResolvedAccount[] = estate.organization.accounts
    .map((a) => ({ name: accountNames.get(a.id) as string, id: a.id, ou: ouString(a, notes), tags: a.tags }))
    .sort((x, y) => compareKeys(x.name, y.name));
  const mgmtName = accountNames.get(estate.organization.managementAccountId);
  if (mgmtName === undefined) throw new Error(`management account ${estate.organization.managementAccountId} is not among the organization's accounts`);

  const psByArn = new Map(estate.permissionSets.map((p) => [p.arn, p]));
  const groupsById = new Map(estate.groups.map((g) => [g.id, g]));
  const usersById = new Map(estate.users.map((u) => [u.id, u]));

  // Which principals the model must mention: every one idcgen creates, and synced ones in use.
  const usedGroups = new Set(estate.groups.filter((g) => !g.external).map((g) => g.id));
  const usedUsers = new Set(estate.users.filter((u) => !u.external).map((u) => u.id));
  for (const g of estate.groups) if (!g.external) for (const m of g.memberships) if (usersById.has(m.userId)) usedUsers.add(m.userId);

  const sets = new Map<string, { type: 'GROUP' | 'USER'; principal: string; ps: string; accounts: Set<string> }>();
  for (const a of estate.assignments) {
    const ps = psByArn.get(a.permissionSetArn);
    const account = accountNames.get(a.accountId);
    const principal = a.principalType === 'GROUP' ? groupsById.get(a.principalId)?.displayName : usersById.get(a.principalId)?.userName;
    if (!ps || !account || principal === undefined) {
      notes.push(
        `skipped assignment of ${a.principalType.toLowerCase()} ${a.principalId} to ${a.permissionSetArn} in account ${a.accountId}: ${!ps ? 'permission set' : !account ? 'account' : 'principal'} not found`,
      );
      continue;
    }
    (a.principalType === 'GROUP' ? usedGroups : usedUsers).add(a.principalId);
    const id = `${a.principalType}/${principal}/${ps.name}`;
    const entry = sets.get(id) ?? { type: a.principalType, principal, ps: ps.name, accounts: new Set<string>() };
    entry.accounts.add(account);
    sets.set(id, entry);
    const key = `${a.principalType}/${principal}/${ps.name}/${account}`;
    resources.push({
      type: T.ACCOUNT_ASSIGNMENT,
      key,
      identity: { principalType: a.principalType, principal, permissionSet: ps.name, account },
      id: `${a.principalId},${a.principalType},${a.accountId},AWS_ACCOUNT,${ps.arn},${instanceArn}`,
    });
  }

  const applications = applicationsToModel(estate, {
    groupName: (id) => groupsById.get(id)?.displayName,
    userName: (id) => usersById.get(id)?.userName,
    use: (type, id) => (type === 'GROUP' ? usedGroups : usedUsers).add(id),
    notes,
    resources,
  });
  const accessControlAttributes = accessControlAttributesToModel(estate, resources);

  const groups = estate.groups
    .filter((g) => usedGroups.has(g.id))
    .sort((a, b) => compareKeys(a.displayName, b.displayName))
    .map((g) => {
      if (g.external) return { name: g.displayName, external: true };
      resources.push({ type: T.GROUP, key: g.displayName, identity: { group: g.displayName }, id: `${identityStoreId}/${g.id}` });
      const members: string[] = [];
      for (const m of g.memberships) {
        const u = usersById.get(m.userId);
        if (!u) continue;
        members.push(u.userName);
        resources.push({
          type: T.GROUP_MEMBERSHIP,
          key: `${g.displayName}/${u.userName}`,
          identity: { group: g.displayName, user: u.userName },
          id: `${identityStoreId}/${m.membershipId}`,
        });
      }
      members.sort(compareKeys);
      return { name: g.displayName, ...(g.description ? { description: g.description } : {}), ...(members.length ? { members } : {}) };
    });

  const users = estate.users
    .filter((u) => usedUsers.has(u.id))
    .sort((a, b) => compareKeys(a.userName, b.userName))
    .map((u) => {
      if (u.external) return { userName: u.userName, external: true };
      resources.push({ type: T.USER, key: u.userName, identity: { user: u.userName }, id: `${identityStoreId}/${u.id}` });
      return {
        userName: u.userName,
        ...(u.displayName ? { displayName: u.displayName } : {}),
        ...(u.givenName ? { givenName: u.givenName } : {}),
        ...(u.familyName ? { familyName: u.familyName } : {}),
        ...userAttributesInput(u),
      };
    });

  // The key first: it tells which inline-policy statements idcgen itself generates for it.
  const inlineDocs = new Map(
    estate.permissionSets
      .filter((p) => p.inlinePolicy)
      .map((p) => [p.name, parsePolicy(p.inlinePolicy as string, `inline policy of permission set ${p.name}`)]),
  );
  const key = estate.key
    ? keyEntry(
        estate.key,
        {
          accountNames,
          permissionSets: new Set(estate.permissionSets.map((p) => p.name)),
          notes,
          organizationId: estate.organization.id,
          managementAccountName: mgmtName,
          managementAccountId: estate.organization.managementAccountId,
          region: estate.region,
          instanceArn,
          identityStoreId,
          accounts,
          inlineStatements: new Map([...inlineDocs].map(([ps, doc]) => [ps, statementsOf(doc)])),
          assignedAccounts: assignedAccounts(estate, accountNames),
        },
        resources,
      )
    : undefined;

  const permissionSets = estate.permissionSets.map((p): ModelPermissionSet => {
    const ids = (extra: string): string => `${extra}${p.arn},${instanceArn}`;
    resources.push({ type: T.PERMISSION_SET, key: p.name, identity: { permissionSet: p.name }, id: ids('') });
    const managed = [...p.managedPolicyArns].sort(compareKeys);
    for (const arn of managed) {
      resources.push({
        type: T.MANAGED_POLICY_ATTACHMENT,
        key: `${p.name}/${arn}`,
        identity: { permissionSet: p.name, managedPolicyArn: arn },
        id: ids(`${arn},`),
      });
    }
    const customer = [...p.customerManagedPolicies].sort((a, b) => compareKeys(a.path + a.name, b.path + b.name));
    for (const c of customer) {
      resources.push({
        type: T.CUSTOMER_MANAGED_POLICY_ATTACHMENT,
        key: `${p.name}/${c.path}${c.name}`,
        identity: { permissionSet: p.name, name: c.name, path: c.path },
        id: ids(`${c.name},${c.path},`),
      });
    }
    if (p.inlinePolicy) resources.push({ type: T.INLINE_POLICY, key: p.name, identity: { permissionSet: p.name }, id: ids('') });
    if (p.permissionsBoundary) resources.push({ type: T.PERMISSIONS_BOUNDARY_ATTACHMENT, key: p.name, identity: { permissionSet: p.name }, id: ids('') });
    const out: Mutable<ModelPermissionSet> = { name: p.name };
    if (p.description) out.description = p.description;
    if (p.sessionDuration && p.sessionDuration !== DEFAULT_SESSION) out.sessionDuration = p.sessionDuration;
    if (p.relayState) out.relayState = p.relayState;
    if (Object.keys(p.tags).length) out.tags = sortedRecord(p.tags);
    if (managed.length) out.managedPolicies = managed;
    if (customer.length) out.customerManagedPolicies = customer.map((c) => (c.path === '/' ? { name: c.name } : { name: c.name, path: c.path }));
    const inline = inlineDocs.get(p.name);
    const own = inline ? withoutGenerated(inline, key?.generatedInline.get(p.name) ?? []) : undefined;
    if (own) out.inlinePolicy = own;
    const b = p.permissionsBoundary;
    if (b && 'managedPolicyArn' in b) out.permissionsBoundary = { managedPolicy: b.managedPolicyArn };
    if (b && 'customerManagedPolicy' in b) {
      const c = b.customerManagedPolicy;
      out.permissionsBoundary = { customerManagedPolicy: c.path === '/' ? { name: c.name } : { name: c.name, path: c.path } };
    }
    return out;
  });

  const inference = new TargetInference(accounts, mgmtName);
  const assignments = [...sets.values()]
    .sort((a, b) => compareKeys(a.type, b.type) || compareKeys(a.principal, b.principal) || compareKeys(a.ps, b.ps))
    .map((s): ModelAssignment => {
      const who = s.type === 'GROUP' ? { group: s.principal } : { user: s.principal };
      return { ...who, permissionSet: s.ps, ...inference.infer([...s.accounts]) };
    });

  const model: OrgModel = {
    version: 1,
    organization: { id: estate.organization.id, managementAccount: mgmtName },
    identityCenter: {
      region: estate.region,
      instanceArn,
      identityStoreId,
      ...(accessControlAttributes ? { accessControlAttributes } : {}),
      ...(key ? { encryption: { key: key.entry.name } } : {}),
    },
    accounts: accounts.map((a) => ({ name: a.name, id: a.id, ou: a.ou, ...(Object.keys(a.tags).length ? { tags: sortedRecord(a.tags) } : {}) })),
    ...(groups.length ? { groups } : {}),
    ...(users.length ? { users } : {}),
    ...(permissionSets.length ? { permissionSets } : {}),
    ...(assignments.length ? { assignments } : {}),
    ...(key ? { keys: [key.entry] } : {}),
    ...(applications.length ? { applications } : {}),
  };
  const plan: ImportPlan = {
    format: IMPORT_PLAN_FORMAT,
    version: IMPORT_PLAN_VERSION,
    model: modelFile,
    region: estate.region,
    instanceArn,
    identityStoreId,
    resources: sortResources(resources),
  };
  return { model, plan, notes: [...new Set(notes)].sort(compareKeys) };
}

/** Account id → model name: the AWS name when it is a free handle, else a handle built from it. */
/** Permission set name → names of the accounts it is assigned in. */
function assignedAccounts(estate: Estate, accountNames: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const names = new Map(estate.permissionSets.map((p) => [p.arn, p.name]));
  const out = new Map<string, Set<string>>();
  for (const a of estate.assignments) {
    const ps = names.get(a.permissionSetArn);
    const account = accountNames.get(a.accountId);
    if (ps === undefined || account === undefined) continue;
    out.set(ps, (out.get(ps) ?? new Set<string>()).add(account));
  }
  return out;
}

function nameAccounts(accounts: readonly EstateAccount[], notes: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const byId = [...accounts].sort((a, b) => compareKeys(a.id, b.id));
  const counts = new Map<string, number>();
  for (const a of byId) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
  // Valid, unique names first, so a renamed account can never take a name that exists in AWS.
  for (const a of byId) {
    if (PATTERNS.handle.re.test(a.name) && counts.get(a.name) === 1) {
      out.set(a.id, a.name);
      taken.add(a.name);
    }
  }
  for (const a of byId) {
    if (out.has(a.id)) continue;
    const base = toHandle(a.name);
    // Duplicates all get their id, so no one of them silently keeps the shared name.
    let name = base === '' ? a.id : (counts.get(a.name) ?? 0) > 1 || taken.has(base) ? `${base}-${a.id}` : base;
    if (taken.has(name)) name = a.id;
    out.set(a.id, name);
    taken.add(name);
    notes.push(`account ${a.id} is named '${a.name}' in aws; the model calls it '${name}' (names must be unique handles: letters, digits, ., _ and -)`);
  }
  return out;
}

/** The model's OU path of an account: names joined by `/` (a `/` inside a name becomes `-`, with a note); `Root` at the root. */
export function ouString(a: Pick<EstateAccount, 'ouPath'>, notes: string[]): string {
  if (a.ouPath.length === 0) return 'Root';
  const parts = a.ouPath.map((p) => {
    if (!p.includes('/')) return p;
    notes.push(`ou '${p}' contains '/', which separates ou paths in the model; it is written as '${p.replace(/\//g, '-')}'`);
    return p.replace(/\//g, '-');
  });
  return parts.join('/');
}

/**
 * The user's part of an inline policy: without the statements resolve appends for key principals
 * (compared by meaning, Sid aside: resolve may rename a clashing Sid). Undefined when nothing is left.
 */
function withoutGenerated(doc: Record<string, unknown>, generated: readonly StatementJson[]): Record<string, unknown> | undefined {
  const drop = new Set(generated.map((s) => statementKey(s)));
  const kept = statementsOf(doc).filter((s) => !drop.has(statementKey(s)));
  if (kept.length === 0) return undefined;
  return { ...doc, Statement: kept };
}

/**
 * A user's attributes as the model writes them: `email: x` for one untyped primary email (what
 * `email:` means), else `emails:`; `primary` written only when false (the model's default is true).
 */
function userAttributesInput(u: EstateUser): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of USER_TEXT_ATTRIBUTES) if (u[k] !== undefined) out[k] = u[k];
  const contact = (c: UserContact) => ({ value: c.value, ...(c.type !== undefined ? { type: c.type } : {}), ...(c.primary ? {} : { primary: false }) });
  const emails = u.emails ?? [];
  if (emails.length === 1 && emails[0].type === undefined && emails[0].primary) out.email = emails[0].value;
  else if (emails.length > 0) out.emails = emails.map(contact);
  if (u.phoneNumbers?.length) out.phoneNumbers = u.phoneNumbers.map(contact);
  if (u.addresses?.length) out.addresses = u.addresses.map(({ primary, ...parts }) => ({ ...parts, ...(primary ? {} : { primary: false }) }));
  return out;
}
