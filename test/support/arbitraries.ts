/**
 * fast-check arbitraries of VALID organization models, valid by construction: every name is
 * unique (case-insensitively where AWS compares that way), every reference points at something the
 * model defines, every selector matches a member account, every value is inside its pattern and
 * limit. Property tests write them as YAML and run the real pipeline; a model from here that the
 * pipeline refuses is a finding, either in idcgen or in this file.
 *
 * Breadth over size: a few accounts, groups, users and permission sets, but every shape the
 * schema allows (tags, OU and tag selectors, external principals, customer managed policies with
 * documents, inline policies with policy variables, boundaries, both key policy profiles, every
 * use case, replicas, stack sharding).
 */
import fc from 'fast-check';
import type { OrgModel, PrincipalInput, UseCaseInput } from '../../src/model/schema';

type Account = NonNullable<OrgModel['accounts']>[number];
type Group = NonNullable<OrgModel['groups']>[number];
type User = NonNullable<OrgModel['users']>[number];
type PermissionSet = NonNullable<OrgModel['permissionSets']>[number];
type Assignment = NonNullable<OrgModel['assignments']>[number];
type Key = NonNullable<OrgModel['keys']>[number];

const REGIONS = ['eu-west-1', 'us-east-1', 'ap-southeast-2'] as const;
const REPLICA_REGIONS = ['eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2'] as const;
/** Member OUs; the management account sits in Root, so no OU selector can reach it. */
const MEMBER_OUS = ['Security', 'Workloads/Prod', 'Workloads/Dev', 'Infrastructure/Shared/Network'] as const;
const TAG_KEYS = ['env', 'team', 'cost-center'] as const;
const TAG_VALUES = ['prod', 'dev', 'platform', 'data', '4711'] as const;
const MANAGED_POLICIES = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/PowerUserAccess',
  'arn:aws:iam::aws:policy/SecurityAudit',
  'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
  'arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator',
] as const;

/** Small inline policies with known actions and condition keys; one uses a policy variable. */
const INLINE_POLICIES: readonly Record<string, unknown>[] = [
  { Version: '2012-10-17', Statement: [{ Sid: 'ReadBuckets', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] },
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'StayInRegion',
        Effect: 'Deny',
        Action: 'ec2:TerminateInstances',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
      },
    ],
  },
  { Version: '2012-10-17', Statement: [{ Sid: 'OwnHome', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }] },
];

/** A name that is safe as a unit, directory and Terraform address (PATTERNS.handle, lowercase). */
const handle = fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,4})?$/);
const pascalName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{1,11}$/);
const userName = fc.stringMatching(/^[a-z][a-z0-9.]{1,10}$/).filter((s) => !s.endsWith('.'));

/**
 * Valid names that earlier idcgen turned into one address, or that only look dangerous: `Default`
 * (cdktf drops that path component), `/` and `--` (constructs writes `/` as `--`), `.` and `_` next
 * to `-` (HCL identifiers), `%` and braces (encodings and templates), `-replica-` (HCL replica module
 * names). Mixed with the ordinary names, so each model has a few of them.
 */
const HOSTILE = {
  handle: ['Default', 'a-b', 'a.b', 'a_b', 'a--b', 'k-replica-eu-central-1', 'Resource'],
  group: ['Default', 'ReadOnly', 'A/B', 'A--B', 'A', 'B/c', '50%', '${team}', '%{ if x }', 'Resource', 'Team/Ops', '-/-', 'Zürich/東京'],
  permissionSet: ['Default', 'ReadOnly', 'A--B', 'a.b', 'x_y', 'Resource', 'A-B', 'a-b'],
  user: ['Default', 'ReadOnly', 'c', 'B/c', 'a%b', '${user}', 'x.y', 'A'],
  path: ['/', '/a/b/', '/a--b/', '/-x/', '/idcgen/'],
} as const;

