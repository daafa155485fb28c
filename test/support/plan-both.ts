/**
 * Both emitters of one or more models under one `terraform test` run (the equivalence harness of
 * test/emit/hcl/support): every HCL root and every CDKTF stack is planned with mocked AWS
 * providers, and each plan is returned as its planned resources and as facts keyed by model
 * names, so a test can compare HCL with CDKTF, and either with the model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import { isPolicyUnit, type ResolvedModel } from '../../src/model/ir';
import { hclAsserts } from '../emit/hcl/support/asserts';
import { planFacts, type Facts } from '../emit/hcl/support/facts';
import { runHarness, writeFiles, type HarnessRun, type PlannedResource } from '../emit/hcl/support/harness';
import { Mocks } from '../emit/hcl/support/mocks';
import { cdktfOverrides, hclOverrides } from '../emit/hcl/support/overrides';

export type Side = 'hcl' | 'cdktf';

export interface UnitPlan {
  readonly resources: readonly PlannedResource[];
  readonly facts: Facts;
}

export interface ModelPlans {
  readonly ir: ResolvedModel;
  /** Every generated file (HCL and CDKTF), as written into the harness directory. */
  readonly files: ReadonlyMap<string, string>;
  /** By side, then by deployment unit name. */
  readonly plans: Record<Side, Map<string, UnitPlan>>;
}

/** Run names are identifiers: `<model>__<side>__<unit>`. */
export const runName = (model: string, side: string, unit: string): string => `${model.replace(/\W/g, '_')}__${side}__${unit.replace(/\W/g, '_')}`;

/**
 * Writes each model's HCL and CDKTF output under `dir/<name>/` and plans all of them in one run.
 * The HCL runs carry the generated assertions (hclAsserts); the CDKTF runs are compared by facts.
 */
export async function planBoth(dir: string, models: ReadonlyMap<string, ResolvedModel>): Promise<Map<string, ModelPlans>> {
  const runs: HarnessRun[] = [];
  const aliases: string[] = [];
  const written = new Map<string, ReadonlyMap<string, string>>();
  for (const [name, ir] of models) {
    const base = name.replace(/\W/g, '_');
    const m = new Mocks(ir);
    const cdktf = synthCdktf(ir);
    const files = new Map([...emitHcl(ir), ...cdktf]);
    written.set(name, files);
    writeFiles(path.join(dir, base), files, (p) => p);
    for (const unit of ir.units) {
      runs.push({
        name: runName(name, 'hcl', unit.name),
        source: `${base}/hcl/${unit.name}`,
        overrides: hclOverrides(ir, unit, m),
        asserts: hclAsserts(ir, unit, m),
      });
      const stack = cdktf.get(`cdktf/stacks/${unit.name}/cdk.tf.json`);
      if (stack === undefined) throw new Error(`${name}: no CDKTF stack for unit ${unit.name}`);
      runs.push({
        name: runName(name, 'cdktf', unit.name),
        source: `${base}/cdktf/stacks/${unit.name}`,
        overrides: cdktfOverrides(ir, stack, unit, m),
        asserts: [],
      });
      const providers = (JSON.parse(stack) as { provider?: { aws?: { alias?: string }[] } }).provider?.aws ?? [];
      aliases.push('management', ...providers.flatMap((p) => (p.alias ? [p.alias] : [])));
    }
    aliases.push(...ir.keys.flatMap((k) => k.replicaRegions.map((r) => r.replace(/-/g, '_'))));
  }
  fs.mkdirSync(dir, { recursive: true });
  const planned = await runHarness(dir, runs, aliases);
  const out = new Map<string, ModelPlans>();
  for (const [name, ir] of models) {
    const m = new Mocks(ir);
    const plans: Record<Side, Map<string, UnitPlan>> = { hcl: new Map(), cdktf: new Map() };
    for (const unit of ir.units) {
      for (const side of ['hcl', 'cdktf'] as const) {
        const resources = planned.get(runName(name, side, unit.name)) as PlannedResource[];
        plans[side].set(unit.name, { resources, facts: planFacts(resources, m) });
      }
    }
    out.set(name, { ir, files: written.get(name) as ReadonlyMap<string, string>, plans });
  }
  return out;
}

/** How many resources of each type the IR asks for, over all units: what every emitter must plan. */
export function expectedResourceCounts(ir: ResolvedModel): Record<string, number> {
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const createdGroups = ir.groups.filter((g) => !g.external);
  const policies = ir.units.filter(isPolicyUnit).flatMap((u) => [...u.keyIdentityPolicies, ...u.customerManagedPolicies]);
  // External permission sets are only looked up: nothing is created for them.
  const ownSets = ir.permissionSets.filter((p) => p.external !== true);
  const counts: Record<string, number> = {
    aws_kms_key: ir.keys.length,
    aws_kms_key_policy: ir.keys.length,
    // each replica carries the primary's alias in its own Region (aliases are Regional)
    aws_kms_alias: ir.keys.length + sum(ir.keys.map((k) => k.replicaRegions.length)),
    aws_kms_replica_key: sum(ir.keys.map((k) => k.replicaRegions.length)),
    aws_ssoadmin_permission_set: ownSets.length,
    aws_ssoadmin_managed_policy_attachment: sum(ownSets.map((p) => p.managedPolicyArns.length)),
    aws_ssoadmin_customer_managed_policy_attachment: sum(ownSets.map((p) => p.customerManagedPolicies.length)),
    aws_ssoadmin_permission_set_inline_policy: ownSets.filter((p) => p.inlinePolicy !== undefined).length,
    aws_ssoadmin_permissions_boundary_attachment: ownSets.filter((p) => p.permissionsBoundary !== undefined).length,
    aws_identitystore_group: createdGroups.length,
    aws_identitystore_user: ir.users.filter((u) => !u.external).length,
    aws_identitystore_group_membership: sum(createdGroups.map((g) => g.members.length)),
    aws_ssoadmin_account_assignment: ir.assignments.length,
    aws_iam_policy: policies.length,
    aws_iam_role_policy_attachment: sum(ir.units.filter(isPolicyUnit).flatMap((u) => u.keyIdentityPolicies.map((p) => p.attachToRoles.length))),
    terraform_data: ir.identityCenter.manageEncryption && ir.identityCenter.encryptionKey !== undefined ? 1 : 0,
  };
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

/** Planned resources of one side of one model, counted by type over all its units. */
export function plannedResourceCounts(plans: ModelPlans, side: Side): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { resources } of plans.plans[side].values()) for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}
