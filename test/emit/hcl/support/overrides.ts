/**
 * Per-object mock values (`override_resource` / `override_data` in a `run` block) for one HCL root
 * or one CDKTF stack. HCL addresses follow idcgen's own modules; CDKTF addresses are found in the
 * synthesized JSON by what each block names (a permission set's `name`, a look-up's attribute
 * value, the key behind an alias), so neither side's naming scheme leaks into the other.
 */
import type { DeploymentUnit, ResolvedModel } from '../../../../src/model/ir';
import { unitApplications, unitGroups, unitMemberLookups, unitPermissionSets, unitUsers } from '../../../../src/model/ir-index';
import { keyIdentifiers } from '../../../../src/emit/hcl/view-common';
import { hclString } from '../../../../src/emit/hcl/private/escape';
import { unescapeTemplate } from '../../../../src/emit/template-text';
import { regionIdentifier } from '../../../../src/emit/hcl/private/names';
import { isPolicyRef } from '../../../../src/model/policy-types';
import type { Mocks } from './mocks';

export interface Override {
  readonly kind: 'resource' | 'data';
  /** Terraform address, e.g. `module.permission_sets.aws_ssoadmin_permission_set.this["ReadOnly"]`. */
  readonly target: string;
  readonly values: Readonly<Record<string, string>>;
}

const at = (base: string, key: string): string => `${base}[${hclString(key)}]`;

