/**
 * Terraform `import {}` blocks for the HCL roots, from an import plan.
 *
 * Each block goes into `hcl/<unit>/imports.tf` of the root that owns the resource, addressed the
 * way the generated code declares it: the module calls are read from the root's own `main.tf` (so
 * the addresses follow the emitter, not a copy of its naming rules) and the `for_each` keys are
 * the modules' documented keys (modules/*: `<permission set>|<policy arn>`, `<group>/<user>` with `%`
 * and `/` encoded (membershipKey), ...).
 * A plan entry whose resource the generated code does not declare is returned as unmatched.
 * @see https://developer.hashicorp.com/terraform/language/import
 */
import { compareKeys, type ResolvedModel, applicationUnit, groupUnit, permissionSetUnit, userUnit } from '../../model';
import { keyIdentifiers, hclString, applicationAssignmentKey, applicationScopeKey, membershipKey } from '../../emit/hcl';
import { ImportResourceType as T, type ImportPlan, type ImportResource } from '../plan';

export interface ImportBlocksResult {
  /** New or replaced files, by output-relative path. */
  readonly files: Map<string, string>;
  readonly unmatched: ImportResource[];
}

interface ModuleCall {
  readonly ident: string;
  readonly source: string;
  readonly body: string;
  /** Region of the provider passed as its `aws`, when not the default. */
  readonly region?: string;
  readonly providerAlias?: string;
}

const MODULE_SOURCE: Record<string, string> = {
  identityStore: '../modules/identity-store',
  permissionSets: '../modules/permission-sets',
  key: '../modules/identity-center-key',
  replica: '../modules/identity-center-key/modules/replica',
  assignments: '../modules/account-assignments',
  applications: '../modules/applications',
  accessControlAttributes: '../modules/access-control-attributes',
};

