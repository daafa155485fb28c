/**
 * Deployment units: which CDKTF stack and HCL root each resource belongs to.
 *
 * Rules:
 * - `management`: the management account (Identity Center, the key, permission sets, the identity
 *   store). It also holds customer managed policy documents needed in the management account.
 * - `account-<name>`: one unit for each other account that needs IAM resources of its own: the key
 *   identity policies its principals need (ResolvedKey.identityPolicies), and every customer managed
 *   policy that carries a `policy:` document and belongs to a permission set assigned to that
 *   account (Identity Center only references such policies by name; they must exist in the account
 *   before the assignment provisions the permission set there). Accounts needing nothing get no unit.
 * - Assignment units hold account assignments (created through the management account). Each
 *   assignment has a bit string of SHARD_BITS (64) bits: the first 32 of sha256(account name), the
 *   first 16 of sha256(permission set name), the first 16 of sha256(assignment key). The units are
 *   the leaves of a binary trie over those bits, where a node is split in two (by its next bit) only
 *   while it holds more than `maxPerUnit` assignments. So:
 *   - no unit holds more than `maxPerUnit` assignments, unless 64 bits cannot tell them apart (more
 *     than the bound of one account and permission set whose keys share 16 hash bits: in practice
 *     never);
 *   - one account's assignments stay in one unit unless that account alone has more than the bound;
 *     then they split by permission set, and one permission set's by assignment key;
 *   - whether a node is split depends only on how many assignments lie below it, so adding one
 *     assignment changes only the unit that receives it (or splits that one unit in two), and the
 *     other units keep their names and contents, hence their Terraform state;
 *   - the unit is named `assignments` when nothing is split, else `assignments-<bits>` with the
 *     trie path of its leaf (e.g. `assignments-01`), so a unit name has at most UNIT_NAME_MAX_LENGTH
 *     (80) characters whatever the model: a directory name far below the 255 file systems allow.
 *     (The first 32 bits are the ones earlier idcgen used, so every unit name it wrote is kept.)
 *     Empty leaves produce no unit.
 * - Permission sets, applications and the identity store stay in the management unit while
 *   everything fits in it (small models: no extra units). When the management unit would exceed
 *   `maxResourcesPerStack` (resources counted by unit-resources.ts), permission sets move out first,
 *   then applications, then, if it is still too big, the identity store (applications never stay
 *   behind it: their assignments read the principals' ids, and the management unit is applied
 *   before every identity-store unit):
 *   - permission sets into `permission-sets[-<bits>]` units, each set whole with its attachments,
 *     placed by the same trie over the first 64 bits of sha256(name) and split by resource weight;
 *   - applications into `applications[-<bits>]` units the same way, each with its configuration,
 *     access scopes and assignments (principals looked up by name);
 *   - users into `users[-<bits>]` units and groups (with their memberships) into `groups[-<bits>]`
 *     units, two tries of the same kind. Users and groups never share a unit, so a groups unit
 *     looks its members up by user name from units deployed before it, and no two units need each
 *     other. External principals weigh nothing (they are only looked up) but are placed like the
 *     rest, so every principal has one unit.
 *   Adding a member to a group, or a policy to a permission set, changes only the unit holding it
 *   (or splits that one unit), as for assignments. Moving a family out of the management unit moves
 *   its resources to other states: that happens once, when the organization outgrows one stack.
 *   A unit exceeds the bound only when one indivisible item does (one group with more members than
 *   the bound), or when the management unit's keys and policies alone do.
 * - With a delegated administrator (identityCenter.delegatedAdmin), permission sets (except those
 *   only the management account may manage: private/delegated-admin.ts), users and groups always
 *   leave the management unit, into the same families of units, and those units and the assignment
 *   units run in the delegated administrator's account through the deployment role there. The
 *   assignments only the management account may make are held by `assignments-management`, which
 *   runs in the management account. The key always stays in `management` (AWS requirement).
 * - Order: management, then member units, then permission-set units, then identity-store units,
 *   then applications units, then assignment units, each sorted by name.
 */
import { createHash } from 'node:crypto';
import { partitionOf, roleArn } from './arns';
import {
  compareKeys,
  type CustomerManagedPolicyRef,
  type ApplicationsUnit,
  type AssignmentsUnit,
  type DeploymentUnit,
  type IdentityStoreUnit,
  type KeyIdentityPolicy,
  type ManagementUnit,
  type MemberUnit,
  type PermissionSetsUnit,
  type PolicyUnit,
  type ResolvedAccount,
} from './ir';
import { identityPolicyResources } from './unit-resources';
import { MANAGEMENT_ASSIGNMENTS_UNIT } from './private/delegated-admin';
import type { PolicyDocumentJson } from './policy-types';