export function hclOverrides(ir: ResolvedModel, unit: DeploymentUnit, m: Mocks): Override[] {
  const out: Override[] = [];
  const idents = keyIdentifiers(ir);
  if (unit.kind === 'management') {
    for (const key of ir.keys) {
      const values = { arn: m.keyArn(key.name), key_id: m.keyId(key.name), id: m.keyId(key.name) };
      out.push({ kind: 'resource', target: `module.${idents.get(key.name)}.aws_kms_key.this[0]`, values });
      // A replica shares its primary's key id (its alias targets it).
      for (const region of key.replicaRegions) {
        const replica = `module.${idents.get(key.name)}_replica_${regionIdentifier(region)}.aws_kms_replica_key.this[0]`;
        out.push({ kind: 'resource', target: replica, values: { key_id: m.keyId(key.name), id: m.keyId(key.name) } });
      }
    }
  }
  // The root looks up exactly the keys its policies refer to (member and permission-set roots).
  const aliasLookups = (documents: readonly unknown[]): void => {
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (isPolicyRef(v)) {
        if ((v.ref === 'key-arn' || v.ref === 'key-arn-all-regions') && v.key) keys.add(v.key);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
    };
    documents.forEach(walk);
    for (const name of keys) {
      out.push({ kind: 'data', target: `data.aws_kms_alias.${idents.get(name)}`, values: { target_key_arn: m.keyArn(name), target_key_id: m.keyId(name) } });
    }
  };
  if (unit.kind === 'management' || unit.kind === 'permission-sets') {
    const sets = unitPermissionSets(ir, unit);
    if (unit.kind === 'permission-sets') aliasLookups(sets.map((ps) => ps.inlinePolicy));
    for (const ps of sets) {
      const arn = m.permissionSetArn(ps.name);
      out.push({
        kind: 'resource',
        target: at('module.permission_sets.aws_ssoadmin_permission_set.this', ps.name),
        values: { arn, id: `${arn},${m.instanceArn}` },
      });
    }
  }
  if (unit.kind === 'management' || unit.kind === 'identity-store') {
    for (const g of unitGroups(ir, unit)) {
      const base = g.external ? 'module.identity_store.data.aws_identitystore_group.external' : 'module.identity_store.aws_identitystore_group.this';
      out.push({ kind: g.external ? 'data' : 'resource', target: at(base, g.name), values: { group_id: m.groupId(g.name) } });
    }
    for (const u of unitUsers(ir, unit)) {
      const base = u.external ? 'module.identity_store.data.aws_identitystore_user.external' : 'module.identity_store.aws_identitystore_user.this';
      out.push({ kind: u.external ? 'data' : 'resource', target: at(base, u.userName), values: { user_id: m.userId(u.userName) } });
    }
    // Members another root creates are passed as external users: looked up by user name.
    for (const userName of unitMemberLookups(ir, unit)) {
      out.push({ kind: 'data', target: at('module.identity_store.data.aws_identitystore_user.external', userName), values: { user_id: m.userId(userName) } });
    }
  }
  if (unit.kind === 'management' || unit.kind === 'applications') {
    const apps = unitApplications(ir, unit);
    for (const a of apps) {
      out.push({
        kind: 'resource',
        target: at('module.applications.aws_ssoadmin_application.this', a.name),
        values: { application_arn: m.applicationArn(a.name), id: m.applicationArn(a.name) },
      });
    }
    // An applications root looks its principals up by name (the management root passes the ids it creates).
    if (unit.kind === 'applications') {
      const assigned = (type: 'GROUP' | 'USER'): Set<string> =>
        new Set(apps.flatMap((a) => a.assignments.filter((p) => p.principalType === type).map((p) => p.principalName)));
      for (const g of assigned('GROUP'))
        out.push({ kind: 'data', target: at('module.applications.data.aws_identitystore_group.this', g), values: { group_id: m.groupId(g) } });
      for (const u of assigned('USER'))
        out.push({ kind: 'data', target: at('module.applications.data.aws_identitystore_user.this', u), values: { user_id: m.userId(u) } });
    }
  }
  if (unit.kind === 'member' || unit.kind === 'management') {
    // Key ARNs in the management root come from its own key modules, not from alias look-ups.
    if (unit.kind === 'member') aliasLookups([...unit.keyIdentityPolicies, ...unit.customerManagedPolicies].map((p) => p.document));
    const policies = [
      ...unit.keyIdentityPolicies.map((p) => ({ name: p.policyName, path: '/' })),
      ...unit.customerManagedPolicies.map((p) => ({ name: p.name, path: p.path })),
    ];
    for (const p of policies) {
      const module = unit.kind === 'management' ? 'iam_policies' : 'key_user_policies';
      out.push({
        kind: 'resource',
        target: at(`module.${module}.aws_iam_policy.this`, p.name),
        values: { arn: m.iamPolicyArn(unit.accountId, p.path, p.name) },
      });
    }
  }
  if (unit.kind === 'assignments') {
    const byKey = new Map(ir.assignments.map((a) => [a.key, a]));
    const inUnit = unit.assignmentKeys.map((k) => byKey.get(k)!);
    const lookup = 'module.account_assignments.data';
    for (const ps of new Set(inUnit.map((a) => a.permissionSet))) {
      out.push({ kind: 'data', target: at(`${lookup}.aws_ssoadmin_permission_set.this`, ps), values: { arn: m.permissionSetArn(ps) } });
    }
    for (const g of new Set(inUnit.filter((a) => a.principalType === 'GROUP').map((a) => a.principalName))) {
      out.push({ kind: 'data', target: at(`${lookup}.aws_identitystore_group.this`, g), values: { group_id: m.groupId(g) } });
    }
    for (const u of new Set(inUnit.filter((a) => a.principalType === 'USER').map((a) => a.principalName))) {
      out.push({ kind: 'data', target: at(`${lookup}.aws_identitystore_user.this`, u), values: { user_id: m.userId(u) } });
    }
  }
  return out;
}

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

/** The attribute value a look-up block searches for (`alternate_identifier.unique_attribute`). */
function lookupValue(block: Record<string, unknown>): string | undefined {
  const first = (v: unknown): Record<string, unknown> | undefined => (Array.isArray(v) ? v[0] : v) as Record<string, unknown> | undefined;
  const unique = first(first(block.alternate_identifier)?.unique_attribute);
  return (unique?.attribute_value ?? first(block.filter)?.attribute_value) as string | undefined;
}

/** A parsed stack with its strings as the model wrote them (cdk.tf.json escapes `${` and `%{`). */
function modelText(value: unknown): unknown {
  if (typeof value === 'string') return unescapeTemplate(value);
  if (Array.isArray(value)) return value.map(modelText);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, modelText(v)]));
  return value;
}

