/**
 * An `Estate` served by aws-sdk-client-mock: every read command `idcgen import` uses answers from
 * the estate, list calls in pages of `pageSize` (NextToken / Marker on every page but the last),
 * and `throttle` can make any call fail with ThrottlingException first. No network: every client
 * is stubbed, and a command without a handler fails the test.
 */
import { createHash } from 'node:crypto';
import { IdentitystoreClient, ListGroupMembershipsCommand, ListGroupsCommand, ListUsersCommand } from '@aws-sdk/client-identitystore';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand as ListOrgTagsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  DescribeInstanceAccessControlAttributeConfigurationCommand,
  DescribeInstanceCommand,
  DescribePermissionSetCommand,
  GetApplicationAssignmentConfigurationCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListApplicationAccessScopesCommand,
  ListApplicationAssignmentsCommand,
  ListApplicationsCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand as ListSsoTagsCommand,
  ResourceNotFoundException,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { mockClient } from 'aws-sdk-client-mock';
import type { ImportClients } from '../../../src/import/aws';
import type { Estate } from '../../../src/import/estate';

export interface FakeOptions {
  readonly pageSize?: number;
  /** Return true to answer this call (nth of its operation, from 1) with ThrottlingException. */
  readonly throttle?: (operation: string, nth: number) => boolean;
  /** Extra accounts a permission set is provisioned to without any assignment (AWS keeps those). */
  readonly provisionedWithoutAssignment?: Readonly<Record<string, readonly string[]>>;
  /** Extra instances listed besides the estate's. */
  readonly otherInstances?: readonly string[];
}

export interface FakeAws {
  readonly clients: ImportClients;
  /** operation → inputs, in call order. */
  readonly calls: Map<string, Record<string, unknown>[]>;
  restore(): void;
}

const ROOT_ID = 'r-root';
/** OU ids shaped as Organizations issues them: `ou-<root id suffix>-<8 to 32 lowercase letters or digits>`. */
export const fakeOuId = (path: readonly string[]): string =>
  path.length === 0 ? ROOT_ID : `ou-root-${createHash('sha256').update(path.join('/'), 'utf8').digest('hex').slice(0, 10)}`;
const ouId = fakeOuId;

function tagList<K extends string, V extends string>(tags: Readonly<Record<string, string>>, k: K, v: V): Record<K | V, string>[] {
  return Object.entries(tags).map(([key, value]) => ({ [k]: key, [v]: value }) as Record<K | V, string>);
}

