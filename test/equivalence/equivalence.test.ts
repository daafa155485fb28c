/**
 * The HCL and the CDKTF output of every bundled example plan the same infrastructure.
 *
 * Both are generated from one resolved model, copied into one directory and planned by a single
 * `terraform test` run with mocked AWS providers; every permission set, group, user, key and IAM
 * policy gets the same mocked identifier on both sides. Each plan is reduced to facts keyed by
 * model names (key policy as parsed JSON keyed by Sid, permission sets, every attachment, inline
 * policies, boundaries, identity store objects, assignment triples, IAM policies and role
 * attachments, the encryption step), and the facts of each HCL root must equal those of the
 * CDKTF stack for the same deployment unit. The HCL runs also carry the generated `assert`s.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import type { ResolvedModel } from '../../src/model/ir';
import { unitApplications, unitPermissionSets } from '../../src/model/ir-index';
import { loadResolved } from '../../src/pipeline';
import { hclAsserts } from '../emit/hcl/support/asserts';
import { planFacts, type Facts } from '../emit/hcl/support/facts';
import { removeWorkDir, runHarness, writeFiles, type HarnessRun } from '../emit/hcl/support/harness';
import { Mocks } from '../emit/hcl/support/mocks';
import { cdktfOverrides, hclOverrides } from '../emit/hcl/support/overrides';
import { describeWithTerraform, terraformOk } from '../support/terraform';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = [
  ...fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`),
  ...fs
    .readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, 'examples', d.name, 'main.yaml')))
    .map((d) => `examples/${d.name}/main.yaml`),
].sort();

/** Run names are identifiers: `<example>__<hcl|cdktf>__<unit>`. */
const runName = (example: string, side: string, unit: string): string =>
  `${example.replace(/^examples\//, '').replace(/\.yaml$/, '').replace(/\W/g, '_')}__${side}__${unit.replace(/\W/g, '_')}`;