export function cdktfOverrides(ir: ResolvedModel, stackJson: string, unit: DeploymentUnit, m: Mocks): Override[] {
  const json = modelText(JSON.parse(stackJson)) as { resource?: Blocks; data?: Blocks };
  const resources = json.resource ?? {};
  const data = json.data ?? {};
  const out: Override[] = [];
  const keyByAlias = new Map(ir.keys.map((k) => [k.alias, k.name]));

  for (const [id, alias] of Object.entries(resources.aws_kms_alias ?? {})) {
    const key = keyByAlias.get(alias.name as string);
    const target = /\$\{(aws_kms_key|aws_kms_replica_key)\.([^.]+)\./.exec(String(alias.target_key_id));
    if (!key || !target) throw new Error(`${unit.name}: cannot tell which key alias ${id} names`);
    // A replica's alias (in its own Region) names the replica, which shares the primary's key id.
    const values: Record<string, string> =
      target[1] === 'aws_kms_key' ? { arn: m.keyArn(key), key_id: m.keyId(key), id: m.keyId(key) } : { key_id: m.keyId(key), id: m.keyId(key) };
    out.push({ kind: 'resource', target: `${target[1]}.${target[2]}`, values });
  }
  for (const [id, b] of Object.entries(resources.aws_ssoadmin_permission_set ?? {})) {
    const arn = m.permissionSetArn(b.name as string);
    out.push({ kind: 'resource', target: `aws_ssoadmin_permission_set.${id}`, values: { arn, id: `${arn},${m.instanceArn}` } });
  }
  for (const [id, b] of Object.entries(resources.aws_identitystore_group ?? {})) {
    out.push({ kind: 'resource', target: `aws_identitystore_group.${id}`, values: { group_id: m.groupId(b.display_name as string) } });
  }
  for (const [id, b] of Object.entries(resources.aws_identitystore_user ?? {})) {
    out.push({ kind: 'resource', target: `aws_identitystore_user.${id}`, values: { user_id: m.userId(b.user_name as string) } });
  }
  for (const [id, b] of Object.entries(resources.aws_ssoadmin_application ?? {})) {
    const arn = m.applicationArn(b.name as string);
    out.push({ kind: 'resource', target: `aws_ssoadmin_application.${id}`, values: { application_arn: arn, id: arn } });
  }
  for (const [id, b] of Object.entries(resources.aws_iam_policy ?? {})) {
    out.push({
      kind: 'resource',
      target: `aws_iam_policy.${id}`,
      values: { arn: m.iamPolicyArn(unit.accountId, (b.path as string) ?? '/', b.name as string) },
    });
  }
  for (const [id, b] of Object.entries(data.aws_kms_alias ?? {})) {
    const key = keyByAlias.get(b.name as string);
    if (!key) throw new Error(`${unit.name}: look-up ${id} names no key of the model`);
    out.push({ kind: 'data', target: `data.aws_kms_alias.${id}`, values: { target_key_arn: m.keyArn(key), target_key_id: m.keyId(key) } });
  }
  for (const [id, b] of Object.entries(data.aws_ssoadmin_permission_set ?? {})) {
    out.push({ kind: 'data', target: `data.aws_ssoadmin_permission_set.${id}`, values: { arn: m.permissionSetArn(b.name as string) } });
  }
  for (const [type, attr, mock] of [
    ['aws_identitystore_group', 'group_id', (n: string) => m.groupId(n)],
    ['aws_identitystore_user', 'user_id', (n: string) => m.userId(n)],
  ] as const) {
    for (const [id, b] of Object.entries(data[type] ?? {})) {
      const name = lookupValue(b);
      if (name === undefined) throw new Error(`${unit.name}: look-up ${type}.${id} has no attribute value`);
      out.push({ kind: 'data', target: `data.${type}.${id}`, values: { [attr]: mock(name) } });
    }
  }
  return out;
}
