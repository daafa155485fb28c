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
 *   assignment has a bit string: sha256(account name) followed by sha256(assignment key). The units
 *   are the leaves of a binary trie over those bits, where a node is split in two (by its next bit)
 *   only while it holds more than `maxPerUnit` assignments. So:
 *   - no unit holds more than `maxPerUnit` assignments (unless 512 bits cannot tell them apart,
 *     which takes equal keys);
 *   - one account's assignments stay in one unit unless that account alone has more than the bound;
 *   - whether a node is split depends only on how many assignments lie below it, so adding one
 *     assignment changes only the unit that receives it (or splits that one unit in two), and the
 *     other units keep their names and contents, hence their Terraform state;
 *   - the unit is named `assignments` when nothing is split, else `assignments-<bits>` with the
 *     trie path of its leaf (e.g. `assignments-01`). Empty leaves produce no unit.
 * - Order: management, then member units, then assignment units, each sorted by name.
 */
import { createHash } from 'node:crypto';
import { partitionOf } from './aws-patterns';
import {
  compareKeys,
  type CustomerManagedPolicyRef,
  type DeploymentUnit,
  type KeyIdentityPolicy,
  type ResolvedAccount,
} from './ir';
import type { PolicyDocumentJson } from '../policy/types';

export const ASSIGNMENTS_UNIT = 'assignments';
export const MANAGEMENT_UNIT = 'management';

/** Beyond this depth both hashes are used up: items left together are indistinguishable. */
const MAX_DEPTH = 512;

export interface ShardItem {
  readonly key: string;
  readonly accountName: string;
}

interface Hashed {
  readonly key: string;
  /** Position in the input, where the unit goes in the output. */
  readonly index: number;
  readonly account: Buffer;
  /** sha256(key), computed only if a node this deep must be split (one account above the bound). */
  keyHash?: Buffer;
}

const ACCOUNT_BITS = 256;

function bitAt(it: Hashed, depth: number): number {
  const mask = 0x80 >> (depth & 7);
  if (depth < ACCOUNT_BITS) return it.account[depth >> 3] & mask;
  it.keyHash ??= sha256(it.key);
  return it.keyHash[(depth - ACCOUNT_BITS) >> 3] & mask;
}

/** The assignment unit of every item (`result[i]` for `items[i]`); see the module comment. */
export function shardAssignments(items: readonly ShardItem[], maxPerUnit: number): string[] {
  const accountHash = new Map<string, Buffer>();
  const hashed = items.map((it, index): Hashed => {
    let account = accountHash.get(it.accountName);
    if (!account) accountHash.set(it.accountName, (account = sha256(it.accountName)));
    return { key: it.key, index, account };
  });
  const out: string[] = new Array<string>(items.length);
  // Iterative depth-first split; a stack keeps memory flat for 100,000s of assignments.
  const stack: { items: Hashed[]; depth: number; prefix: string }[] = [{ items: hashed, depth: 0, prefix: '' }];
  while (stack.length > 0) {
    const node = stack.pop() as (typeof stack)[number];
    if (node.items.length <= maxPerUnit || node.depth >= MAX_DEPTH) {
      const unit = node.prefix === '' ? ASSIGNMENTS_UNIT : `${ASSIGNMENTS_UNIT}-${node.prefix}`;
      for (const it of node.items) out[it.index] = unit;
      continue;
    }
    const zero: Hashed[] = [];
    const one: Hashed[] = [];
    for (const it of node.items) (bitAt(it, node.depth) === 0 ? zero : one).push(it);
    if (one.length > 0) stack.push({ items: one, depth: node.depth + 1, prefix: `${node.prefix}1` });
    if (zero.length > 0) stack.push({ items: zero, depth: node.depth + 1, prefix: `${node.prefix}0` });
  }
  return out;
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

export type PolicyToCreate = CustomerManagedPolicyRef & { readonly document: PolicyDocumentJson };

export interface UnitsInput {
  readonly region: string;
  readonly roleName: string;
  readonly managementAccount: ResolvedAccount;
  readonly accounts: readonly ResolvedAccount[];
  /** Assignments with their unit already chosen. */
  readonly assignments: readonly { readonly key: string; readonly unit: string; readonly accountName: string; readonly permissionSet: string }[];
  readonly identityPolicies: readonly KeyIdentityPolicy[];
  /** Permission set name → the customer managed policies with documents it needs in its accounts. */
  readonly policiesByPermissionSet: ReadonlyMap<string, readonly PolicyToCreate[]>;
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
  const unitFor = (account: ResolvedAccount, kind: 'management' | 'member'): DeploymentUnit => {
    const n = needs.get(account.name);
    return {
      name: kind === 'management' ? MANAGEMENT_UNIT : `account-${account.name}`,
      kind,
      accountName: account.name,
      accountId: account.id,
      ...(kind === 'member' ? { assumeRoleArn: `arn:${partition}:iam::${account.id}:role/${input.roleName}` } : {}),
      customerManagedPolicies: [...(n?.policies.values() ?? [])].sort((a, b) => compareKeys(`${a.path}${a.name}`, `${b.path}${b.name}`)),
      keyIdentityPolicies: [...(n?.identityPolicies ?? [])].sort(
        (a, b) => compareKeys(a.keyName, b.keyName) || compareKeys(a.policyName, b.policyName),
      ),
      assignmentKeys: [],
    };
  };

  const members = [...needs.keys()]
    .filter((name) => name !== mgmt.name)
    .sort(compareKeys)
    .map((name) => unitFor(byName.get(name) as ResolvedAccount, 'member'));
  const shards = [...assignmentKeys.keys()].sort(compareKeys).map(
    (name): DeploymentUnit => ({
      name,
      kind: 'assignments',
      accountName: mgmt.name,
      accountId: mgmt.id,
      customerManagedPolicies: [],
      keyIdentityPolicies: [],
      assignmentKeys: (assignmentKeys.get(name) as string[]).sort(compareKeys),
    }),
  );
  return [unitFor(mgmt, 'management'), ...members, ...shards];
}