interface Names {
  readonly handle: fc.Arbitrary<string>;
  readonly group: fc.Arbitrary<string>;
  readonly permissionSet: fc.Arbitrary<string>;
  readonly user: fc.Arbitrary<string>;
  readonly path: fc.Arbitrary<string>;
}

const ORDINARY: Names = { handle, group: pascalName, permissionSet: pascalName, user: userName, path: fc.constant('/idcgen/') };
const mixed = (ordinary: fc.Arbitrary<string>, hostile: readonly string[]) => fc.oneof(ordinary, fc.constantFrom(...hostile));
const WITH_HOSTILE: Names = {
  handle: mixed(handle, HOSTILE.handle),
  group: mixed(pascalName, HOSTILE.group),
  permissionSet: mixed(pascalName, HOSTILE.permissionSet),
  user: mixed(userName, HOSTILE.user),
  path: fc.constantFrom(...HOSTILE.path),
};

/**
 * `undefined` or a value, each about half the time: optional keys are left out of the YAML entirely.
 * (fast-check's `freq` is the odds of the nil value, 1 in `freq`: `freq: 1` would never give a value.)
 */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });

const uniqueCi = (arb: fc.Arbitrary<string>, minLength: number, maxLength: number) =>
  fc.uniqueArray(arb, { minLength, maxLength, selector: (s) => s.toLowerCase() });

const nonEmptySubset = <T>(xs: readonly T[], max = xs.length) => fc.subarray([...xs], { minLength: 1, maxLength: Math.min(max, xs.length) });

