/**
 * Writes a `terraform test` file (tests/plan.tftest.hcl) for one synthesized stack: mocked AWS
 * providers (`override_during = plan`, so computed ids and ARNs are known at plan time) and one
 * `run` with `command = plan` whose assertions compare planned values with what the IR asks for.
 *
 * Expected policies are rendered here independently of the emitter: PolicyRefs become the mocked
 * values below, the document is plain JSON, and the text is put in an HCL string with HCL's own
 * escaping. Terraform then compares `jsondecode(planned) == jsondecode(expected)`, so an IAM
 * policy variable only passes if the plan holds it literally (`${aws:ResourceAccount}`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthCdktf } from '../../../src/emit/cdktf';
import type { DeploymentUnit, ManagementUnit, PolicyUnit, ResolvedAssignment, ResolvedModel, ResolvedPermissionSet } from '../../../src/model/ir';
import { unitGroups, unitPermissionSets, unitUsers } from '../../../src/model/ir-index';
import type { PolicyDocumentJson, PolicyRef } from '../../../src/model/policy-types';
import { isPolicyRef } from '../../../src/model/policy-types';
import { hclString } from '../../../src/emit/hcl/private/escape';
import { constructId } from '../../../src/emit/cdktf/private/construct-ids';

export const MOCK = {
  instanceArn: 'arn:aws:sso:::instance/ssoins-0000mock0000mock',
  identityStoreId: 'd-00000mock0',
  keyId: 'mrk-00000000mock0000mock00000000',
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-0000mock0000mock/ps-0000mock0000mock',
  // Identity store ids are GUIDs: the provider validates principal_id against that pattern.
  lookedUpGroupId: '00000000-0000-4000-8000-00000000000a',
  lookedUpUserId: '00000000-0000-4000-8000-00000000000b',
  createdGroupId: '00000000-0000-4000-8000-00000000000c',
  createdUserId: '00000000-0000-4000-8000-00000000000d',
  iamPolicyArn: 'arn:aws:iam::000000000000:policy/mock',
} as const;

type Json = Record<string, Record<string, Record<string, { '//'?: { metadata?: { path?: string } } } & Record<string, unknown>>>>;

function renderMocked(doc: PolicyDocumentJson, resolve: (ref: PolicyRef) => string): string {
  const walk = (v: unknown): unknown => {
    if (isPolicyRef(v)) return resolve(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return JSON.stringify(walk(doc));
}

class PlanTest {
  private readonly asserts: string[] = [];
  private readonly byPath = new Map<string, string>();
  readonly aliases: string[] = [];

  constructor(
    stackJson: string,
    private readonly ir: ResolvedModel,
    private readonly unit: DeploymentUnit,
  ) {
    const json = JSON.parse(stackJson) as Json & { provider?: { aws?: { alias?: string }[] } };
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, items] of Object.entries(json[kind] ?? {})) {
        for (const [id, item] of Object.entries(items)) {
          const path = item['//']?.metadata?.path;
          if (path) this.byPath.set(path, `${kind === 'data' ? 'data.' : ''}${type}.${id}`);
        }
      }
    }
    this.aliases = (json.provider?.aws ?? []).flatMap((p) => (p.alias ? [p.alias] : []));
  }

  /** Address of the block built at construct path `<unit>/<...path>` (model names, as constructId writes them); fails when there is none. */
  at(...path: string[]): string {
    const full = [this.unit.name, ...path.map(constructId)].join('/');
    const address = this.byPath.get(full);
    if (!address) throw new Error(`no block at ${full}`);
    return address;
  }

  assert(condition: string, message: string): void {
    this.asserts.push(`  assert {\n    condition     = ${condition}\n    error_message = ${hclString(message)}\n  }`);
  }

  policyEquals(expr: string, doc: PolicyDocumentJson, resolve: (ref: PolicyRef) => string, what: string): void {
    this.assert(`jsondecode(${expr}) == jsondecode(${hclString(renderMocked(doc, resolve))})`, `${what}: planned policy differs from the model`);
  }

  get mockRefs(): { instanceArn: string; identityStoreArn: string; keyArn: string; keyArnAllRegions: string } {
    const mgmt = this.ir.organization.managementAccountId;
    return {
      instanceArn: this.ir.identityCenter.instanceArn ?? MOCK.instanceArn,
      identityStoreArn: `arn:aws:identitystore::${mgmt}:identitystore/${this.ir.identityCenter.identityStoreId ?? MOCK.identityStoreId}`,
      keyArn: `arn:aws:kms:${this.ir.identityCenter.region}:${mgmt}:key/${MOCK.keyId}`,
      keyArnAllRegions: `arn:aws:kms:*:${mgmt}:key/${MOCK.keyId}`,
    };
  }

  resolve = (ref: PolicyRef): string => {
    const m = this.mockRefs;
    return { 'key-arn': m.keyArn, 'key-arn-all-regions': m.keyArnAllRegions, 'instance-arn': m.instanceArn, 'identity-store-arn': m.identityStoreArn }[ref.ref];
  };

  /** Mock providers (default and each alias) whose defaults fit this model's accounts and Region. */
  mockProviders(aliases: readonly string[]): string[] {
    const m = this.mockRefs;
    const mocks = [
      `  mock_data "aws_ssoadmin_instances" {\n    defaults = {\n      arns               = [${hclString(MOCK.instanceArn)}]\n      identity_store_ids = [${hclString(MOCK.identityStoreId)}]\n    }\n  }`,
      `  mock_data "aws_kms_alias" {\n    defaults = {\n      target_key_id  = ${hclString(MOCK.keyId)}\n      target_key_arn = ${hclString(m.keyArn)}\n    }\n  }`,
      `  mock_data "aws_ssoadmin_permission_set" {\n    defaults = {\n      arn = ${hclString(MOCK.permissionSetArn)}\n    }\n  }`,
      `  mock_data "aws_identitystore_group" {\n    defaults = {\n      group_id = ${hclString(MOCK.lookedUpGroupId)}\n    }\n  }`,
      `  mock_data "aws_identitystore_user" {\n    defaults = {\n      user_id = ${hclString(MOCK.lookedUpUserId)}\n    }\n  }`,
      `  mock_resource "aws_kms_key" {\n    defaults = {\n      arn    = ${hclString(m.keyArn)}\n      key_id = ${hclString(MOCK.keyId)}\n    }\n  }`,
      `  mock_resource "aws_ssoadmin_permission_set" {\n    defaults = {\n      arn = ${hclString(MOCK.permissionSetArn)}\n    }\n  }`,
      `  mock_resource "aws_identitystore_group" {\n    defaults = {\n      group_id = ${hclString(MOCK.createdGroupId)}\n    }\n  }`,
      `  mock_resource "aws_identitystore_user" {\n    defaults = {\n      user_id = ${hclString(MOCK.createdUserId)}\n    }\n  }`,
      `  mock_resource "aws_iam_policy" {\n    defaults = {\n      arn = ${hclString(MOCK.iamPolicyArn)}\n    }\n  }`,
    ].join('\n');
    return [undefined, ...aliases].map(
      (alias) => `mock_provider "aws" {\n${alias ? `  alias           = ${hclString(alias)}\n` : ''}  override_during = plan\n${mocks}\n}\n`,
    );
  }

  /** The `run` block planning this stack; `source` makes it plan a stack in a subdirectory. */
  runBlock(name: string, source?: string): string {
    if (this.asserts.length === 0) throw new Error(`no assertions for ${this.unit.name}`);
    const module = source ? `  module {\n    source = ${hclString(source)}\n  }\n\n` : '';
    return `run ${hclString(name)} {\n  command = plan\n\n${module}${this.asserts.join('\n')}\n}\n`;
  }
}

