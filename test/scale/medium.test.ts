/**
 * The medium synthetic organization (bench/synthetic.ts: 200 accounts, 500 groups, 50 permission
 * sets, ~8,000 assignments) through the real pipeline and both emitters:
 * - every deployment unit stays within maxResourcesPerStack, counted in the synthesized CDKTF JSON
 *   and, independently, from the HCL roots' module arguments (parsed with HashiCorp's HCL parser);
 * - adding one account to one assignment's `accounts:` list changes exactly one CDKTF stack file
 *   and the data of exactly one HCL root.
 * Nothing here is timed: `npm run bench` prints the figures.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { stringify } from 'yaml';
import { SIZES, syntheticModel } from '../../bench/synthetic';
import { synthCdktf } from '../../src/emit/cdktf';
import type { FileMap } from '../../src/emit/files';
import { emitHcl } from '../../src/emit/hcl';
import type { ResolvedModel } from '../../src/model/ir';
import type { OrgModel } from '../../src/model/schema';
import { loadResolved } from '../../src/pipeline';
import { unitsOfKind } from '../support/units';

interface Generated {
  readonly ir: ResolvedModel;
  readonly files: FileMap;
}

const dirs: string[] = [];

/** The model written as org.yaml in a directory of its own (same marker text for every model). */
function generate(model: OrgModel): Generated {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-scale-'));
  dirs.push(dir);
  const file = path.join(dir, 'org.yaml');
  fs.writeFileSync(file, stringify(model, { lineWidth: 0 }));
  const { ir } = loadResolved(file);
  return { ir, files: new Map([...emitHcl(ir), ...synthCdktf(ir)]) };
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Managed resources of a synthesized stack (data sources are look-ups, not counted). */
function cdktfResources(stackJson: string): number {
  const resource = (JSON.parse(stackJson) as { resource?: Record<string, Record<string, unknown>> }).resource ?? {};
  return Object.values(resource).reduce((n, byId) => n + Object.keys(byId).length, 0);
}

type Hcl = Record<string, unknown>;
const entries = (v: unknown): [string, Hcl][] => Object.entries((v ?? {}) as Record<string, Hcl>);
const length = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/**
 * Resources an HCL root plans, from its module arguments and what each of idcgen's modules creates
 * per entry (modules/<name>/main.tf), plus resources declared in the root itself.
 */
async function hclResources(mainTf: string): Promise<number> {
  const json = (await parse('main.tf', mainTf)) as { module?: Record<string, Hcl[]>; resource?: Record<string, Record<string, unknown[]>> };
  let n = Object.values(json.resource ?? {}).reduce((sum, byName) => sum + Object.values(byName).flat().length, 0);
  for (const call of Object.values(json.module ?? {}).flat()) {
    switch (call.source) {
      case '../modules/account-assignments':
        n += entries(call.assignments).length;
        break;
      case '../modules/permission-sets':
        for (const [, ps] of entries(call.permission_sets)) {
          n += 1 + length(ps.managed_policy_arns) + length(ps.customer_managed_policies) + (ps.inline_policy ? 1 : 0) + (ps.permissions_boundary ? 1 : 0);
        }
        break;
      case '../modules/identity-store':
        for (const [, g] of entries(call.groups)) if (!g.external) n += 1 + length(g.members);
        for (const [, u] of entries(call.users)) if (!u.external) n += 1;
        break;
      case '../modules/identity-center-key':
        n += 3; // key, key policy, alias
        break;
      case '../modules/identity-center-key/modules/replica':
        n += 1 + (call.alias ? 1 : 0);
        break;
      case '../modules/key-user-policies':
        for (const [, p] of entries(call.policies)) n += 1 + length(p.attach_to_roles);
        break;
      default:
        throw new Error(`no resource count for module source ${String(call.source)}`);
    }
  }
  return n;
}

/** Paths whose content differs between two outputs, including paths only one has. */
function changed(a: FileMap, b: FileMap): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
}

describe('the medium synthetic organization', () => {
  const model = syntheticModel(SIZES.medium);
  let base: Generated;
  beforeAll(() => {
    base = generate(model);
  });

  test('no deployment unit exceeds the stack bound, counted in the CDKTF stacks and in the HCL roots alike', async () => {
    const { ir, files } = base;
    const bound = ir.deployment.maxResourcesPerStack;
    // GIVEN a model whose identity store alone is above the bound (so the management unit had to shed it)
    expect(ir.groups.reduce((n, g) => n + (g.external ? 0 : 1 + g.members.length), 0)).toBeGreaterThan(bound);
    expect(ir.units.some((u) => u.kind === 'identity-store')).toBe(true);
    let total = 0;
    for (const unit of ir.units) {
      const cdktf = cdktfResources(files.get(`cdktf/stacks/${unit.name}/cdk.tf.json`) as string);
      const hcl = await hclResources(files.get(`hcl/${unit.name}/main.tf`) as string);
      expect({ unit: unit.name, hcl }).toEqual({ unit: unit.name, hcl: cdktf });
      expect({ unit: unit.name, within: cdktf <= bound }).toEqual({ unit: unit.name, within: true });
      total += cdktf;
    }
    // every assignment is a resource of some unit, and the units together hold far more than one stack may
    expect(total).toBeGreaterThan(ir.assignments.length);
    expect(total).toBeGreaterThan(10 * bound);
  });

  test('adding one account to one assignment changes exactly one CDKTF stack file and one HCL root', () => {
    const { ir } = base;
    const bound = ir.deployment.maxResourcesPerStack;
    // GIVEN an assignment entry listing accounts, and an account it does not reach yet whose
    // assignments sit in a unit with room for one more (a full unit would split: two stacks)
    const keys = new Set(ir.assignments.map((a) => a.key));
    const unitOfAccount = new Map(ir.assignments.map((a) => [a.accountName, a.unit]));
    const size = new Map(unitsOfKind(ir, 'assignments').map((u) => [u.name, u.assignmentKeys.length]));
    const entries = model.assignments ?? [];
    let change: { index: number; account: string; unit: string } | undefined;
    for (let index = 0; index < entries.length && !change; index++) {
      const e = entries[index];
      if (!e.group || !e.accounts) continue;
      for (const account of ir.accounts) {
        const unit = unitOfAccount.get(account.name);
        if (unit === undefined || (size.get(unit) ?? bound) >= bound) continue;
        if (e.accounts.includes(account.name) || keys.has(`GROUP/${e.group}/${e.permissionSet}/${account.name}`)) continue;
        change = { index, account: account.name, unit };
        break;
      }
    }
    if (!change) throw new Error('the medium model has no assignment entry to extend');
    const { index, account, unit } = change;
    const extended: OrgModel = {
      ...model,
      assignments: entries.map((e, i) => (i === index ? { ...e, accounts: [...(e.accounts ?? []), account] } : e)),
    };

    // WHEN both models are generated
    const after = generate(extended);

    // THEN the IR has one more assignment, in that unit
    expect(after.ir.assignments.length).toBe(ir.assignments.length + 1);
    // and exactly that unit's stack file and that unit's HCL root changed
    const diff = changed(base.files, after.files);
    expect(diff.filter((p) => p.startsWith('cdktf/stacks/'))).toEqual([`cdktf/stacks/${unit}/cdk.tf.json`]);
    const roots = [...new Set(diff.filter((p) => p.startsWith('hcl/')).map((p) => p.split('/')[1]))];
    expect(roots).toEqual([unit]);
    // the root's data: its module arguments, not its providers, backend or versions
    expect(diff.filter((p) => p.startsWith('hcl/'))).toEqual([`hcl/${unit}/main.tf`]);
  });
});
