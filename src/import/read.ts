/**
 * Read an Identity Center estate from AWS into an `Estate`. Every list call is paginated and goes
 * through the `Caller` (pacing, throttling retries). Read-only: nothing here changes AWS.
 */
import { ListGroupMembershipsCommand, ListGroupsCommand, ListUsersCommand, type Group, type User } from '@aws-sdk/client-identitystore';
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand as ListOrgTagsCommand,
} from '@aws-sdk/client-organizations';
import {
  DescribeInstanceCommand,
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand as ListSsoTagsCommand,
} from '@aws-sdk/client-sso-admin';
import { compareKeys, type UserAddress, type UserContact } from '../model';
import { mapLimit, tagRecord, type Caller, type ImportClients } from './aws';
import { readAccessControlAttributes, readApplications } from './read-applications';
import { readKey } from './read-key';
import type {
  Estate,
  EstateAccount,
  EstateAssignment,
  EstateGroup,
  EstateInstance,
  EstateOrganization,
  EstateOu,
  EstatePermissionSet,
  EstateUser,
} from './estate';

export interface ReadOptions {
  readonly region: string;
  /** Pick this instance; otherwise the Region must hold exactly one. */
  readonly instanceArn?: string;
  /** Requests in flight at once; pacing keeps the rate below each service's limit regardless. */
  readonly concurrency?: number;
}

export async function readEstate(clients: ImportClients, caller: Caller, opts: ReadOptions): Promise<Estate> {
  const limit = opts.concurrency ?? 4;
  const instance = await readInstance(clients, caller, opts.instanceArn);
  const organization = await readOrganization(clients, caller, limit);
  const permissionSets = await readPermissionSets(clients, caller, instance.instanceArn, limit);
  const { groups, users } = await readIdentityStore(clients, caller, instance.identityStoreId, limit);
  const assignments = await readAssignments(clients, caller, instance.instanceArn, permissionSets, limit);
  const key = instance.keyType === 'CUSTOMER_MANAGED_KEY' && instance.kmsKeyArn ? await readKey(clients, caller, instance.kmsKeyArn) : undefined;
  const applications = await readApplications(clients, caller, instance.instanceArn, limit);
  const accessControlAttributes = await readAccessControlAttributes(clients, caller, instance.instanceArn);
  return {
    region: opts.region,
    instance,
    organization,
    permissionSets,
    groups,
    users,
    assignments,
    ...(key ? { key } : {}),
    ...(applications.length > 0 ? { applications } : {}),
    ...(accessControlAttributes ? { accessControlAttributes } : {}),
  };
}

async function readInstance(clients: ImportClients, caller: Caller, wanted: string | undefined): Promise<EstateInstance> {
  const list = await caller.all('ssoAdmin', 'ListInstances', async (NextToken) => {
    const r = await clients.ssoAdmin.send(new ListInstancesCommand({ NextToken }));
    return { items: r.Instances, next: r.NextToken };
  });
  const arns = list
    .map((i) => i.InstanceArn ?? '')
    .filter((a) => a !== '')
    .sort(compareKeys);
  let arn: string;
  if (wanted !== undefined) {
    if (!arns.includes(wanted)) throw new Error(`instance ${wanted} is not in this region; instances found: ${arns.join(', ') || '(none)'}`);
    arn = wanted;
  } else if (arns.length === 1) {
    arn = arns[0];
  } else if (arns.length === 0) {
    throw new Error('no identity center instance in this region; check --region (identity center lives in one region)');
  } else {
    throw new Error(`${arns.length} identity center instances in this region (${arns.join(', ')}); choose one with --instance-arn`);
  }
  const d = await caller.call('ssoAdmin', 'DescribeInstance', () => clients.ssoAdmin.send(new DescribeInstanceCommand({ InstanceArn: arn })));
  if (!d.IdentityStoreId) throw new Error(`instance ${arn} has no identity store id; it may still be being created (status ${d.Status ?? 'unknown'})`);
  const enc = d.EncryptionConfigurationDetails;
  return {
    instanceArn: arn,
    identityStoreId: d.IdentityStoreId,
    ...(d.OwnerAccountId ? { ownerAccountId: d.OwnerAccountId } : {}),
    ...(enc?.KeyType ? { keyType: enc.KeyType } : {}),
    ...(enc?.KmsKeyArn ? { kmsKeyArn: enc.KmsKeyArn } : {}),
  };
}