function managementAsserts(t: PlanTest, ir: ResolvedModel, unit: ManagementUnit): void {
  for (const key of ir.keys) {
    const k = t.at('Key', key.name, 'Key');
    const p = t.at('Key', key.name, 'Policy');
    t.assert(`${k}.key_usage == "ENCRYPT_DECRYPT" && ${k}.customer_master_key_spec == "SYMMETRIC_DEFAULT"`, `key ${key.name}: symmetric encryption key`);
    t.assert(`${k}.multi_region == ${key.multiRegion}`, `key ${key.name}: multi_region`);
    t.assert(`${k}.enable_key_rotation == ${key.rotation.enabled}`, `key ${key.name}: rotation`);
    // Without rotation the period is left to the provider (computed), so there is nothing to plan.
    if (key.rotation.enabled) t.assert(`${k}.rotation_period_in_days == ${key.rotation.periodDays}`, `key ${key.name}: rotation period`);
    t.assert(`${k}.deletion_window_in_days == ${key.deletionWindowDays}`, `key ${key.name}: deletion window`);
    const sids = key.keyPolicy.Statement.map((s) => hclString(s.Sid ?? '')).join(', ');
    t.assert(`[for s in jsondecode(${p}.policy).Statement : try(s.Sid, "")] == [${sids}]`, `key ${key.name}: key policy Sids`);
    t.policyEquals(`${p}.policy`, key.keyPolicy, t.resolve, `key ${key.name}`);
    t.assert(`${t.at('Key', key.name, 'Alias')}.name == ${hclString(key.alias)}`, `key ${key.name}: alias`);
    for (const region of key.replicaRegions) {
      const r = t.at('Key', key.name, 'Replica', region);
      t.assert(`${r}.policy == ${p}.policy`, `key ${key.name}: replica ${region} has the key policy`);
      t.assert(`${r}.primary_key_arn == ${k}.arn`, `key ${key.name}: replica ${region} of the primary`);
    }
  }
  permissionSetAsserts(t, unitPermissionSets(ir, unit));
  identityStoreAsserts(t, ir, unit);
  if (ir.identityCenter.manageEncryption && ir.identityCenter.encryptionKey) {
    t.assert(`terraform_data.identity_center_encryption.triggers_replace == [${hclString(t.mockRefs.keyArn)}]`, 'encryption step follows the key ARN');
  }
  memberAsserts(t, unit);
}

