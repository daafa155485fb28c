/**
 * Terraform `import {}` blocks for the HCL roots, from an import plan.
 *
 * Each block goes into `hcl/<unit>/imports.tf` of the root that owns the resource, addressed the
 * way the generated code declares it: the module calls come from the HCL emitter as data
 * (hclModuleCalls, built from the views the roots are rendered from, so the addresses follow the
 * emitter, not a copy of its naming rules) and the `for_each` keys are
 * the modules' documented keys (modules/*: `<permission set>|<policy arn>`, `<group>/<user>` with `%`
 * and `/` encoded (membershipKey), ...).
 * A plan entry whose resource the generated code does not declare is returned as unmatched.
 * @see https://developer.hashicorp.com/terraform/language/import
 */
import { compareKeys, type ResolvedModel, applicationUnit, groupUnit, permissionSetUnit, userUnit } from '../../model';
import { hclModuleCalls, hclString, applicationAssignmentKey, applicationScopeKey, membershipKey, type HclModule, type HclModuleCall } from '../../emit/hcl';
import { ImportResourceType as T, type ImportPlan, type ImportResource } from '../plan';

export interface ImportBlocksResult {
  /** New or replaced files, by output-relative path. */
  readonly files: Map<string, string>;
  readonly unmatched: ImportResource[];
}

/** The HCL emitter's one escaping function: import blocks quote strings exactly as the roots do. */
export { hclString };