/** Drop keys whose value is undefined, so YAML shows only what the arbitrary chose. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const tags = fc
  .subarray([...TAG_KEYS], { minLength: 1 })
  .chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...TAG_VALUES).map((v): [string, string] => [k, v]))))
  .map((pairs) => Object.fromEntries(pairs));

function accountsArb(names: Names): fc.Arbitrary<Account[]> {
  return fc
    .tuple(uniqueCi(names.handle, 1, 6), fc.uniqueArray(fc.integer({ min: 100_000_000_000, max: 999_999_999_999 }), { minLength: 6, maxLength: 6 }))
    .chain(([names, ids]) =>
      fc.tuple(
        ...names.map((name, i) =>
          i === 0
            ? fc.record({ name: fc.constant(name), id: fc.constant(String(ids[i])), ou: maybe(fc.constant('Root')) }).map(compact)
            : fc.record({ name: fc.constant(name), id: fc.constant(String(ids[i])), ou: fc.constantFrom(...MEMBER_OUS), tags: maybe(tags) }).map(compact),
        ),
      ),
    );
}

function usersArb(arbs: Names): fc.Arbitrary<User[]> {
  return uniqueCi(arbs.user, 0, 3).chain((names) =>
    fc.tuple(
      ...names.map((n) =>
        fc
          .boolean()
          .map((external): User =>
            external
              ? { userName: n, external: true }
              : { userName: n, displayName: `User ${n}`, givenName: 'Given', familyName: n, email: `${n}@example.com` },
          ),
      ),
    ),
  );
}

function groupsArb(users: readonly User[], arbs: Names): fc.Arbitrary<Group[]> {
  const userNames = users.map((u) => u.userName);
  return uniqueCi(arbs.group, 1, 4).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .record({
            description: maybe(fc.constantFrom('Platform team', 'Auditors from the IdP', 'Data engineers')),
            external: maybe(fc.boolean()),
            members: userNames.length > 0 ? maybe(fc.subarray(userNames, { minLength: 1 })) : fc.constant(undefined),
          })
          .map((g): Group => compact({ name, ...g, members: g.external === true || userNames.length === 0 ? undefined : g.members })),
      ),
    ),
  );
}

function permissionSetsArb(arbs: Names): fc.Arbitrary<PermissionSet[]> {
  return uniqueCi(arbs.permissionSet, 1, 4).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .record({
            description: maybe(fc.constantFrom('Reads everything', 'Operates workloads', 'Administers Identity Center')),
            sessionDuration: maybe(fc.integer({ min: 1, max: 12 }).map((h) => `PT${h}H`)),
            relayState: maybe(fc.constant('https://console.aws.amazon.com/ec2/')),
            tags: maybe(tags),
            managedPolicies: maybe(fc.subarray([...MANAGED_POLICIES], { minLength: 1, maxLength: 3 })),
            // named after the permission set, so two sets never give one name two documents
            customerManagedPolicies: maybe(
              fc.tuple(fc.boolean(), arbs.path).map(([withDocument, path]) => [
                compact({
                  name: `${name}Extra`,
                  path,
                  policy: withDocument
                    ? { Version: '2012-10-17', Statement: [{ Sid: 'DescribeInstances', Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }] }
                    : undefined,
                }),
              ]),
            ),
            inlinePolicy: maybe(fc.constantFrom(...INLINE_POLICIES)),
            permissionsBoundary: maybe(
              fc.constantFrom<PermissionSet['permissionsBoundary']>(
                { managedPolicy: 'arn:aws:iam::aws:policy/PowerUserAccess' },
                { customerManagedPolicy: { name: 'Boundary', path: '/' } },
              ),
            ),
          })
          .map((ps): PermissionSet => compact({ name, ...ps })),
      ),
    ),
  );
}

interface Directory {
  readonly accounts: readonly Account[];
  readonly groups: readonly Group[];
  readonly users: readonly User[];
  readonly permissionSets: readonly PermissionSet[];
}

function assignmentsArb(d: Directory): fc.Arbitrary<Assignment[]> {
  const members = d.accounts.slice(1);
  const principal = fc.oneof(
    fc.constantFrom(...d.groups.map((g) => ({ group: g.name }))),
    ...(d.users.length > 0 ? [fc.constantFrom(...d.users.map((u) => ({ user: u.userName })))] : []),
  );
  const targets: fc.Arbitrary<Partial<Assignment>>[] = [
    // explicit accounts may name the management account
    nonEmptySubset(
      d.accounts.map((a) => a.name),
      3,
    ).map((accounts) => ({ accounts })),
  ];
  if (members.length > 0) {
    targets.push(fc.constantFrom(...members).map((a) => ({ ous: [a.ou as string] })));
    const tagged = members.filter((a) => a.tags !== undefined);
    if (tagged.length > 0) targets.push(fc.constantFrom(...tagged).map((a) => ({ tags: { ...a.tags } })));
  }
  const assignment = fc
    .tuple(principal, fc.constantFrom(...d.permissionSets.map((p) => p.name)), fc.oneof(...targets))
    .map(([who, permissionSet, target]): Assignment => ({ ...who, permissionSet, ...target }) as Assignment);
  return fc.array(assignment, { minLength: 1, maxLength: 6 });
}

/** Principals of each kind, bound to accounts the model has. */
function principals(d: Directory) {
  const mgmt = d.accounts[0];
  const members = d.accounts.slice(1);
  const ps = d.permissionSets.map((p) => p.name);
  const roleIn = (accounts: readonly Account[], role: string) =>
    fc.constantFrom(...accounts).map((a): PrincipalInput => ({ role: `arn:aws:iam::${a.id}:role/${role}` }));
  return {
    psInManagement: fc.constantFrom(...ps).map((permissionSet): PrincipalInput => ({ permissionSet, account: mgmt.name })),
    psInMember:
      members.length > 0
        ? fc.tuple(fc.constantFrom(...ps), fc.constantFrom(...members)).map(([permissionSet, a]): PrincipalInput => ({ permissionSet, account: a.name }))
        : undefined,
    psAnywhere: fc
      .tuple(fc.constantFrom(...ps), fc.constantFrom(...d.accounts))
      .map(([permissionSet, a]): PrincipalInput => ({ permissionSet, account: a.name })),
    roleAnywhere: (role: string) => roleIn(d.accounts, role),
    roleInManagement: (role: string) => roleIn([mgmt], role),
    root: fc.constantFrom(...d.accounts).map((a): PrincipalInput => ({ accountRoot: a.name })),
  };
}