export const ASSIGNMENTS_UNIT = 'assignments';
export const MANAGEMENT_UNIT = 'management';
export const PERMISSION_SETS_UNIT = 'permission-sets';
export const USERS_UNIT = 'users';
export const GROUPS_UNIT = 'groups';
export const APPLICATIONS_UNIT = 'applications';

/** Bits of an item's trie path, and so the most bits a unit name can carry. */
export const SHARD_BITS = 64;
/** The longest unit name: the longest family (`permission-sets`), `-` and SHARD_BITS bits. */
export const UNIT_NAME_MAX_LENGTH = PERMISSION_SETS_UNIT.length + 1 + SHARD_BITS;

export interface ShardItem {
  readonly key: string;
  readonly accountName: string;
  readonly permissionSet: string;
}

/** Where an item's bits come from: the first `bits` bits of sha256 of each text, in order. */
type BitSource = readonly { readonly text: string; readonly bits: number }[];

interface Hashed {
  readonly index: number;
  /** Resources the item brings to its unit. */
  readonly weight: number;
  readonly source: BitSource;
  /** sha256 of each source text, computed when a node that deep must be split. */
  readonly hashes: (Buffer | undefined)[];
}

/** Bit `depth` of the item's path (0 or non-zero). */
function bitAt(it: Hashed, depth: number, cache: Map<string, Buffer>): number {
  let d = depth;
  for (let part = 0; part < it.source.length; part++) {
    const { text, bits } = it.source[part];
    if (d < bits) {
      let hash = it.hashes[part];
      if (!hash) {
        hash = cache.get(text);
        if (!hash) cache.set(text, (hash = sha256(text)));
        it.hashes[part] = hash;
      }
      return hash[d >> 3] & (0x80 >> (d & 7));
    }
    d -= bits;
  }
  throw new Error(`trie depth ${depth} is beyond the ${SHARD_BITS} bits of an item`);
}

/**
 * The trie leaf of every item (`result[i]` for `items[i]`), named `<family>` when nothing is split,
 * else `<family>-<bits>`. A node is split while the weight below it exceeds `maxWeight` and it
 * holds more than one item, so a unit exceeds the bound only when one item alone does.
 */
function trieLeaves(family: string, items: readonly { readonly source: BitSource; readonly weight: number }[], maxWeight: number): string[] {
  // One hash per distinct text (an account's is shared by all its assignments).
  const cache = new Map<string, Buffer>();
  let total = 0;
  const hashed = items.map((it, index): Hashed => {
    total += it.weight;
    return { index, weight: it.weight, source: it.source, hashes: [] };
  });
  const out: string[] = new Array<string>(items.length);
  // Iterative depth-first split; a stack keeps memory flat for 100,000s of items.
  const stack: { items: Hashed[]; weight: number; depth: number; prefix: string }[] = [{ items: hashed, weight: total, depth: 0, prefix: '' }];
  while (stack.length > 0) {
    const node = stack.pop() as (typeof stack)[number];
    if (node.weight <= maxWeight || node.items.length <= 1 || node.depth >= SHARD_BITS) {
      const unit = node.prefix === '' ? family : `${family}-${node.prefix}`;
      for (const it of node.items) out[it.index] = unit;
      continue;
    }
    const zero: Hashed[] = [];
    const one: Hashed[] = [];
    let zeroWeight = 0;
    for (const it of node.items) {
      if (bitAt(it, node.depth, cache) === 0) {
        zero.push(it);
        zeroWeight += it.weight;
      } else one.push(it);
    }
    const depth = node.depth + 1;
    if (one.length > 0) stack.push({ items: one, weight: node.weight - zeroWeight, depth, prefix: `${node.prefix}1` });
    if (zero.length > 0) stack.push({ items: zero, weight: zeroWeight, depth, prefix: `${node.prefix}0` });
  }
  return out;
}

