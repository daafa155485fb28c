/**
 * `assert` blocks for the HCL roots, computed from the IR and the mock values, not from the
 * emitter: key policies (Sids, then every statement by Sid), permission sets with their inline
 * policies, IAM policy names, the principals of identity-store shards, and the assignment keys of
 * each shard. Expected JSON is put in an
 * HCL string, so `${aws:ResourceAccount}` only matches when the plan holds it literally.
 */
import type { DeploymentUnit, ResolvedModel } from '../../../../src/model/ir';
import { unitApplications, unitGroups, unitMemberLookups, unitPermissionSets, unitUsers } from '../../../../src/model/ir-index';
import type { PolicyDocumentJson } from '../../../../src/model/policy-types';
import { hclString } from '../../../../src/emit/hcl/private/escape';
import { keyIdentifiers } from '../../../../src/emit/hcl/view-common';
import type { Mocks } from './mocks';

type Assert = { condition: string; message: string };

const set = (items: readonly string[]): string => `toset([${items.map(hclString).join(', ')}])`;
const bySid = (json: string): string => `{ for s in jsondecode(${json}).Statement : s.Sid => s }`;

function expected(doc: PolicyDocumentJson, m: Mocks): string {
  return hclString(JSON.stringify(m.render(doc)));
}

export function hclAsserts(ir: ResolvedModel, unit: DeploymentUnit, m: Mocks): Assert[] {
  const out: Assert[] = [];
  if (unit.kind === 'management') {
    const idents = keyIdentifiers(ir);
    for (const key of ir.keys) {
      const planned = `output.key_policies[${hclString(key.name)}]`;
      const sids = key.keyPolicy.Statement.map((s) => s.Sid ?? '');
      out.push({ condition: `toset([for s in jsondecode(${planned}).Statement : s.Sid]) == ${set(sids)}`, message: `key ${key.name}: key policy Sids` });
      out.push({ condition: `${bySid(planned)} == ${bySid(expected(key.keyPolicy, m))}`, message: `key ${key.name}: key policy statements` });
      out.push({ condition: `jsondecode(${planned}).Version == "2012-10-17"`, message: `key ${key.name}: policy version` });
      out.push({
        condition: `output.key_arns[${hclString(key.name)}] == ${hclString(m.keyArn(key.name))}`,
        message: `key ${key.name}: module ${idents.get(key.name)}`,
      });
    }
  }
  // The management root holds the permission sets no permission-set root holds (all, unless split).
  const sets = unit.kind === 'management' || unit.kind === 'permission-sets' ? unitPermissionSets(ir, unit) : [];
  if (sets.length > 0) {
    out.push({ condition: `toset(keys(output.permission_set_arns)) == ${set(sets.map((p) => p.name))}`, message: 'permission sets' });
    const inline = sets.filter((p) => p.inlinePolicy);
    out.push({
      condition: `toset(keys(module.permission_sets.inline_policies)) == ${set(inline.map((p) => p.name))}`,
      message: 'permission sets with an inline policy',
    });
    for (const ps of inline) {
      out.push({
        condition: `jsondecode(module.permission_sets.inline_policies[${hclString(ps.name)}]) == jsondecode(${expected(ps.inlinePolicy!, m)})`,
        message: `permission set ${ps.name}: inline policy`,
      });
    }
  }
  const apps = unit.kind === 'management' || unit.kind === 'applications' ? unitApplications(ir, unit) : [];
  if (apps.length > 0) {
    out.push({
      condition: `output.application_arns == { ${apps.map((a) => `${hclString(a.name)} = ${hclString(m.applicationArn(a.name))}`).join(', ')} }`,
      message: `applications of ${unit.name}`,
    });
  }
  if (unit.kind === 'identity-store') {
    const users = [...unitUsers(ir, unit).map((u) => u.userName), ...unitMemberLookups(ir, unit)];
    out.push({ condition: `toset(keys(output.group_ids)) == ${set(unitGroups(ir, unit).map((g) => g.name))}`, message: `groups of ${unit.name}` });
    out.push({ condition: `toset(keys(output.user_ids)) == ${set(users)}`, message: `users of ${unit.name}, members looked up included` });
  }
  if (unit.kind === 'member' || (unit.kind === 'management' && unit.keyIdentityPolicies.length + unit.customerManagedPolicies.length > 0)) {
    const names = [...unit.keyIdentityPolicies.map((p) => p.policyName), ...unit.customerManagedPolicies.map((p) => p.name)];
    out.push({ condition: `toset(keys(output.policy_arns)) == ${set(names)}`, message: `IAM policies in ${unit.accountName}` });
  }
  if (unit.kind === 'assignments') {
    out.push({ condition: `toset(keys(output.assignment_ids)) == ${set(unit.assignmentKeys)}`, message: `assignment keys of ${unit.name}` });
  }
  return out;
}