describeWithTerraform('HCL and CDKTF plan the same infrastructure', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-equivalence-'));
  const irs = new Map<string, ResolvedModel>();
  const facts = new Map<string, Facts>();

  beforeAll(async () => {
    const runs: HarnessRun[] = [];
    const aliases: string[] = [];
    for (const example of EXAMPLES) {
      // Relative, as on the command line, so generated markers hold no absolute path.
      const ir = loadResolved(path.relative(process.cwd(), path.join(ROOT, example))).ir;
      irs.set(example, ir);
      const m = new Mocks(ir);
      const base = runName(example, '', '').replace(/____$/, '');
      const hcl = emitHcl(ir);
      const cdktf = synthCdktf(ir);
      writeFiles(path.join(dir, base), new Map([...hcl, ...cdktf]), (p) => p);
      for (const unit of ir.units) {
        runs.push({ name: runName(example, 'hcl', unit.name), source: `${base}/hcl/${unit.name}`, overrides: hclOverrides(ir, unit, m), asserts: hclAsserts(ir, unit, m) });
        const stack = cdktf.get(`cdktf/stacks/${unit.name}/cdk.tf.json`);
        if (stack === undefined) throw new Error(`${example}: no CDKTF stack for unit ${unit.name}`);
        runs.push({ name: runName(example, 'cdktf', unit.name), source: `${base}/cdktf/stacks/${unit.name}`, overrides: cdktfOverrides(ir, stack, unit, m), asserts: [] });
        const providers = (JSON.parse(stack) as { provider?: { aws?: { alias?: string }[] } }).provider?.aws ?? [];
        aliases.push('management', ...providers.flatMap((p) => (p.alias ? [p.alias] : [])));
      }
      aliases.push(...ir.keys.flatMap((k) => k.replicaRegions.map((r) => r.replace(/-/g, '_'))));
    }
    const plans = await runHarness(dir, runs, aliases);
    for (const [example, ir] of irs) {
      const m = new Mocks(ir);
      for (const unit of ir.units) {
        for (const side of ['hcl', 'cdktf']) {
          facts.set(runName(example, side, unit.name), planFacts(plans.get(runName(example, side, unit.name))!, m));
        }
      }
    }
  });

  afterAll(() => removeWorkDir(dir));

  test('the generated HCL of every example is formatted exactly as terraform fmt would', () => {
    for (const example of EXAMPLES) {
      terraformOk(path.join(dir, runName(example, '', '').replace(/____$/, ''), 'hcl'), ['fmt', '-check', '-recursive', '-diff']);
    }
  });

  describe.each(EXAMPLES)('%s', (example) => {
    test('every HCL root and CDKTF stack was planned, the HCL roots with their assertions passing', () => {
      const units = irs.get(example)!.units.map((u) => u.name);
      expect(units.length).toBeGreaterThan(0);
      for (const unit of units) {
        expect(facts.has(runName(example, 'hcl', unit))).toBe(true);
        expect(facts.has(runName(example, 'cdktf', unit))).toBe(true);
      }
    });

    test('the compared facts cover the model: every key policy Sid, permission set, IAM policy and assignment', () => {
      const ir = irs.get(example)!;
      for (const unit of ir.units) {
        const f = facts.get(runName(example, 'cdktf', unit.name)) as Record<string, Record<string, any>>;
        if (unit.kind === 'management') {
          for (const key of ir.keys) {
            expect(Object.keys(f.key_policies[`key ${key.name}`].Statement).sort()).toEqual(key.keyPolicy.Statement.map((s) => s.Sid).sort());
          }
        }
        // Permission sets live in the management unit unless the model moved them to units of their own.
        if (unit.kind === 'management' || unit.kind === 'permission-sets') {
          expect(Object.keys(f.permission_sets ?? {}).sort()).toEqual(unitPermissionSets(ir, unit).map((p) => p.name).sort());
        }
        if (unit.kind === 'member') {
          expect(Object.keys(f.iam_policies).length).toBe(unit.keyIdentityPolicies.length + unit.customerManagedPolicies.length);
        }
        if (unit.kind === 'assignments') {
          expect(Object.keys(f.assignments).length).toBe(unit.assignmentKeys.length);
        }
        // Applications live in the management unit unless the model moved them to units of their own.
        if (unit.kind === 'management' || unit.kind === 'applications') {
          const apps = unitApplications(ir, unit);
          expect(Object.keys(f.applications ?? {}).sort()).toEqual(apps.map((a) => a.name).sort());
          expect(Object.keys(f.application_assignments ?? {}).sort()).toEqual(
            apps.flatMap((a) => a.assignments.map((p) => `application ${a.name} ${p.principalType} ${p.principalType === 'GROUP' ? 'group' : 'user'} ${p.principalName}`)).sort(),
          );
          expect(Object.keys(f.application_access_scopes ?? {}).sort()).toEqual(apps.flatMap((a) => a.accessScopes.map((s) => `application ${a.name} ${s.scope}`)).sort());
        }
        if (unit.kind === 'management') {
          // Attribute sources are AWS's references, planned exactly as the model writes them (escaped on the way in).
          const attrs = ir.identityCenter.accessControlAttributes ?? [];
          expect(f.access_control_attributes ?? {}).toEqual(attrs.length > 0 ? { [new Mocks(ir).instanceArn]: Object.fromEntries(attrs.map((a) => [a.key, [[...a.sources].sort()]])) } : {});
        }
      }
      const planned = ir.units.flatMap((u) => Object.keys((facts.get(runName(example, 'cdktf', u.name)) as Record<string, object>).permission_sets ?? {}));
      expect(planned.sort()).toEqual(ir.permissionSets.map((p) => p.name).sort());
    });

    test('each deployment unit plans the same key policies, permission sets, attachments and assignments in HCL and CDKTF', () => {
      for (const unit of irs.get(example)!.units) {
        const hcl = facts.get(runName(example, 'hcl', unit.name));
        const cdktf = facts.get(runName(example, 'cdktf', unit.name));
        expect({ unit: unit.name, facts: hcl }).toEqual({ unit: unit.name, facts: cdktf });
      }
    });
  });
});