export function hclImportBlocks(ir: ResolvedModel, plan: ImportPlan): ImportBlocksResult {
  const unitOf = new Map(ir.assignments.map((a) => [a.key, a.unit]));
  const management = ir.units.find((u) => u.kind === 'management')?.name ?? 'management';
  // Large models move permission sets and identity-store objects out of the management root
  // (src/model/shard.ts): each import goes to the root that creates the resource.
  const psUnit = (name: string): string => permissionSetUnit(ir, name) ?? management;
  const calls = hclModuleCalls(ir);
  const moduleBy = (unit: string, module: HclModule, find: (c: HclModuleCall) => boolean = () => true): HclModuleCall | undefined =>
    calls.get(unit)?.find((c) => c.module === module && find(c));

  const blocks = new Map<string, { to: string; id: string }[]>();
  const unmatched: ImportResource[] = [];
  for (const r of plan.resources) {
    const target = addressOf(r);
    if (!target) {
      unmatched.push(r);
      continue;
    }
    const list = blocks.get(target.unit) ?? [];
    list.push({ to: target.to, id: r.id });
    blocks.set(target.unit, list);
  }

  function addressOf(r: ImportResource): { unit: string; to: string } | undefined {
    const id = r.identity;
    const inModule = (unit: string, module: HclModule, resource: string, key: string | number, find?: (c: HclModuleCall) => boolean) => {
      const call = moduleBy(unit, module, find);
      if (!call) return undefined;
      const index = typeof key === 'number' ? `[${key}]` : `[${hclString(key)}]`;
      // No `provider` argument: Terraform takes it from the module call (and allows it only when generating configuration).
      return { unit, to: `module.${call.ident}.${resource}.this${index}` };
    };
    // A replica key and its alias live in the replica module call of their Region.
    const replicaCall = (keyName: string, region: string | undefined, type: string) =>
      region === undefined ? undefined : inModule(management, 'replica', type, 0, (c) => c.key === keyName && c.region === region);
    switch (r.type) {
      case T.ACCOUNT_ASSIGNMENT: {
        const unit = unitOf.get(r.key);
        return unit === undefined ? undefined : inModule(unit, 'assignments', r.type, r.key);
      }
      case T.PERMISSION_SET:
      case T.INLINE_POLICY:
      case T.PERMISSIONS_BOUNDARY_ATTACHMENT:
        return existsPs(id.permissionSet) ? inModule(psUnit(id.permissionSet), 'permissionSets', r.type, id.permissionSet) : undefined;
      case T.MANAGED_POLICY_ATTACHMENT:
        return hasManaged(id.permissionSet, id.managedPolicyArn)
          ? inModule(psUnit(id.permissionSet), 'permissionSets', r.type, `${id.permissionSet}|${id.managedPolicyArn}`)
          : undefined;
      case T.CUSTOMER_MANAGED_POLICY_ATTACHMENT:
        return hasCustomer(id.permissionSet, id.path, id.name)
          ? inModule(psUnit(id.permissionSet), 'permissionSets', r.type, `${id.permissionSet}|${id.path}${id.name}`)
          : undefined;
      case T.GROUP:
        return ir.groups.some((g) => g.name === id.group && !g.external)
          ? inModule(groupUnit(ir, id.group) ?? management, 'identityStore', r.type, id.group)
          : undefined;
      case T.USER:
        return ir.users.some((u) => u.userName === id.user && !u.external)
          ? inModule(userUnit(ir, id.user) ?? management, 'identityStore', r.type, id.user)
          : undefined;
      case T.GROUP_MEMBERSHIP:
        return ir.groups.some((g) => g.name === id.group && !g.external && g.members.includes(id.user))
          ? inModule(groupUnit(ir, id.group) ?? management, 'identityStore', r.type, membershipKey(id.group, id.user))
          : undefined;
      case T.KMS_KEY:
      case T.KMS_KEY_POLICY:
      case T.KMS_ALIAS: {
        const key = ir.keys.find((k) => k.name === id.key);
        if (!key || (r.type === T.KMS_ALIAS && key.alias !== id.alias)) return undefined;
        // A replica's alias lives in the replica module of its Region.
        if (r.type === T.KMS_ALIAS && r.region !== undefined) return replicaCall(id.key, r.region, r.type);
        return inModule(management, 'key', r.type, 0, (c) => c.key === id.key);
      }
      case T.KMS_REPLICA_KEY:
        return replicaCall(id.key, r.region ?? id.region, r.type);
      case T.APPLICATION:
      case T.APPLICATION_ASSIGNMENT_CONFIGURATION:
        return app(id.application) ? inModule(appUnit(id.application), 'applications', r.type, id.application) : undefined;
      case T.APPLICATION_ACCESS_SCOPE:
        return app(id.application)?.accessScopes.some((s) => s.scope === id.scope)
          ? inModule(appUnit(id.application), 'applications', r.type, applicationScopeKey(id.application, id.scope))
          : undefined;
      case T.APPLICATION_ASSIGNMENT:
        return app(id.application)?.assignments.some((p) => p.principalType === id.principalType && p.principalName === id.principal)
          ? inModule(appUnit(id.application), 'applications', r.type, applicationAssignmentKey(id.application, id.principalType, id.principal))
          : undefined;
      case T.ACCESS_CONTROL_ATTRIBUTES:
        return (ir.identityCenter.accessControlAttributes ?? []).length > 0 ? inModule(management, 'accessControlAttributes', r.type, 0) : undefined;
    }
  }
  function app(name: string) {
    return (ir.applications ?? []).find((a) => a.name === name);
  }
  function appUnit(name: string): string {
    return applicationUnit(ir, name) ?? management;
  }
  function existsPs(name: string): boolean {
    const ps = ir.permissionSets.find((p) => p.name === name);
    return ps !== undefined;
  }
  function hasManaged(name: string, arn: string): boolean {
    return ir.permissionSets.some((p) => p.name === name && p.managedPolicyArns.includes(arn));
  }
  function hasCustomer(name: string, path: string, policy: string): boolean {
    return ir.permissionSets.some((p) => p.name === name && p.customerManagedPolicies.some((c) => c.path === path && c.name === policy));
  }

  const out = new Map<string, string>();
  for (const [unit, list] of [...blocks].sort(([a], [b]) => compareKeys(a, b))) {
    const sorted = list.sort((a, b) => compareKeys(a.to, b.to));
    const text = sorted.map((b) => `import {\n  to = ${b.to}\n  id = ${hclString(b.id)}\n}\n`).join('\n');
    out.set(
      `hcl/${unit}/imports.tf`,
      `# Generated by idcgen from ${ir.source} and its import plan. Do not edit.\n# Existing resources adopted by the first apply instead of being created again.\n\n${text}`,
    );
  }
  return { files: out, unmatched };
}
