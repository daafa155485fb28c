/**
 * A model whose management unit cannot hold its permission sets nor its identity store
 * (examples/typical.yaml with more users and groups, and maxResourcesPerStack 10): the
 * permission-set, users and groups units of both emitters are planned by Terraform with mocked
 * providers in one `terraform test` (the harness of test/emit/hcl), with the HCL roots' generated
 * assertions, and each HCL root must plan the same facts as the CDKTF stack of its unit.
 */
import * as path from 'node:path';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import type { ResolvedModel } from '../../src/model/ir';
import { unitGroups, unitMemberLookups, unitPermissionSets, unitUsers } from '../../src/model/ir-index';
import { loadResolved } from '../../src/pipeline';
import { hclAsserts } from '../emit/hcl/support/asserts';
import { planFacts, type Facts } from '../emit/hcl/support/facts';
import { removeWorkDir, runHarness, writeFiles, type HarnessRun } from '../emit/hcl/support/harness';
import { Mocks } from '../emit/hcl/support/mocks';
import { cdktfOverrides, hclOverrides } from '../emit/hcl/support/overrides';
import { describeWithTerraform } from '../support/terraform';
import { SPLIT_BOUND as BOUND, writeSplitModel } from '../fixtures/split-model';

describe('a model split into permission-set and identity-store units', () => {
  const { dir, file } = writeSplitModel();
  const ir: ResolvedModel = loadResolved(file).ir;
  afterAll(() => removeWorkDir(dir));

  test('has permission-set, users and groups units, and every permission set, group and user in exactly one unit', () => {
    const names = ir.units.map((u) => u.name);
    expect(names.some((n) => n.startsWith('permission-sets'))).toBe(true);
    expect(names.some((n) => n.startsWith('groups'))).toBe(true);
    expect(names.some((n) => n.startsWith('users'))).toBe(true);
    expect(ir.units.flatMap((u) => unitPermissionSets(ir, u).map((p) => p.name)).sort()).toEqual(ir.permissionSets.map((p) => p.name).sort());
    expect(ir.units.flatMap((u) => unitGroups(ir, u).map((g) => g.name)).sort()).toEqual(ir.groups.map((g) => g.name).sort());
    expect(ir.units.flatMap((u) => unitUsers(ir, u).map((x) => x.userName)).sort()).toEqual(ir.users.map((x) => x.userName).sort());
    // groups units create no users: their members are looked up
    for (const u of ir.units.filter((x) => x.name.startsWith('groups'))) {
      expect(unitUsers(ir, u)).toEqual([]);
      expect(unitMemberLookups(ir, u).length).toBeGreaterThan(0);
    }
  });

  describeWithTerraform('under Terraform', () => {
    const facts = new Map<string, Facts>();
    const planned = new Map<string, number>();
    beforeAll(async () => {
      const m = new Mocks(ir);
      const cdktf = synthCdktf(ir);
      writeFiles(path.join(dir, 'out'), new Map([...emitHcl(ir), ...cdktf]), (p) => p);
      const runs: HarnessRun[] = [];
      const aliases: string[] = [];
      for (const unit of ir.units) {
        const id = unit.name.replace(/\W/g, '_');
        runs.push({ name: `hcl__${id}`, source: `out/hcl/${unit.name}`, overrides: hclOverrides(ir, unit, m), asserts: hclAsserts(ir, unit, m) });
        const stack = cdktf.get(`cdktf/stacks/${unit.name}/cdk.tf.json`) as string;
        runs.push({ name: `cdktf__${id}`, source: `out/cdktf/stacks/${unit.name}`, overrides: cdktfOverrides(ir, stack, unit, m), asserts: [] });
        const providers = (JSON.parse(stack) as { provider?: { aws?: { alias?: string }[] } }).provider?.aws ?? [];
        aliases.push('management', ...providers.flatMap((p) => (p.alias ? [p.alias] : [])));
      }
      aliases.push(...ir.keys.flatMap((k) => k.replicaRegions.map((r) => r.replace(/-/g, '_'))));
      const plans = await runHarness(dir, runs, aliases);
      for (const [name, resources] of plans) {
        facts.set(name, planFacts(resources, m));
        planned.set(name, resources.length);
      }
    });

    test('each unit plans the same permission sets, users, groups and memberships in HCL and CDKTF, within the bound', () => {
      for (const unit of ir.units) {
        const id = unit.name.replace(/\W/g, '_');
        const hcl = facts.get(`hcl__${id}`);
        expect({ unit: unit.name, facts: hcl }).toEqual({ unit: unit.name, facts: facts.get(`cdktf__${id}`) });
        // managed resources in the plan: something, and no more than the bound, on both sides
        for (const side of ['hcl', 'cdktf']) {
          const n = planned.get(`${side}__${id}`) as number;
          expect({ unit: unit.name, side, within: n > 0 && n <= BOUND }).toEqual({ unit: unit.name, side, within: true });
        }
      }
    });
  });
});