/** The assignment unit of every item (`result[i]` for `items[i]`); see the module comment. */
export function shardAssignments(items: readonly ShardItem[], maxPerUnit: number): string[] {
  return trieLeaves(
    ASSIGNMENTS_UNIT,
    items.map((it) => ({
      source: [
        { text: it.accountName, bits: 32 },
        { text: it.permissionSet, bits: 16 },
        { text: it.key, bits: 16 },
      ],
      weight: 1,
    })),
    maxPerUnit,
  );
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

export type PolicyToCreate = CustomerManagedPolicyRef & { readonly document: PolicyDocumentJson };

export interface UnitsInput {
  readonly region: string;
  readonly roleName: string;
  /** @default roleName */
  readonly planRoleName?: string;
  readonly managementAccount: ResolvedAccount;
  readonly accounts: readonly ResolvedAccount[];
  /** Assignments with their unit already chosen. */
  readonly assignments: readonly { readonly key: string; readonly unit: string; readonly accountName: string; readonly permissionSet: string }[];
  readonly identityPolicies: readonly KeyIdentityPolicy[];
  /** Permission set name → the customer managed policies with documents it needs in its accounts. */
  readonly policiesByPermissionSet: ReadonlyMap<string, readonly PolicyToCreate[]>;
  /**
   * The delegated administrator's account, and the permission sets only the management account may
   * manage (private/delegated-admin.ts): every other permission set, the identity store and the
   * assignments not in `assignments-management` move to units running in that account.
   * @default absent: no delegated administrator
   */
  readonly delegatedAdmin?: { readonly account: ResolvedAccount; readonly managedFromManagement: ReadonlySet<string> };
  /**
   * What the management unit would hold besides its IAM policies, with the bound that decides
   * whether permission sets and the identity store stay in it (see the module comment).
   * @default absent: they stay
   */
  readonly management?: ManagementContent;
}

/** A named item and the resources it brings to its unit. */
export interface Weighted {
  readonly name: string;
  readonly resources: number;
}

export interface ManagementContent {
  readonly maxResources: number;
  /** What never leaves the management unit: keys, their replicas, the encryption step, the attributes for access control. */
  readonly keyResources: number;
  readonly permissionSets: readonly Weighted[];
  readonly groups: readonly Weighted[];
  readonly users: readonly Weighted[];
  /** @default none */
  readonly applications?: readonly Weighted[];
}

interface AccountNeeds {
  readonly policies: Map<string, PolicyToCreate>;
  readonly identityPolicies: KeyIdentityPolicy[];
}

/** Every deployment unit, in IR order (see the module comment). */
export function buildUnits(input: UnitsInput): DeploymentUnit[] {
  const mgmt = input.managementAccount;
  const needs = new Map<string, AccountNeeds>();
  const needsOf = (account: string): AccountNeeds => {
    let n = needs.get(account);
    if (!n) needs.set(account, (n = { policies: new Map(), identityPolicies: [] }));
    return n;
  };
  for (const p of input.identityPolicies) needsOf(p.accountName).identityPolicies.push(p);
  const assignmentKeys = new Map<string, string[]>();
  for (const a of input.assignments) {
    let keys = assignmentKeys.get(a.unit);
    if (!keys) assignmentKeys.set(a.unit, (keys = []));
    keys.push(a.key);
    for (const p of input.policiesByPermissionSet.get(a.permissionSet) ?? []) {
      needsOf(a.accountName).policies.set(`${p.path}${p.name}`, p);
    }
  }

  const byName = new Map(input.accounts.map((a) => [a.name, a]));
  const partition = partitionOf(input.region);
  const policiesOf = (account: ResolvedAccount): Pick<PolicyUnit, 'customerManagedPolicies' | 'keyIdentityPolicies'> => {
    const n = needs.get(account.name);
    return {
      customerManagedPolicies: [...(n?.policies.values() ?? [])].sort((a, b) => compareKeys(`${a.path}${a.name}`, `${b.path}${b.name}`)),
      keyIdentityPolicies: [...(n?.identityPolicies ?? [])].sort((a, b) => compareKeys(a.keyName, b.keyName) || compareKeys(a.policyName, b.policyName)),
    };
  };
  const memberUnit = (account: ResolvedAccount): MemberUnit => ({
    name: `account-${account.name}`,
    kind: 'member',
    accountName: account.name,
    accountId: account.id,
    assumeRoleArn: roleArn(account.id, input.roleName, partition),
    ...(input.planRoleName !== undefined && input.planRoleName !== input.roleName
      ? { planAssumeRoleArn: roleArn(account.id, input.planRoleName, partition) }
      : {}),
    ...policiesOf(account),
  });

  const management: ManagementUnit = { name: MANAGEMENT_UNIT, kind: 'management', accountName: mgmt.name, accountId: mgmt.id, ...policiesOf(mgmt) };
  const delegated = input.delegatedAdmin;
  // Where units that manage Identity Center run: the delegated administrator's account, through the
  // deployment role there, or the management account.
  const runsIn = (name: string): Pick<DeploymentUnit, 'accountName' | 'accountId' | 'assumeRoleArn' | 'planAssumeRoleArn'> =>
    delegated && name !== MANAGEMENT_ASSIGNMENTS_UNIT
      ? {
          accountName: delegated.account.name,
          accountId: delegated.account.id,
          assumeRoleArn: roleArn(delegated.account.id, input.roleName, partition),
          ...(input.planRoleName !== undefined && input.planRoleName !== input.roleName
            ? { planAssumeRoleArn: roleArn(delegated.account.id, input.planRoleName, partition) }
            : {}),
        }
      : { accountName: mgmt.name, accountId: mgmt.id };
  const moved = input.management
    ? movedOutOfManagement(management, input.management, delegated?.managedFromManagement).map((u) => ({ ...u, ...runsIn(u.name) }))
    : [];

  const members = [...needs.keys()]
    .filter((name) => name !== mgmt.name)
    .sort(compareKeys)
    .map((name) => memberUnit(byName.get(name) as ResolvedAccount));
  const shards = [...assignmentKeys.keys()].sort(compareKeys).map((name): AssignmentsUnit => ({
    name,
    kind: 'assignments',
    ...runsIn(name),
    assignmentKeys: (assignmentKeys.get(name) as string[]).sort(compareKeys),
  }));
  return [management, ...members, ...moved, ...shards];
}

/** The units that take content out of the management unit. */
type MovedUnit = PermissionSetsUnit | IdentityStoreUnit | ApplicationsUnit;

const sum = (items: readonly Weighted[]): number => items.reduce((n, it) => n + it.resources, 0);

/**
 * Permission-set, identity-store and applications units, when the management unit cannot hold
 * their content, or when a delegated administrator manages them (`fromManagement` set: only those
 * permission sets stay).
 */
function movedOutOfManagement(management: ManagementUnit, content: ManagementContent, fromManagement?: ReadonlySet<string>): MovedUnit[] {
  const policies = management.customerManagedPolicies.length + management.keyIdentityPolicies.reduce((n, p) => n + identityPolicyResources(p), 0);
  const base = content.keyResources + policies;
  const permissionSets = sum(content.permissionSets);
  const applications = content.applications ?? [];
  const identityStore = sum(content.groups) + sum(content.users);
  const keepPermissionSets = base + permissionSets <= content.maxResources;
  const kept = base + (keepPermissionSets ? permissionSets : 0);
  // A delegated administrator moves the identity store out of management (fromManagement), so the
  // applications assigned to its groups and users must follow: management is applied before them.
  const keepApplications = !fromManagement && kept + sum(applications) + identityStore <= content.maxResources;
  const keepIdentityStore = kept + (keepApplications ? sum(applications) : 0) + identityStore <= content.maxResources;

  const placement = <K extends MovedUnit['kind']>(name: string, kind: K) => ({
    name,
    kind,
    accountName: management.accountName,
    accountId: management.accountId,
  });
  const units = new Map<string, { kind: MovedUnit['kind']; permissionSets: string[]; groups: string[]; users: string[]; applications: string[] }>();
  const place = (family: string, kind: MovedUnit['kind'], items: readonly Weighted[], field: 'permissionSets' | 'groups' | 'users' | 'applications'): void => {
    const leaves = trieLeaves(
      family,
      items.map((it) => ({ source: [{ text: it.name, bits: SHARD_BITS }], weight: it.resources })),
      content.maxResources,
    );
    items.forEach((it, i) => {
      let u = units.get(leaves[i]);
      if (!u) units.set(leaves[i], (u = { kind, permissionSets: [], groups: [], users: [], applications: [] }));
      u[field].push(it.name);
    });
  };
  if (fromManagement) {
    place(
      PERMISSION_SETS_UNIT,
      'permission-sets',
      content.permissionSets.filter((ps) => !fromManagement.has(ps.name)),
      'permissionSets',
    );
  } else if (!keepPermissionSets) place(PERMISSION_SETS_UNIT, 'permission-sets', content.permissionSets, 'permissionSets');
  if (fromManagement || !keepIdentityStore) {
    place(GROUPS_UNIT, 'identity-store', content.groups, 'groups');
    place(USERS_UNIT, 'identity-store', content.users, 'users');
  }
  if (!keepApplications) place(APPLICATIONS_UNIT, 'applications', applications, 'applications');
  const kindOrder = (k: MovedUnit['kind']): number => (k === 'permission-sets' ? 0 : k === 'identity-store' ? 1 : 2);
  return [...units.entries()]
    .sort(([a, x], [b, y]) => kindOrder(x.kind) - kindOrder(y.kind) || compareKeys(a, b))
    .map(([name, u]): MovedUnit =>
      u.kind === 'permission-sets'
        ? { ...placement(name, u.kind), permissionSets: u.permissionSets.sort(compareKeys) }
        : u.kind === 'applications'
          ? { ...placement(name, u.kind), applications: u.applications.sort(compareKeys) }
          : { ...placement(name, 'identity-store'), groups: u.groups.sort(compareKeys), users: u.users.sort(compareKeys) },
    );
}