/** The permission sets a management or permission-set stack holds (key ARNs mocked alike, created or read by alias). */
function permissionSetAsserts(t: PlanTest, sets: readonly ResolvedPermissionSet[]): void {
  for (const ps of sets) {
    const s = t.at('PermissionSets', ps.name, 'PermissionSet');
    t.assert(`${s}.name == ${hclString(ps.name)} && ${s}.session_duration == ${hclString(ps.sessionDuration)}`, `permission set ${ps.name}`);
    t.assert(`${s}.instance_arn == ${hclString(t.mockRefs.instanceArn)}`, `permission set ${ps.name}: instance`);
    for (const arn of ps.managedPolicyArns) {
      t.assert(`${t.at('PermissionSets', ps.name, 'ManagedPolicy', arn)}.managed_policy_arn == ${hclString(arn)}`, `permission set ${ps.name}: ${arn}`);
    }
    for (const ref of ps.customerManagedPolicies) {
      const a = t.at('PermissionSets', ps.name, 'CustomerManagedPolicy', ref.path, ref.name);
      t.assert(
        `${a}.customer_managed_policy_reference[0].name == ${hclString(ref.name)} && ${a}.customer_managed_policy_reference[0].path == ${hclString(ref.path)}`,
        `permission set ${ps.name}: customer managed policy ${ref.path}${ref.name}`,
      );
    }
    const boundary = ps.permissionsBoundary;
    if (boundary) {
      const b = `${t.at('PermissionSets', ps.name, 'PermissionsBoundary')}.permissions_boundary[0]`;
      t.assert(
        'managedPolicyArn' in boundary
          ? `${b}.managed_policy_arn == ${hclString(boundary.managedPolicyArn)}`
          : `${b}.customer_managed_policy_reference[0].name == ${hclString(boundary.customerManagedPolicy.name)} && ${b}.customer_managed_policy_reference[0].path == ${hclString(boundary.customerManagedPolicy.path)}`,
        `permission set ${ps.name}: permissions boundary`,
      );
    }
    if (ps.inlinePolicy) {
      t.policyEquals(`${t.at('PermissionSets', ps.name, 'InlinePolicy')}.inline_policy`, ps.inlinePolicy, t.resolve, `permission set ${ps.name} inline policy`);
    }
  }
}

/**
 * The users and groups a management or identity-store stack holds. A member this stack creates has
 * the created user's id; any other (external, or created by a users stack) is read by user name.
 */
function identityStoreAsserts(t: PlanTest, ir: ResolvedModel, unit: DeploymentUnit): void {
  const created = new Set(
    unitUsers(ir, unit)
      .filter((u) => !u.external)
      .map((u) => u.userName),
  );
  for (const user of unitUsers(ir, unit).filter((u) => !u.external)) {
    const u = t.at('IdentityStore', 'User', user.userName);
    t.assert(`${u}.user_name == ${hclString(user.userName)} && ${u}.display_name == ${hclString(user.displayName)}`, `user ${user.userName}`);
  }
  for (const group of unitGroups(ir, unit).filter((g) => !g.external)) {
    t.assert(`${t.at('IdentityStore', 'Group', group.name)}.display_name == ${hclString(group.name)}`, `group ${group.name}`);
    for (const member of group.members) {
      t.assert(
        `${t.at('IdentityStore', 'Membership', group.name, member)}.member_id == ${hclString(created.has(member) ? MOCK.createdUserId : MOCK.lookedUpUserId)}`,
        `group ${group.name}: member ${member} by id`,
      );
    }
  }
}