function useCasesArb(d: Directory): fc.Arbitrary<UseCaseInput[]> {
  const p = principals(d);
  const list = (arb: fc.Arbitrary<PrincipalInput>) => fc.uniqueArray(arb, { minLength: 1, maxLength: 2, selector: (x) => JSON.stringify(x) });
  const options: fc.Arbitrary<UseCaseInput>[] = [
    list(p.psInManagement).map((principals) => ({ 'identity-center-admins': { principals } })),
    fc.constantFrom<UseCaseInput>({ 'managed-applications': {} }, { 'managed-applications': null }),
    maybe(list(p.roleAnywhere('AppAdmin'))).map((principals): UseCaseInput => ({ 'managed-application-admins': principals ? { principals } : {} })),
    list(p.roleInManagement('AWSControlTowerAdmin')).map((principals) => ({ 'control-tower-admins': { principals } })),
    list(p.psAnywhere).map((principals) => ({ 'ec2-windows-sso': { principals } })),
    list(p.roleAnywhere('ProvisioningPipeline')).map((principals) => ({ 'custom-workflows': { principals } })),
    list(p.psInManagement).map((principals) => ({ 'read-only-admins': { principals } })),
    nonEmptySubset(
      d.accounts.map((a) => a.name),
      2,
    ).map((sourceAccounts) => ({
      'restrict-managed-applications': { servicePrincipals: ['elasticmapreduce.amazonaws.com'], sourceAccounts },
    })),
    fc.constant<UseCaseInput>({ 'restrict-to-instance': {} }),
  ];
  if (p.psInMember) options.push(list(p.psInMember).map((principals) => ({ 'delegated-admins': { principals } })));
  // each use case at most once: pick a subset of the options, then a value for each
  // restrict-managed-applications replaces managed-applications: the two are never listed together
  return fc
    .subarray(options.map((_, i) => i))
    .chain((picked): fc.Arbitrary<UseCaseInput[]> => (picked.length === 0 ? fc.constant<UseCaseInput[]>([]) : fc.tuple(...picked.map((i) => options[i]))))
    .map((list) => (list.some((u) => 'restrict-managed-applications' in u) ? list.filter((u) => !('managed-applications' in u)) : list));
}

function keysArb(d: Directory, region: string, arbs: Names): fc.Arbitrary<Key[]> {
  const p = principals(d);
  const admin = fc.oneof(p.psInManagement, p.roleAnywhere('KeyAdmin'), p.root);
  const replicas = REPLICA_REGIONS.filter((r) => r !== region);
  return uniqueCi(arbs.handle, 1, 2).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc
          .record({
            // a key name with `.` needs an alias of its own: the default alias/<name> would be invalid
            alias: name.includes('.') ? fc.constant(`alias/${name.replace(/\./g, '-dot-')}`) : maybe(fc.constant(`alias/${name}`)),
            description: maybe(fc.constant(`Identity Center key ${name}`)),
            multiRegion: maybe(fc.boolean()),
            rotation: maybe(fc.record({ enabled: fc.constant(true), periodDays: fc.integer({ min: 90, max: 2560 }) })),
            deletionWindowDays: maybe(fc.constant(30)),
            policyProfile: maybe(fc.constantFrom<'baseline' | 'least-privilege'>('baseline', 'least-privilege')),
            administrators: fc.uniqueArray(admin, { minLength: 0, maxLength: 2, selector: (x) => JSON.stringify(x) }),
            replicaRegions: maybe(fc.subarray(replicas, { minLength: 1, maxLength: 2 })),
            useCases: useCasesArb(d),
            tags: maybe(tags),
          })
          .chain((k) =>
            // a least-privilege key needs a named administrator (the key-admin-missing rail);
            // a baseline key has its account roots
            k.policyProfile === 'least-privilege' && k.administrators.length === 0 ? admin.map((a) => ({ ...k, administrators: [a] })) : fc.constant(k),
          )
          .map((k): Key =>
            compact({
              name,
              ...k,
              administrators: k.administrators.length > 0 ? k.administrators : undefined,
              replicaRegions: k.multiRegion === false ? undefined : k.replicaRegions,
              useCases: k.useCases.length > 0 ? k.useCases : undefined,
            }),
          ),
      ),
    ),
  );
}