/** The organization: management account, every account with its OU path, tags and state (read-only calls). */
export async function readOrganization(clients: Pick<ImportClients, 'organizations'>, caller: Caller, limit: number): Promise<EstateOrganization> {
  const org = clients.organizations;
  const d = await caller.call('organizations', 'DescribeOrganization', () => org.send(new DescribeOrganizationCommand({})));
  if (!d.Organization?.Id || !d.Organization.MasterAccountId) throw new Error('DescribeOrganization returned no organization id or management account id');
  const roots = await caller.all('organizations', 'ListRoots', async (NextToken) => {
    const r = await org.send(new ListRootsCommand({ NextToken }));
    return { items: r.Roots, next: r.NextToken };
  });
  if (roots.length !== 1 || !roots[0].Id) throw new Error(`expected one organization root, found ${roots.length}`);

  // Breadth-first over the OU tree; each level's parents are read concurrently.
  const found: { id: string; name: string; ouPath: string[]; state?: string }[] = [];
  const ous: EstateOu[] = [];
  let level: { id: string; path: string[] }[] = [{ id: roots[0].Id, path: [] }];
  while (level.length > 0) {
    const results = await mapLimit(level, limit, async (parent) => {
      const accounts = await caller.all('organizations', 'ListAccountsForParent', async (NextToken) => {
        const r = await org.send(new ListAccountsForParentCommand({ ParentId: parent.id, NextToken }));
        return { items: r.Accounts, next: r.NextToken };
      });
      const children = await caller.all('organizations', 'ListOrganizationalUnitsForParent', async (NextToken) => {
        const r = await org.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parent.id, NextToken }));
        return { items: r.OrganizationalUnits, next: r.NextToken };
      });
      return { parent, accounts, children };
    });
    const nextLevel: { id: string; path: string[] }[] = [];
    for (const { parent, accounts, children } of results) {
      for (const a of accounts) {
        // State replaces the deprecated Status (which has no CLOSED); either may be absent in old responses
        const state = a.State ?? a.Status;
        if (a.Id) found.push({ id: a.Id, name: a.Name ?? a.Id, ouPath: parent.path, ...(state ? { state } : {}) });
      }
      for (const ou of children) {
        if (!ou.Id) continue;
        const path = [...parent.path, ou.Name ?? ou.Id];
        nextLevel.push({ id: ou.Id, path });
        ous.push({ id: ou.Id, path });
      }
    }
    level = nextLevel;
  }

  const accounts: EstateAccount[] = await mapLimit(found, limit, async (a) => {
    const tags = await caller.all('organizations', 'ListTagsForResource', async (NextToken) => {
      const r = await org.send(new ListOrgTagsCommand({ ResourceId: a.id, NextToken }));
      return { items: r.Tags, next: r.NextToken };
    });
    return { id: a.id, name: a.name, ouPath: a.ouPath, tags: tagRecord(tags), ...(a.state ? { state: a.state } : {}) };
  });
  accounts.sort((x, y) => compareKeys(x.id, y.id));
  ous.sort((x, y) => compareKeys(x.id, y.id));
  return { id: d.Organization.Id, managementAccountId: d.Organization.MasterAccountId, accounts, rootId: roots[0].Id, organizationalUnits: ous };
}

async function readPermissionSets(clients: ImportClients, caller: Caller, InstanceArn: string, limit: number): Promise<EstatePermissionSet[]> {
  const sso = clients.ssoAdmin;
  const arns = await caller.all('ssoAdmin', 'ListPermissionSets', async (NextToken) => {
    const r = await sso.send(new ListPermissionSetsCommand({ InstanceArn, NextToken }));
    return { items: r.PermissionSets, next: r.NextToken };
  });
  const sets = await mapLimit([...arns].sort(compareKeys), limit, async (PermissionSetArn): Promise<EstatePermissionSet> => {
    const ref = { InstanceArn, PermissionSetArn };
    const d = await caller.call('ssoAdmin', 'DescribePermissionSet', () => sso.send(new DescribePermissionSetCommand(ref)));
    const ps = d.PermissionSet;
    if (!ps?.Name) throw new Error(`DescribePermissionSet returned no name for ${PermissionSetArn}`);
    const tags = await caller.all('ssoAdmin', 'ListTagsForResource', async (NextToken) => {
      const r = await sso.send(new ListSsoTagsCommand({ InstanceArn, ResourceArn: PermissionSetArn, NextToken }));
      return { items: r.Tags, next: r.NextToken };
    });
    const managed = await caller.all('ssoAdmin', 'ListManagedPoliciesInPermissionSet', async (NextToken) => {
      const r = await sso.send(new ListManagedPoliciesInPermissionSetCommand({ ...ref, NextToken }));
      return { items: r.AttachedManagedPolicies, next: r.NextToken };
    });
    const customer = await caller.all('ssoAdmin', 'ListCustomerManagedPolicyReferencesInPermissionSet', async (NextToken) => {
      const r = await sso.send(new ListCustomerManagedPolicyReferencesInPermissionSetCommand({ ...ref, NextToken }));
      return { items: r.CustomerManagedPolicyReferences, next: r.NextToken };
    });
    const inline = await caller.call('ssoAdmin', 'GetInlinePolicyForPermissionSet', () => sso.send(new GetInlinePolicyForPermissionSetCommand(ref)));
    const boundary = await readBoundary(sso, caller, ref);
    return {
      arn: PermissionSetArn,
      name: ps.Name,
      ...(ps.Description ? { description: ps.Description } : {}),
      ...(ps.SessionDuration ? { sessionDuration: ps.SessionDuration } : {}),
      ...(ps.RelayState ? { relayState: ps.RelayState } : {}),
      tags: tagRecord(tags),
      managedPolicyArns: managed.map((m) => m.Arn ?? '').filter((a) => a !== ''),
      customerManagedPolicies: customer.filter((c) => c.Name).map((c) => ({ name: c.Name as string, path: c.Path ?? '/' })),
      ...(inline.InlinePolicy ? { inlinePolicy: inline.InlinePolicy } : {}),
      ...(boundary ? { permissionsBoundary: boundary } : {}),
    };
  });
  return sets.sort((a, b) => compareKeys(a.name, b.name));
}

