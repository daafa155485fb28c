/**
 * Every bundled example through the real pipeline and the CDKTF emitter: synthesis is
 * deterministic and machine-independent, policy variables arrive escaped, and each stack passes
 * Terraform's init, validate and a mocked plan checked against the IR (see plan-test.ts), all stacks
 * of one model in one Terraform directory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthCdktf } from '../../../src/emit/cdktf';
import type { ResolvedModel } from '../../../src/model/ir';
import { loadResolved } from '../../../src/pipeline';
import { describeWithTerraform, initValidateTest } from '../../support/terraform';
import { writeModelHarness } from './plan-test';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = [
  ...fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `examples/${f}`),
  'examples/split/main.yaml',
];

const irs = new Map<string, ResolvedModel>();
function irOf(example: string): ResolvedModel {
  let ir = irs.get(example);
  if (!ir) {
    ir = loadResolved(path.join(ROOT, example)).ir;
    irs.set(example, ir);
  }
  return ir;
}

describe.each(EXAMPLES)('%s', (example) => {
  test('synthesizes one stack per deployment unit, byte-identical across runs, with no absolute path', () => {
    const ir = irOf(example);
    const first = synthCdktf(ir);
    expect([...first.keys()].sort()).toEqual(['cdktf/manifest.json', ...ir.units.map((u) => `cdktf/stacks/${u.name}/cdk.tf.json`)].sort());
    expect(synthCdktf(ir)).toEqual(first);
    const text = [...first.values()].join('\n');
    for (const dir of [ROOT, os.tmpdir(), os.homedir()]) expect(text).not.toContain(dir);
  });

  test('every ${...} of the model reaches cdk.tf.json escaped', () => {
    const text = [...synthCdktf(irOf(example)).values()].join('\n');
    // Terraform's own references are ${data.…} / ${aws_…} / ${one(…)}; an IAM policy variable is
    // ${aws:…} and must appear only as $${aws:…}.
    expect(text).not.toMatch(/(^|[^$])\$\{aws:/m);
    const variables = JSON.stringify(irOf(example)).match(/\$\{aws:[^}]+\}/g) ?? [];
    for (const v of new Set(variables)) expect(text).toContain(`$${v}`);
  });
});

describeWithTerraform('examples under Terraform', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cdktf-examples-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  // One directory per model: one init and validate cover all its stacks, one `terraform test`
  // plans each stack in its own run block (see writeModelHarness).
  test.each(EXAMPLES)('%s: every stack inits, validates and plans (mocked) as the model says', (example) => {
    const dir = path.join(root, example);
    writeModelHarness(irOf(example), dir);
    const res = initValidateTest(dir);
    const runs = irOf(example).units.length;
    expect(res.test?.stdout).toMatch(new RegExp(`Success! ${runs} passed, 0 failed\\.`));
    for (const unit of irOf(example).units) expect(res.test?.stdout).toMatch(new RegExp(`run "${unit.name}"\\.\\.\\. pass`));
  });
});