function memberAsserts(t: PlanTest, unit: PolicyUnit): void {
  for (const cmp of unit.customerManagedPolicies) {
    const a = t.at('Policies', 'CustomerManagedPolicy', cmp.path, cmp.name);
    t.assert(`${a}.name == ${hclString(cmp.name)} && ${a}.path == ${hclString(cmp.path)}`, `customer managed policy ${cmp.path}${cmp.name}`);
    t.policyEquals(`${a}.policy`, cmp.document, t.resolve, `customer managed policy ${cmp.name}`);
  }
  for (const kip of unit.keyIdentityPolicies) {
    const a = t.at('Policies', 'KeyIdentityPolicy', kip.keyName, 'Policy');
    t.assert(`${a}.name == ${hclString(kip.policyName)}`, `identity policy for key ${kip.keyName}`);
    t.policyEquals(`${a}.policy`, kip.document, t.resolve, `identity policy for key ${kip.keyName}`);
    for (const role of kip.attachToRoles) {
      const r = t.at('Policies', 'KeyIdentityPolicy', kip.keyName, 'Attachment', role);
      t.assert(`${r}.role == ${hclString(role)} && ${r}.policy_arn == ${hclString(MOCK.iamPolicyArn)}`, `identity policy attached to ${role}`);
    }
  }
}

function assignmentAsserts(t: PlanTest, ir: ResolvedModel, unit: DeploymentUnit, stackJson: string): void {
  const byKey = new Map<string, ResolvedAssignment>(ir.assignments.map((a) => [a.key, a]));
  // an applications unit holds no assignment: its stack is held to having no assignment block
  const addresses = (unit.kind === 'assignments' ? unit.assignmentKeys : []).map((key) => {
    const a = byKey.get(key)!;
    const r = t.at('Assignment', a.principalType, a.principalName, a.permissionSet, a.accountName);
    const principalId = a.principalType === 'GROUP' ? MOCK.lookedUpGroupId : MOCK.lookedUpUserId;
    t.assert(
      `${r}.target_id == ${hclString(a.accountId)} && ${r}.target_type == "AWS_ACCOUNT" && ${r}.principal_type == ${hclString(a.principalType)}`,
      `assignment ${key}: target`,
    );
    t.assert(
      `${r}.principal_id == ${hclString(principalId)} && ${r}.permission_set_arn == ${hclString(MOCK.permissionSetArn)} && ${r}.instance_arn == ${hclString(t.mockRefs.instanceArn)}`,
      `assignment ${key}: ids from look-ups`,
    );
    return r;
  });
  // The plan has each of the unit's assignments (the asserts above name them all); the stack has
  // no other assignment block, so the planned count is the unit's count.
  const inJson = Object.keys((JSON.parse(stackJson).resource ?? {}).aws_ssoadmin_account_assignment ?? {}).length;
  if (inJson !== addresses.length) throw new Error(`${unit.name}: ${inJson} assignment blocks for ${addresses.length} assignments`);
}

/** The assertions for one stack, from its synthesized JSON and the IR it came from. */
function planTestOf(stackJson: string, ir: ResolvedModel, unit: DeploymentUnit): PlanTest {
  const t = new PlanTest(stackJson, ir, unit);
  if (unit.kind === 'management') managementAsserts(t, ir, unit);
  else if (unit.kind === 'member') memberAsserts(t, unit);
  else if (unit.kind === 'permission-sets') permissionSetAsserts(t, unitPermissionSets(ir, unit));
  else if (unit.kind === 'identity-store') identityStoreAsserts(t, ir, unit);
  else assignmentAsserts(t, ir, unit, stackJson);
  return t;
}

/**
 * All stacks of one model in one Terraform directory, so Terraform starts a few times per model
 * instead of three times per stack: `main.tf` calls every stack as a module (one `init` and one
 * `validate` check them all) and `tests/plan.tftest.hcl` plans each stack in its own `run` block
 * (`module { source = ... }`), with the same assertions as the per-stack test files.
 */
export function writeModelHarness(ir: ResolvedModel, root: string): void {
  const files = synthCdktf(ir);
  for (const [rel, content] of files) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  const tests = ir.units.map((unit) => planTestOf(files.get(`cdktf/stacks/${unit.name}/cdk.tf.json`) ?? '', ir, unit));
  const aliases = [...new Set(tests.flatMap((t) => t.aliases))].sort();
  const calls = ir.units.map((u) => `module ${hclString(u.name)} {\n  source = ${hclString(`./cdktf/stacks/${u.name}`)}\n}\n`);
  fs.writeFileSync(path.join(root, 'main.tf'), calls.join('\n'));
  fs.mkdirSync(path.join(root, 'tests'), { recursive: true });
  const runs = tests.map((t, i) => t.runBlock(ir.units[i].name, `./cdktf/stacks/${ir.units[i].name}`));
  fs.writeFileSync(path.join(root, 'tests', 'plan.tftest.hcl'), `${tests[0].mockProviders(aliases).join('\n')}\n${runs.join('\n')}`);
}