export function fakeAws(estate: Estate, opts: FakeOptions = {}): FakeAws {
  const pageSize = opts.pageSize ?? 100;
  const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' };
  const config = { region: estate.region, credentials, maxAttempts: 1 };
  const clients: ImportClients = {
    ssoAdmin: new SSOAdminClient(config),
    identityStore: new IdentitystoreClient(config),
    organizations: new OrganizationsClient(config),
    kms: new KMSClient(config),
    kmsIn: (region) => regionalKms(region),
  };
  const sso = mockClient(clients.ssoAdmin);
  const ids = mockClient(clients.identityStore);
  const org = mockClient(clients.organizations);
  const kms = mockClient(clients.kms);
  const mocks = [sso, ids, org, kms];
  // Replica Regions: a KMS client each, answering ListAliases with the replica's aliases there.
  const regional = new Map<string, KMSClient>();
  function regionalKms(region: string): KMSClient {
    if (region === estate.region) return clients.kms;
    const existing = regional.get(region);
    if (existing) return existing;
    const client = new KMSClient({ ...config, region });
    const mock = mockClient(client);
    mocks.push(mock);
    mock.on(ListAliasesCommand).callsFake(
      handle(`ListAliases(${region})`, (i) => {
        const replicaArn = estate.key?.arn.replace(estate.region, region);
        const names = i.KeyId === replicaArn ? (estate.key?.replicaAliases[region] ?? []) : [];
        return page(
          names.map((AliasName) => ({ AliasName, TargetKeyId: estate.key?.keyId })),
          i.Marker,
          'Aliases',
          'NextMarker',
        );
      }),
    );
    regional.set(region, client);
    return client;
  }
  const calls = new Map<string, Record<string, unknown>[]>();

  /** Wraps a handler: records the call, throttles when asked, pages a list result. */
  const handle = (op: string, fn: (input: Record<string, unknown>) => unknown) => async (input: Record<string, unknown>) => {
    const list = calls.get(op) ?? [];
    list.push(input);
    calls.set(op, list);
    if (opts.throttle?.(op, list.length)) {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    }
    return fn(input);
  };
  const page = <T>(items: readonly T[], token: unknown, itemsKey: string, tokenKey = 'NextToken'): Record<string, unknown> => {
    const start = token === undefined ? 0 : Number(String(token).replace('page-', ''));
    const next = start + pageSize < items.length ? `page-${start + pageSize}` : undefined;
    const out: Record<string, unknown> = { [itemsKey]: items.slice(start, start + pageSize) };
    if (tokenKey === 'NextMarker') {
      out.Truncated = next !== undefined;
      if (next) out.NextMarker = next;
    } else if (next) out[tokenKey] = next;
    return out;
  };

  const { instance, organization } = estate;
  const psByArn = new Map(estate.permissionSets.map((p) => [p.arn, p]));
  const instances = [instance.instanceArn, ...(opts.otherInstances ?? [])].map((arn) => ({ InstanceArn: arn }));

  sso.on(ListInstancesCommand).callsFake(handle('ListInstances', (i) => page(instances, i.NextToken, 'Instances')));
  sso.on(DescribeInstanceCommand).callsFake(
    handle('DescribeInstance', () => ({
      InstanceArn: instance.instanceArn,
      IdentityStoreId: instance.identityStoreId,
      OwnerAccountId: instance.ownerAccountId,
      Status: 'ACTIVE',
      EncryptionConfigurationDetails: instance.keyType ? { KeyType: instance.keyType, KmsKeyArn: instance.kmsKeyArn, EncryptionStatus: 'ENABLED' } : undefined,
    })),
  );
  sso.on(ListPermissionSetsCommand).callsFake(handle('ListPermissionSets', (i) => page([...psByArn.keys()], i.NextToken, 'PermissionSets')));
  const ps = (i: Record<string, unknown>) => {
    const p = psByArn.get(String(i.PermissionSetArn));
    if (!p) throw new ResourceNotFoundException({ message: 'no such permission set', $metadata: {} });
    return p;
  };
  sso.on(DescribePermissionSetCommand).callsFake(
    handle('DescribePermissionSet', (i) => {
      const p = ps(i);
      return {
        PermissionSet: {
          Name: p.name,
          PermissionSetArn: p.arn,
          Description: p.description,
          SessionDuration: p.sessionDuration ?? 'PT1H',
          RelayState: p.relayState,
        },
      };
    }),
  );
  // Tags of a permission set or of an application (both are read through sso-admin).
  const appByArn = new Map((estate.applications ?? []).map((a) => [a.arn, a]));
  const app = (arn: unknown) => {
    const a = appByArn.get(String(arn));
    if (!a) throw new ResourceNotFoundException({ message: 'no such application', $metadata: {} });
    return a;
  };
  sso
    .on(ListSsoTagsCommand)
    .callsFake(
      handle('ListTagsForResource(sso-admin)', (i) =>
        page(tagList(appByArn.get(String(i.ResourceArn))?.tags ?? ps({ PermissionSetArn: i.ResourceArn }).tags, 'Key', 'Value'), i.NextToken, 'Tags'),
      ),
    );
  // Applications as ListApplications answers them, plus an AWS managed one, which import leaves alone.
  const listedApps = [
    ...[...appByArn.values()].map((a) => ({
      ApplicationArn: a.arn,
      ApplicationProviderArn: a.providerArn,
      Name: a.name,
      Description: a.description,
      Status: a.status,
      InstanceArn: instance.instanceArn,
      PortalOptions: a.portal
        ? {
            Visibility: a.portal.visibility,
            SignInOptions: a.portal.signIn ? { Origin: a.portal.signIn.origin, ApplicationUrl: a.portal.signIn.url } : undefined,
          }
        : undefined,
    })),
    {
      ApplicationArn: 'arn:aws:sso::111111111111:application/ssoins-1111222233334444/apl-qbusiness0000000',
      ApplicationProviderArn: 'arn:aws:sso::aws:applicationProvider/qbusiness',
      Name: 'QBusiness',
      Status: 'ENABLED',
    },
  ];
  sso.on(ListApplicationsCommand).callsFake(handle('ListApplications', (i) => page(listedApps, i.NextToken, 'Applications')));
  sso
    .on(GetApplicationAssignmentConfigurationCommand)
    .callsFake(handle('GetApplicationAssignmentConfiguration', (i) => ({ AssignmentRequired: app(i.ApplicationArn).assignmentRequired })));
  sso.on(ListApplicationAssignmentsCommand).callsFake(
    handle('ListApplicationAssignments', (i) =>
      page(
        app(i.ApplicationArn).assignments.map((p) => ({ ApplicationArn: i.ApplicationArn, PrincipalType: p.principalType, PrincipalId: p.principalId })),
        i.NextToken,
        'ApplicationAssignments',
      ),
    ),
  );
  sso.on(ListApplicationAccessScopesCommand).callsFake(
    handle('ListApplicationAccessScopes', (i) =>
      page(
        app(i.ApplicationArn).accessScopes.map((sc) => ({
          Scope: sc.scope,
          ...(sc.authorizedTargets.length > 0 ? { AuthorizedTargets: [...sc.authorizedTargets] } : {}),
        })),
        i.NextToken,
        'Scopes',
      ),
    ),
  );
  sso.on(DescribeInstanceAccessControlAttributeConfigurationCommand).callsFake(
    handle('DescribeInstanceAccessControlAttributeConfiguration', () => {
      if (!estate.accessControlAttributes) throw new ResourceNotFoundException({ message: 'no attribute configuration', $metadata: {} });
      return {
        Status: 'ENABLED',
        InstanceAccessControlAttributeConfiguration: {
          AccessControlAttributes: estate.accessControlAttributes.map((a) => ({ Key: a.key, Value: { Source: [...a.sources] } })),
        },
      };
    }),
  );
  sso.on(ListManagedPoliciesInPermissionSetCommand).callsFake(
    handle('ListManagedPoliciesInPermissionSet', (i) =>
      page(
        ps(i).managedPolicyArns.map((Arn) => ({ Arn, Name: Arn.split('/').pop() })),
        i.NextToken,
        'AttachedManagedPolicies',
      ),
    ),
  );
  sso.on(ListCustomerManagedPolicyReferencesInPermissionSetCommand).callsFake(
    handle('ListCustomerManagedPolicyReferencesInPermissionSet', (i) =>
      page(
        ps(i).customerManagedPolicies.map((c) => ({ Name: c.name, Path: c.path })),
        i.NextToken,
        'CustomerManagedPolicyReferences',
      ),
    ),
  );
  sso.on(GetInlinePolicyForPermissionSetCommand).callsFake(handle('GetInlinePolicyForPermissionSet', (i) => ({ InlinePolicy: ps(i).inlinePolicy ?? '' })));
  sso.on(GetPermissionsBoundaryForPermissionSetCommand).callsFake(
    handle('GetPermissionsBoundaryForPermissionSet', (i) => {
      const b = ps(i).permissionsBoundary;
      if (!b) throw new ResourceNotFoundException({ message: 'no permissions boundary', $metadata: {} });
      return {
        PermissionsBoundary:
          'managedPolicyArn' in b
            ? { ManagedPolicyArn: b.managedPolicyArn }
            : { CustomerManagedPolicyReference: { Name: b.customerManagedPolicy.name, Path: b.customerManagedPolicy.path } },
      };
    }),
  );
  // Indexed once: a scale test asks for tens of thousands of (permission set, account) pairs.
  const byPair = new Map<string, Estate['assignments'][number][]>();
  const accountsByPs = new Map<string, Set<string>>();
  for (const a of estate.assignments) {
    const k = `${a.permissionSetArn}|${a.accountId}`;
    byPair.set(k, [...(byPair.get(k) ?? []), a]);
    accountsByPs.set(a.permissionSetArn, (accountsByPs.get(a.permissionSetArn) ?? new Set()).add(a.accountId));
  }
  sso.on(ListAccountsForProvisionedPermissionSetCommand).callsFake(
    handle('ListAccountsForProvisionedPermissionSet', (i) => {
      const arn = String(i.PermissionSetArn);
      const ids = new Set(accountsByPs.get(arn) ?? []);
      for (const extra of opts.provisionedWithoutAssignment?.[psByArn.get(arn)?.name ?? ''] ?? []) ids.add(extra);
      return page([...ids].sort(), i.NextToken, 'AccountIds');
    }),
  );
  sso.on(ListAccountAssignmentsCommand).callsFake(
    handle('ListAccountAssignments', (i) => {
      const items = (byPair.get(`${String(i.PermissionSetArn)}|${String(i.AccountId)}`) ?? []).map((a) => ({
        AccountId: a.accountId,
        PermissionSetArn: a.permissionSetArn,
        PrincipalType: a.principalType,
        PrincipalId: a.principalId,
      }));
      return page(items, i.NextToken, 'AccountAssignments');
    }),
  );

  ids.on(ListGroupsCommand).callsFake(
    handle('ListGroups', (i) =>
      page(
        estate.groups.map((g) => ({
          GroupId: g.id,
          DisplayName: g.displayName,
          Description: g.description,
          ExternalIds: g.external ? [{ Issuer: 'https://scim.example.com', Id: `ext-${g.id}` }] : undefined,
          IdentityStoreId: instance.identityStoreId,
        })),
        i.NextToken,
        'Groups',
      ),
    ),
  );
  ids.on(ListUsersCommand).callsFake(
    handle('ListUsers', (i) =>
      page(
        estate.users.map((u) => ({
          UserId: u.id,
          UserName: u.userName,
          DisplayName: u.displayName,
          Name:
            u.givenName || u.familyName
              ? {
                  GivenName: u.givenName,
                  FamilyName: u.familyName,
                  MiddleName: u.middleName,
                  HonorificPrefix: u.honorificPrefix,
                  HonorificSuffix: u.honorificSuffix,
                  Formatted: u.formattedName,
                }
              : undefined,
          Emails: u.emails?.map((e) => ({ Value: e.value, Type: e.type, Primary: e.primary })),
          PhoneNumbers: u.phoneNumbers?.map((e) => ({ Value: e.value, Type: e.type, Primary: e.primary })),
          Addresses: u.addresses?.map((a) => ({
            StreetAddress: a.streetAddress,
            Locality: a.locality,
            Region: a.region,
            PostalCode: a.postalCode,
            Country: a.country,
            Formatted: a.formatted,
            Type: a.type,
            Primary: a.primary,
          })),
          NickName: u.nickname,
          ProfileUrl: u.profileUrl,
          Title: u.title,
          UserType: u.userType,
          PreferredLanguage: u.preferredLanguage,
          Locale: u.locale,
          Timezone: u.timezone,
          ExternalIds: u.external ? [{ Issuer: 'https://scim.example.com', Id: `ext-${u.id}` }] : undefined,
          IdentityStoreId: instance.identityStoreId,
        })),
        i.NextToken,
        'Users',
      ),
    ),
  );
  ids.on(ListGroupMembershipsCommand).callsFake(
    handle('ListGroupMemberships', (i) => {
      const g = estate.groups.find((x) => x.id === i.GroupId);
      const items = (g?.memberships ?? []).map((m) => ({
        IdentityStoreId: instance.identityStoreId,
        MembershipId: m.membershipId,
        GroupId: g?.id,
        MemberId: { UserId: m.userId },
      }));
      return page(items, i.NextToken, 'GroupMemberships');
    }),
  );

  org
    .on(DescribeOrganizationCommand)
    .callsFake(handle('DescribeOrganization', () => ({ Organization: { Id: organization.id, MasterAccountId: organization.managementAccountId } })));
  org.on(ListRootsCommand).callsFake(handle('ListRoots', (i) => page([{ Id: ROOT_ID, Name: 'Root' }], i.NextToken, 'Roots')));
  const childOus = (parent: string): { Id: string; Name: string }[] => {
    const paths = new Map<string, string[]>();
    for (const a of organization.accounts) {
      for (let n = 1; n <= a.ouPath.length; n++) {
        const p = a.ouPath.slice(0, n);
        if (ouId(p.slice(0, -1)) === parent) paths.set(ouId(p), p);
      }
    }
    return [...paths].sort(([x], [y]) => (x < y ? -1 : 1)).map(([Id, p]) => ({ Id, Name: p[p.length - 1] }));
  };
  org
    .on(ListOrganizationalUnitsForParentCommand)
    .callsFake(handle('ListOrganizationalUnitsForParent', (i) => page(childOus(String(i.ParentId)), i.NextToken, 'OrganizationalUnits')));
  org.on(ListAccountsForParentCommand).callsFake(
    handle('ListAccountsForParent', (i) =>
      page(
        organization.accounts.filter((a) => ouId(a.ouPath) === i.ParentId).map((a) => ({ Id: a.id, Name: a.name, State: a.state ?? 'ACTIVE' })),
        i.NextToken,
        'Accounts',
      ),
    ),
  );
  org.on(ListOrgTagsCommand).callsFake(
    handle('ListTagsForResource(organizations)', (i) => {
      const a = organization.accounts.find((x) => x.id === i.ResourceId);
      return page(tagList(a?.tags ?? {}, 'Key', 'Value'), i.NextToken, 'Tags');
    }),
  );

  const key = estate.key;
  kms.on(DescribeKeyCommand).callsFake(
    handle('DescribeKey', () => ({
      KeyMetadata: {
        KeyId: key?.keyId,
        Arn: key?.arn,
        Description: key?.description,
        MultiRegion: key?.multiRegion,
        MultiRegionConfiguration: key?.multiRegion
          ? { MultiRegionKeyType: 'PRIMARY', ReplicaKeys: key.replicaRegions.map((r) => ({ Region: r, Arn: key.arn.replace(estate.region, r) })) }
          : undefined,
      },
    })),
  );
  kms.on(GetKeyPolicyCommand).callsFake(handle('GetKeyPolicy', () => ({ Policy: key?.policy, PolicyName: 'default' })));
  kms
    .on(GetKeyRotationStatusCommand)
    .callsFake(handle('GetKeyRotationStatus', () => ({ KeyRotationEnabled: key?.rotationEnabled, RotationPeriodInDays: key?.rotationPeriodDays })));
  kms.on(ListAliasesCommand).callsFake(
    handle('ListAliases', (i) =>
      page(
        (key?.aliases ?? []).map((AliasName) => ({ AliasName, TargetKeyId: key?.keyId })),
        i.Marker,
        'Aliases',
        'NextMarker',
      ),
    ),
  );
  kms
    .on(ListResourceTagsCommand)
    .callsFake(handle('ListResourceTags', (i) => page(tagList(key?.tags ?? {}, 'TagKey', 'TagValue'), i.Marker, 'Tags', 'NextMarker')));

  return { clients, calls, restore: () => mocks.forEach((m) => m.restore()) };
}