/** Module calls of a root, read from its main.tf (terraform fmt layout, as the emitter writes it). */
export function moduleCalls(mainTf: string, providersTf: string): ModuleCall[] {
  const regions = new Map<string, string>();
  for (const m of providersTf.matchAll(/provider "aws" \{\n\s+alias\s+= "([^"]+)"\n\s+region\s+= "([^"]+)"/g)) regions.set(m[1], m[2]);
  const calls: ModuleCall[] = [];
  for (const m of mainTf.matchAll(/^module "([^"]+)" \{\n\s+source\s+= "([^"]+)"\n([\s\S]*?)^\}/gm)) {
    const alias = /providers = \{\n\s+aws = aws\.([A-Za-z0-9_-]+)/.exec(m[3])?.[1];
    calls.push({ ident: m[1], source: m[2], body: m[3], ...(alias ? { providerAlias: alias, region: regions.get(alias) } : {}) });
  }
  return calls;
}

/** The HCL emitter's one escaping function: import blocks quote strings exactly as the roots do. */
export { hclString };

export function hclImportBlocks(files: ReadonlyMap<string, string>, ir: ResolvedModel, plan: ImportPlan): ImportBlocksResult {
  const unitOf = new Map(ir.assignments.map((a) => [a.key, a.unit]));
  const management = ir.units.find((u) => u.kind === 'management')?.name ?? 'management';
  // Large models move permission sets and identity-store objects out of the management root
  // (src/model/shard.ts): each import goes to the root that creates the resource.
  const psUnit = (name: string): string => permissionSetUnit(ir, name) ?? management;
  const keyIdents = keyIdentifiers(ir);
  const calls = new Map<string, ModuleCall[]>();
  const callsOf = (unit: string): ModuleCall[] => {
    let c = calls.get(unit);
    if (!c) calls.set(unit, (c = moduleCalls(files.get(`hcl/${unit}/main.tf`) ?? '', files.get(`hcl/${unit}/providers.tf`) ?? '')));
    return c;
  };
  const moduleBy = (unit: string, source: string, ident?: string): ModuleCall | undefined =>
    callsOf(unit).find((c) => c.source === source && (ident === undefined || c.ident === ident));

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
    const inModule = (unit: string, source: string, resource: string, key: string | number, ident?: string) => {
      const call = moduleBy(unit, source, ident);
      if (!call) return undefined;
      const index = typeof key === 'number' ? `[${key}]` : `[${hclString(key)}]`;
      // No `provider` argument: Terraform takes it from the module call (and allows it only when generating configuration).
      return { unit, to: `module.${call.ident}.${resource}.this${index}` };
    };
    // A replica key and its alias live in the replica module call of their Region.
    const replicaCall = (ident: string | undefined, region: string | undefined, type: string) => {
      if (ident === undefined || region === undefined) return undefined;
      const call = callsOf(management).find(
        (c) => c.source === MODULE_SOURCE.replica && c.region === region && c.body.includes(`primary_key_arn`) && c.body.includes(`module.${ident}.key_arn`),
      );
      return call ? inModule(management, MODULE_SOURCE.replica, type, 0, call.ident) : undefined;
    };
    switch (r.type) {
      case T.ACCOUNT_ASSIGNMENT: {
        const unit = unitOf.get(r.key);
        return unit === undefined ? undefined : inModule(unit, MODULE_SOURCE.assignments, r.type, r.key);
      }
      case T.PERMISSION_SET:
      case T.INLINE_POLICY:
      case T.PERMISSIONS_BOUNDARY_ATTACHMENT:
        return existsPs(id.permissionSet) ? inModule(psUnit(id.permissionSet), MODULE_SOURCE.permissionSets, r.type, id.permissionSet) : undefined;
      case T.MANAGED_POLICY_ATTACHMENT:
        return hasManaged(id.permissionSet, id.managedPolicyArn)
          ? inModule(psUnit(id.permissionSet), MODULE_SOURCE.permissionSets, r.type, `${id.permissionSet}|${id.managedPolicyArn}`)
          : undefined;
      case T.CUSTOMER_MANAGED_POLICY_ATTACHMENT:
        return hasCustomer(id.permissionSet, id.path, id.name)
          ? inModule(psUnit(id.permissionSet), MODULE_SOURCE.permissionSets, r.type, `${id.permissionSet}|${id.path}${id.name}`)
          : undefined;
      case T.GROUP:
        return ir.groups.some((g) => g.name === id.group && !g.external) ? inModule(groupUnit(ir, id.group) ?? management, MODULE_SOURCE.identityStore, r.type, id.group) : undefined;
      case T.USER:
        return ir.users.some((u) => u.userName === id.user && !u.external) ? inModule(userUnit(ir, id.user) ?? management, MODULE_SOURCE.identityStore, r.type, id.user) : undefined;
      case T.GROUP_MEMBERSHIP:
        return ir.groups.some((g) => g.name === id.group && !g.external && g.members.includes(id.user))
          ? inModule(groupUnit(ir, id.group) ?? management, MODULE_SOURCE.identityStore, r.type, membershipKey(id.group, id.user))
          : undefined;
      case T.KMS_KEY:
      case T.KMS_KEY_POLICY:
      case T.KMS_ALIAS: {
        const ident = keyIdents.get(id.key);
        const key = ir.keys.find((k) => k.name === id.key);
        if (ident === undefined || !key || (r.type === T.KMS_ALIAS && key.alias !== id.alias)) return undefined;
        // A replica's alias lives in the replica module of its Region.
        if (r.type === T.KMS_ALIAS && r.region !== undefined) return replicaCall(ident, r.region, r.type);
        return inModule(management, MODULE_SOURCE.key, r.type, 0, ident);
      }
      case T.KMS_REPLICA_KEY:
        return replicaCall(keyIdents.get(id.key), r.region ?? id.region, r.type);
      case T.APPLICATION:
      case T.APPLICATION_ASSIGNMENT_CONFIGURATION:
        return app(id.application) ? inModule(appUnit(id.application), MODULE_SOURCE.applications, r.type, id.application) : undefined;
      case T.APPLICATION_ACCESS_SCOPE:
        return app(id.application)?.accessScopes.some((s) => s.scope === id.scope)
          ? inModule(appUnit(id.application), MODULE_SOURCE.applications, r.type, applicationScopeKey(id.application, id.scope))
          : undefined;
      case T.APPLICATION_ASSIGNMENT:
        return app(id.application)?.assignments.some((p) => p.principalType === id.principalType && p.principalName === id.principal)
          ? inModule(appUnit(id.application), MODULE_SOURCE.applications, r.type, applicationAssignmentKey(id.application, id.principalType, id.principal))
          : undefined;
      case T.ACCESS_CONTROL_ATTRIBUTES:
        return (ir.identityCenter.accessControlAttributes ?? []).length > 0 ? inModule(management, MODULE_SOURCE.accessControlAttributes, r.type, 0) : undefined;
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
    out.set(`hcl/${unit}/imports.tf`, `# Generated by idcgen from ${ir.source} and its import plan. Do not edit.\n# Existing resources adopted by the first apply instead of being created again.\n\n${text}`);
  }
  return { files: out, unmatched };
}
