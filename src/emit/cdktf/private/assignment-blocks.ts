/**
 * The blocks of an assignment stack, written as cdk.tf.json values directly instead of through one
 * construct per block.
 *
 * Why: an enterprise organization has ~100,000 assignments and as many principal look-ups. cdktf
 * builds a construct with a dozen helper objects for each, then resolves every block three times
 * while synthesizing; at that size synthesis took minutes and over 2 GB. These blocks are simple
 * and uniform (string attributes, references to look-ups in the same stack), so they are written
 * here in the exact form cdktf gives them: the same construct paths (`Assignment/<type>/<principal>/
 * <permission set>/<account>`, `IdentityStore/GroupLookup/<name>`, ...) with ids from constructId,
 * logical ids from cdktf's own `makeUniqueId`, the same attribute names and `//` metadata; strings
 * stay in literal text, and GeneratedStack finishes them with the rest of the stack.
 * test/emit/cdktf/assignment-blocks holds the output byte for byte against the same stack built from
 * constructs (AccountAssignments, IdentityStore, DataAwsSsoadminPermissionSet).
 */
import { type PrincipalType, type ResolvedAssignment, type ResolvedGroup, type ResolvedUser, compareKeys } from '../../../model';
import { makeUniqueId } from '../cdktf';
import type { Address } from './addresses';
import { constructId } from './construct-ids';
import type { Blocks, WrittenBlocks } from './generated-stack';

type Block = Record<string, unknown>;

export interface AssignmentBlocksInput {
  /** Stack id: the first element of every construct path. */
  readonly stack: string;
  /** Instance ARN and identity store id as they appear in JSON: literals or `${...}` references. */
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly assignments: readonly ResolvedAssignment[];
  readonly groups: readonly ResolvedGroup[];
  readonly users: readonly ResolvedUser[];
}

class BlockWriter {
  readonly blocks: Blocks = { data: {}, resource: {} };
  readonly addresses: Address[] = [];
  private readonly paths = new Set<string>();

  constructor(private readonly stack: string) {}

  /** Adds a block at construct path `components` under the stack; returns its logical id. */
  add(kind: 'data' | 'resource', type: string, components: readonly string[], attributes: Block): string {
    const ids = components.map(constructId);
    const path = [this.stack, ...ids].join('/');
    // A construct path is unique in a stack (constructs throws on a second child of the same id).
    if (this.paths.has(path)) throw new Error(`two blocks at construct path ${path}`);
    this.paths.add(path);
    const uniqueId = makeUniqueId(ids);
    (this.blocks[kind][type] ??= {})[uniqueId] = { '//': { metadata: { path, uniqueId } }, ...attributes };
    this.addresses.push({ kind, type, logicalId: uniqueId, components: ids });
    return uniqueId;
  }
}

/** Look-ups of the permission sets and principals the assignments name, then the assignments. */
export function assignmentBlocks(input: AssignmentBlocksInput): WrittenBlocks {
  const w = new BlockWriter(input.stack);
  const { instanceArn, identityStoreId } = input;

  const permissionSetArn = new Map<string, string>();
  for (const name of [...new Set(input.assignments.map((a) => a.permissionSet))].sort(compareKeys)) {
    const id = w.add('data', 'aws_ssoadmin_permission_set', ['PermissionSetLookup', name], { instance_arn: instanceArn, name });
    permissionSetArn.set(name, `\${data.aws_ssoadmin_permission_set.${id}.arn}`);
  }

  const lookup = (type: 'aws_identitystore_user' | 'aws_identitystore_group', scope: string, attributePath: string, name: string): string =>
    w.add('data', type, ['IdentityStore', scope, name], {
      alternate_identifier: { unique_attribute: { attribute_path: attributePath, attribute_value: name } },
      identity_store_id: identityStoreId,
    });
  const named = (type: PrincipalType): Set<string> => new Set(input.assignments.filter((a) => a.principalType === type).map((a) => a.principalName));
  const principalIds = { USER: new Map<string, string>(), GROUP: new Map<string, string>() };
  const users = named('USER');
  for (const u of input.users) {
    if (!users.has(u.userName)) continue;
    principalIds.USER.set(u.userName, `\${data.aws_identitystore_user.${lookup('aws_identitystore_user', 'UserLookup', 'UserName', u.userName)}.user_id}`);
  }
  const groups = named('GROUP');
  for (const g of input.groups) {
    if (!groups.has(g.name)) continue;
    principalIds.GROUP.set(g.name, `\${data.aws_identitystore_group.${lookup('aws_identitystore_group', 'GroupLookup', 'DisplayName', g.name)}.group_id}`);
  }

  for (const a of input.assignments) {
    const principalId = principalIds[a.principalType].get(a.principalName);
    if (principalId === undefined) throw unknownPrincipal(a);
    w.add('resource', 'aws_ssoadmin_account_assignment', ['Assignment', a.principalType, a.principalName, a.permissionSet, a.accountName], {
      instance_arn: instanceArn,
      permission_set_arn: permissionSetArn.get(a.permissionSet),
      principal_id: principalId,
      principal_type: a.principalType,
      target_id: a.accountId,
      target_type: 'AWS_ACCOUNT',
    });
  }
  return { blocks: w.blocks, addresses: w.addresses };
}

function unknownPrincipal(a: ResolvedAssignment): Error {
  return new Error(`${a.principalType === 'GROUP' ? 'group' : 'user'} ${a.principalName} is not in this stack's identity store`);
}

/** Fails, as building the stack from constructs would, when an assignment names a principal the model lacks. */
export function checkPrincipals(input: AssignmentBlocksInput): void {
  const known = { USER: new Set(input.users.map((u) => u.userName)), GROUP: new Set(input.groups.map((g) => g.name)) };
  for (const a of input.assignments) if (!known[a.principalType].has(a.principalName)) throw unknownPrincipal(a);
}
