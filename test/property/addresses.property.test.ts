/**
 * Property (issue 14 section 2): every emitted address is a one-to-one function of the model
 * identity it stands for. For arbitrary valid models whose names include the ones that used to
 * collapse (`Default`, `A/B` and `A--B`, `a-b` / `a.b` / `a_b`, `%`, braces, `-replica-`):
 * - without Terraform, many models: CDKTF writes one resource block per resource the IR asks for,
 *   on distinct construct paths, and HCL calls each module once;
 * - under Terraform, a few models in one `terraform test`: each emitter plans exactly as many
 *   resources of each type as the IR asks for, and HCL and CDKTF plan the same facts per unit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import type { ResolvedModel } from '../../src/model/ir';
import type { OrgModel } from '../../src/model/schema';
import { loadResolved } from '../../src/pipeline';
import { validModel } from '../support/arbitraries';
import { expectedResourceCounts, planBoth, plannedResourceCounts } from '../support/plan-both';
import { describeWithTerraform } from '../support/terraform';
import { runs } from './support/settings';
import { useWorkdir } from './support/generate';

const workdir = useWorkdir('property-addresses');
let written = 0;

/** The model as the pipeline resolves it from YAML (relative path: no machine path in markers). */
function resolved(model: OrgModel): ResolvedModel {
  const dir = path.join(workdir(), `m${written++}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'org.yaml'), stringify(model));
  return loadResolved(path.relative(process.cwd(), path.join(dir, 'org.yaml'))).ir;
}

type Stack = { resource?: Record<string, Record<string, { '//'?: { metadata?: { path?: string } } }>> };

test('CDKTF writes one block per resource on its own path, and HCL calls each module once', async () => {
  await fc.assert(
    fc.asyncProperty(validModel({ hostileNames: true }), async (model) => {
      const ir = resolved(model);
      const counts: Record<string, number> = {};
      const paths: string[] = [];
      for (const [file, text] of synthCdktf(ir)) {
        if (!file.endsWith('cdk.tf.json')) continue;
        for (const [type, blocks] of Object.entries((JSON.parse(text) as Stack).resource ?? {})) {
          counts[type] = (counts[type] ?? 0) + Object.keys(blocks).length;
          paths.push(...Object.values(blocks).map((b) => `${file} ${b['//']?.metadata?.path ?? ''}`));
        }
      }
      expect(counts).toEqual(expectedResourceCounts(ir));
      expect(new Set(paths).size).toBe(paths.length);
      for (const [file, text] of emitHcl(ir)) {
        if (!/^hcl\/[^/]+\/main\.tf$/.test(file)) continue;
        const modules = ((await parse(file, text)).module ?? {}) as Record<string, unknown[]>;
        for (const [name, calls] of Object.entries(modules)) expect({ file, name, calls: calls.length }).toEqual({ file, name, calls: 1 });
      }
    }),
    runs(25, 300),
  );
});

describeWithTerraform('addresses under Terraform', () => {
  test('each emitter plans what the IR asks for, and both plan the same facts', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(validModel({ hostileNames: true }), { minLength: 2, maxLength: 2 }), async (models) => {
        const irs = new Map(models.map((m, i) => [`model${i}`, resolved(m)]));
        const plans = await planBoth(path.join(workdir(), `plan${n++}`), irs);
        for (const [name, p] of plans) {
          const expected = expectedResourceCounts(p.ir);
          expect({ name, side: 'hcl', counts: plannedResourceCounts(p, 'hcl') }).toEqual({ name, side: 'hcl', counts: expected });
          expect({ name, side: 'cdktf', counts: plannedResourceCounts(p, 'cdktf') }).toEqual({ name, side: 'cdktf', counts: expected });
          for (const unit of p.ir.units) {
            expect({ name, unit: unit.name, facts: p.plans.hcl.get(unit.name)?.facts }).toEqual({
              name,
              unit: unit.name,
              facts: p.plans.cdktf.get(unit.name)?.facts,
            });
          }
        }
      }),
      // Each run is a Terraform run: report the failing models as generated rather than shrink them.
      { ...runs(1, 10), endOnFailure: true },
    );
  }, 900_000); // a Terraform run per pair of models: minutes on a loaded two-core machine
});