export interface ValidModelOptions {
  /** Mix in names that collide or look dangerous in some encoding (HOSTILE). @default false */
  readonly hostileNames?: boolean;
}

/** A valid organization model: the input of every property in test/property. */
export function validModel(options: ValidModelOptions = {}): fc.Arbitrary<OrgModel> {
  const names = options.hostileNames ? WITH_HOSTILE : ORDINARY;
  return fc
    .record({
      accounts: accountsArb(names),
      users: usersArb(names),
      permissionSets: permissionSetsArb(names),
      region: fc.constantFrom(...REGIONS),
      orgId: fc.stringMatching(/^o-[a-z0-9]{10}$/),
      lookedUp: fc.boolean(),
    })
    .chain((base) =>
      groupsArb(base.users, names)
        .chain((groups) => {
          const d: Directory = { accounts: base.accounts, groups, users: base.users, permissionSets: base.permissionSets };
          return fc.record({
            assignments: assignmentsArb(d),
            keys: keysArb(d, base.region, names),
            encryptionKeyIndex: fc.nat(),
            // now and then Identity Center keeps its AWS owned key and the keys serve other uses
            awsOwnedKey: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
            deployment: maybe(
              fc.record({ maxResourcesPerStack: maybe(fc.integer({ min: 10, max: 40 })), roleName: maybe(fc.constant('IdcgenDeploy')) }).map(compact),
            ),
            users: fc.constant(base.users),
            groups: fc.constant(groups),
          });
        })
        .map((rest): OrgModel => {
          const key = rest.keys[rest.encryptionKeyIndex % rest.keys.length];
          return compact({
            version: 1 as const,
            organization: { id: base.orgId, managementAccount: base.accounts[0].name },
            identityCenter: compact({
              region: base.region,
              instanceArn: base.lookedUp ? undefined : 'arn:aws:sso:::instance/ssoins-1111222233334444',
              identityStoreId: base.lookedUp ? undefined : 'd-1111222233',
              encryption: rest.awsOwnedKey ? undefined : { key: key.name },
            }),
            // the role that runs terraform (key-deployer-missing), now and then absent where no least-privilege key needs it
            deployment: compact({
              ...rest.deployment,
              deployer:
                rest.keys.some((k) => k.policyProfile === 'least-privilege') || rest.encryptionKeyIndex % 3 !== 0
                  ? `arn:aws:iam::${base.accounts[0].id}:role/IdcgenDeployer`
                  : undefined,
            }),
            accounts: base.accounts,
            groups: rest.groups,
            users: rest.users.length > 0 ? rest.users : undefined,
            permissionSets: base.permissionSets,
            // a permission-set administrator exists only where its permission set is assigned (key-admin-unassigned)
            assignments: [...rest.assignments, ...adminAssignments(rest.keys, rest.groups[0].name)],
            keys: rest.keys,
          });
        }),
    );
}

/** One assignment per permission-set key administrator, in the account the key names it in. */
function adminAssignments(keys: readonly Key[], group: string): Assignment[] {
  const pairs = keys.flatMap((k) => (k.administrators ?? []).flatMap((p) => ('permissionSet' in p ? [`${p.permissionSet}\u0000${p.account}`] : [])));
  return [...new Set(pairs)].sort().map((pair) => {
    const [permissionSet, account] = pair.split('\u0000');
    return { group, permissionSet, accounts: [account] };
  });
}