/** The boundary, or undefined: AWS answers ResourceNotFoundException when a permission set has none. */
async function readBoundary(
  sso: ImportClients['ssoAdmin'],
  caller: Caller,
  ref: { InstanceArn: string; PermissionSetArn: string },
): Promise<EstatePermissionSet['permissionsBoundary']> {
  try {
    const r = await caller.call('ssoAdmin', 'GetPermissionsBoundaryForPermissionSet', () => sso.send(new GetPermissionsBoundaryForPermissionSetCommand(ref)));
    const b = r.PermissionsBoundary;
    if (b?.ManagedPolicyArn) return { managedPolicyArn: b.ManagedPolicyArn };
    if (b?.CustomerManagedPolicyReference?.Name) {
      return { customerManagedPolicy: { name: b.CustomerManagedPolicyReference.Name, path: b.CustomerManagedPolicyReference.Path ?? '/' } };
    }
    return undefined;
  } catch (e) {
    if ((e as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw e;
  }
}

async function readIdentityStore(
  clients: ImportClients,
  caller: Caller,
  IdentityStoreId: string,
  limit: number,
): Promise<{ groups: EstateGroup[]; users: EstateUser[] }> {
  const ids = clients.identityStore;
  const rawGroups: Group[] = await caller.all('identityStore', 'ListGroups', async (NextToken) => {
    const r = await ids.send(new ListGroupsCommand({ IdentityStoreId, NextToken }));
    return { items: r.Groups, next: r.NextToken };
  });
  const rawUsers: User[] = await caller.all('identityStore', 'ListUsers', async (NextToken) => {
    const r = await ids.send(new ListUsersCommand({ IdentityStoreId, NextToken }));
    return { items: r.Users, next: r.NextToken };
  });
  const groups = await mapLimit(rawGroups.filter(hasGroupId), limit, async (g): Promise<EstateGroup> => {
    const external = (g.ExternalIds?.length ?? 0) > 0;
    // The IdP owns the members of a synced group; reading them would only slow large directories down.
    const memberships = external
      ? []
      : await caller.all('identityStore', 'ListGroupMemberships', async (NextToken) => {
          const r = await ids.send(new ListGroupMembershipsCommand({ IdentityStoreId, GroupId: g.GroupId, NextToken }));
          return { items: r.GroupMemberships, next: r.NextToken };
        });
    return {
      id: g.GroupId,
      displayName: g.DisplayName ?? g.GroupId,
      ...(g.Description ? { description: g.Description } : {}),
      external,
      memberships: memberships
        .filter((m) => m.MembershipId && m.MemberId && 'UserId' in m.MemberId && m.MemberId.UserId)
        .map((m) => ({ membershipId: m.MembershipId as string, userId: (m.MemberId as { UserId: string }).UserId }))
        .sort((a, b) => compareKeys(a.membershipId, b.membershipId)),
    };
  });
  const users = rawUsers.filter(hasUserId).map((u): EstateUser => ({
    id: u.UserId,
    userName: u.UserName ?? u.UserId,
    ...(u.DisplayName ? { displayName: u.DisplayName } : {}),
    ...(u.Name?.GivenName ? { givenName: u.Name.GivenName } : {}),
    ...(u.Name?.FamilyName ? { familyName: u.Name.FamilyName } : {}),
    ...userAttributes(u),
    external: (u.ExternalIds?.length ?? 0) > 0,
  }));
  return { groups: groups.sort((a, b) => compareKeys(a.id, b.id)), users: users.sort((a, b) => compareKeys(a.id, b.id)) };
}

function hasGroupId(g: Group): g is Group & { GroupId: string } {
  return typeof g.GroupId === 'string' && g.GroupId !== '';
}

function hasUserId(u: User): u is User & { UserId: string } {
  return typeof u.UserId === 'string' && u.UserId !== '';
}

async function readAssignments(
  clients: ImportClients,
  caller: Caller,
  InstanceArn: string,
  permissionSets: readonly EstatePermissionSet[],
  limit: number,
): Promise<EstateAssignment[]> {
  const sso = clients.ssoAdmin;
  // Assignments exist only where a permission set is provisioned, so ask per provisioned account.
  const pairs = (
    await mapLimit(permissionSets, limit, async (ps) => {
      const accounts = await caller.all('ssoAdmin', 'ListAccountsForProvisionedPermissionSet', async (NextToken) => {
        const r = await sso.send(new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn, PermissionSetArn: ps.arn, NextToken }));
        return { items: r.AccountIds, next: r.NextToken };
      });
      return [...accounts].sort(compareKeys).map((accountId) => ({ ps: ps.arn, accountId }));
    })
  ).flat();
  const lists = await mapLimit(pairs, limit, async ({ ps, accountId }) =>
    caller.all('ssoAdmin', 'ListAccountAssignments', async (NextToken) => {
      const r = await sso.send(new ListAccountAssignmentsCommand({ InstanceArn, AccountId: accountId, PermissionSetArn: ps, NextToken }));
      return { items: r.AccountAssignments, next: r.NextToken };
    }),
  );
  const out: EstateAssignment[] = [];
  for (const a of lists.flat()) {
    if (!a.PermissionSetArn || !a.AccountId || !a.PrincipalId || (a.PrincipalType !== 'GROUP' && a.PrincipalType !== 'USER')) continue;
    out.push({ permissionSetArn: a.PermissionSetArn, accountId: a.AccountId, principalType: a.PrincipalType, principalId: a.PrincipalId });
  }
  const key = (a: EstateAssignment): string => `${a.permissionSetArn}|${a.accountId}|${a.principalType}|${a.principalId}`;
  return out.sort((a, b) => compareKeys(key(a), key(b)));
}

