/**
 * Applications and attributes for access control through both emitters, under `terraform test`
 * (mocked AWS provider, command = plan), on the bundled example (everything in the management unit)
 * and two models whose applications do not fit there (an applications unit of its own, with the
 * identity store in the management unit, then in units of its own). For every unit:
 * - the HCL root and the CDKTF stack plan the same facts (test/emit/hcl/support/facts.ts);
 * - the planned applications, assignments (with the principal ids of the right group or user),
 *   access scopes and assignment requirement are the model's;
 * - attribute sources such as `${path:enterprise.department}`, and model text holding `${`, are
 *   planned literally: escaped on the way in by both emitters, never interpolated.
 * The HCL is also read back with HashiCorp's HCL parser (hcl2json).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import type { ResolvedModel } from '../../src/model/ir';
import { unitApplications } from '../../src/model/ir-index';
import { loadResolved } from '../../src/pipeline';
import { hclAsserts } from './hcl/support/asserts';
import { planFacts, type Facts } from './hcl/support/facts';
import { removeWorkDir, runHarness, writeFiles, type HarnessRun } from './hcl/support/harness';
import { Mocks } from './hcl/support/mocks';
import { cdktfOverrides, hclOverrides } from './hcl/support/overrides';
import { describeWithTerraform } from '../support/terraform';

const ROOT = path.resolve(__dirname, '../..');
const MODELS = ['examples/applications.yaml', 'test/emit/fixtures/applications-split.yaml', 'test/emit/fixtures/applications-split-identity.yaml'];
const run = (model: string, side: string, unit: string): string => `${path.basename(model, '.yaml').replace(/\W/g, '_')}__${side}__${unit.replace(/\W/g, '_')}`;

const irs = new Map(MODELS.map((m) => [m, loadResolved(path.relative(process.cwd(), path.join(ROOT, m))).ir] as const));

test('the models place applications as intended: management, then an applications unit, then one after the identity store units', () => {
  const kinds = (ir: ResolvedModel) => ir.units.map((u) => `${u.name}:${u.kind}`);
  expect(MODELS.map((m) => kinds(irs.get(m)!))).toEqual([
    ['management:management', 'assignments:assignments'],
    ['management:management', 'applications:applications', 'assignments:assignments'],
    ['management:management', 'groups:identity-store', 'users:identity-store', 'applications:applications', 'assignments:assignments'],
  ]);
});

test('the HCL of the applications and the attributes parses with HashiCorp HCL and keeps the sources literal', async () => {
  const ir = irs.get('examples/applications.yaml')!;
  const main = emitHcl(ir).get('hcl/management/main.tf')!;
  const json = (await parse('main.tf', main)) as { module: Record<string, { attributes: string; applications: string }[]> };
  // hcl2json keeps expressions as `${...}` text; an escaped `$${` in HCL reads back as a literal `${`.
  expect(JSON.stringify(json.module.access_control_attributes[0].attributes)).toContain('["$${path:enterprise.department}"]');
  expect(main).toContain('"department" = ["$${path:enterprise.department}"]');
  expect(Object.keys(json.module.applications[0].applications)).toEqual(['Grafana']);
});

describeWithTerraform('applications and attributes for access control under terraform test, both emitters', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-applications-'));
  const facts = new Map<string, Facts>();

  beforeAll(async () => {
    const runs: HarnessRun[] = [];
    for (const [model, ir] of irs) {
      const m = new Mocks(ir);
      const base = run(model, '', '').replace(/____$/, '');
      const cdktf = synthCdktf(ir);
      writeFiles(path.join(dir, base), new Map([...emitHcl(ir), ...cdktf]), (p) => p);
      for (const unit of ir.units) {
        runs.push({
          name: run(model, 'hcl', unit.name),
          source: `${base}/hcl/${unit.name}`,
          overrides: hclOverrides(ir, unit, m),
          asserts: hclAsserts(ir, unit, m),
        });
        const stack = cdktf.get(`cdktf/stacks/${unit.name}/cdk.tf.json`)!;
        runs.push({
          name: run(model, 'cdktf', unit.name),
          source: `${base}/cdktf/stacks/${unit.name}`,
          overrides: cdktfOverrides(ir, stack, unit, m),
          asserts: [],
        });
      }
    }
    const plans = await runHarness(dir, runs, []);
    for (const [model, ir] of irs) {
      const m = new Mocks(ir);
      for (const unit of ir.units)
        for (const side of ['hcl', 'cdktf']) facts.set(run(model, side, unit.name), planFacts(plans.get(run(model, side, unit.name))!, m));
    }
  }, 900_000);
  afterAll(() => removeWorkDir(dir));

  describe.each(MODELS)('%s', (model) => {
    const ir = irs.get(model)!;

    test('each unit plans the same facts in HCL and CDKTF', () => {
      for (const unit of ir.units)
        expect({ unit: unit.name, facts: facts.get(run(model, 'hcl', unit.name)) }).toEqual({
          unit: unit.name,
          facts: facts.get(run(model, 'cdktf', unit.name)),
        });
    });

    test("the planned applications, their assignments, scopes and assignment requirement are the model's", () => {
      const m = new Mocks(ir);
      for (const side of ['hcl', 'cdktf']) {
        const planned = { applications: {}, application_assignments: {}, application_access_scopes: {}, application_assignment_required: {} } as Record<
          string,
          Record<string, unknown>
        >;
        for (const unit of ir.units) {
          const f = facts.get(run(model, side, unit.name)) as Record<string, Record<string, unknown>>;
          for (const k of Object.keys(planned)) Object.assign(planned[k], f[k] ?? {});
          if (unit.kind !== 'management' && unit.kind !== 'applications') expect([unit.name, f.applications]).toEqual([unit.name, undefined]);
          if (unit.kind === 'applications')
            expect(Object.keys(f.applications ?? {}).sort()).toEqual(
              unitApplications(ir, unit)
                .map((a) => a.name)
                .sort(),
            );
        }
        const apps = ir.applications ?? [];
        expect(planned.applications).toEqual(
          Object.fromEntries(
            apps.map((a) => [
              a.name,
              {
                instance: m.instanceArn,
                provider: a.providerArn,
                description: a.description ?? null,
                status: a.status,
                portal: a.portal
                  ? [
                      {
                        ...(a.portal.visibility !== undefined ? { visibility: a.portal.visibility } : {}),
                        sign_in_options: a.portal.signIn ? [{ origin: a.portal.signIn.origin, application_url: a.portal.signIn.url ?? null }] : [],
                      },
                    ]
                  : [],
                tags: a.tags,
              },
            ]),
          ),
        );
        const id = (type: string, name: string) => (type === 'GROUP' ? m.groupId(name) : m.userId(name));
        expect(planned.application_assignments).toEqual(
          Object.fromEntries(
            apps.flatMap((a) =>
              a.assignments.map((p) => [`${m.name(m.applicationArn(a.name))} ${p.principalType} ${m.name(id(p.principalType, p.principalName))}`, true]),
            ),
          ),
        );
        expect(planned.application_access_scopes).toEqual(
          Object.fromEntries(
            apps.flatMap((a) => a.accessScopes.map((s) => [`application ${a.name} ${s.scope}`, s.authorizedTargets.length > 0 ? s.authorizedTargets : null])),
          ),
        );
        expect(planned.application_assignment_required).toEqual(Object.fromEntries(apps.map((a) => [`application ${a.name}`, a.assignmentRequired])));
      }
    });

    test('attribute sources are planned exactly as the model writes them', () => {
      const attrs = ir.identityCenter.accessControlAttributes ?? [];
      expect(attrs.length).toBeGreaterThan(0);
      for (const side of ['hcl', 'cdktf']) {
        const f = facts.get(run(model, side, 'management')) as Record<string, Record<string, unknown>>;
        expect(f.access_control_attributes).toEqual({ [new Mocks(ir).instanceArn]: Object.fromEntries(attrs.map((a) => [a.key, [[...a.sources]]])) });
      }
    });
  });
});