/** A user's identity store attributes besides its names, as the model names them (absent ones left out). */
function userAttributes(u: User): Partial<EstateUser> {
  const text: Record<string, string> = {};
  const put = (k: string, v: string | undefined): void => {
    if (v !== undefined && v !== '') text[k] = v;
  };
  put('middleName', u.Name?.MiddleName);
  put('honorificPrefix', u.Name?.HonorificPrefix);
  put('honorificSuffix', u.Name?.HonorificSuffix);
  put('formattedName', u.Name?.Formatted);
  put('nickname', u.NickName);
  put('profileUrl', u.ProfileUrl);
  put('title', u.Title);
  put('userType', u.UserType);
  put('preferredLanguage', u.PreferredLanguage);
  put('locale', u.Locale);
  put('timezone', u.Timezone);
  const contacts = (list: { Value?: string; Type?: string; Primary?: boolean }[] | undefined): UserContact[] =>
    (list ?? []).filter((c) => c.Value).map((c) => ({ value: c.Value as string, ...(c.Type ? { type: c.Type } : {}), primary: c.Primary === true }));
  const addresses = (u.Addresses ?? []).map((a): UserAddress => ({
    ...(a.StreetAddress ? { streetAddress: a.StreetAddress } : {}),
    ...(a.Locality ? { locality: a.Locality } : {}),
    ...(a.Region ? { region: a.Region } : {}),
    ...(a.PostalCode ? { postalCode: a.PostalCode } : {}),
    ...(a.Country ? { country: a.Country } : {}),
    ...(a.Formatted ? { formatted: a.Formatted } : {}),
    ...(a.Type ? { type: a.Type } : {}),
    primary: a.Primary === true,
  }));
  const emails = contacts(u.Emails);
  const phoneNumbers = contacts(u.PhoneNumbers);
  return { ...text, ...(emails.length ? { emails } : {}), ...(phoneNumbers.length ? { phoneNumbers } : {}), ...(addresses.length ? { addresses } : {}) };
}
