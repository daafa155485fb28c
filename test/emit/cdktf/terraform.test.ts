/**
 * The synthesized stacks under Terraform itself (offline provider mirror): each stack directory
 * passes `init -backend=false`, `validate`, and a `terraform test` that plans it against mocked
 * AWS providers and checks planned values against the IR (see plan-test.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { synthCdktf } from '../../../src/emit/cdktf';
import type { ResolvedModel } from '../../../src/model/ir';
import { describeWithTerraform, initValidateTest } from '../../support/terraform';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';
import { planTestFor } from './plan-test';

/** Writes the synthesized stacks and their plan tests; returns the root directory. */
export function writeStacks(ir: ResolvedModel, root: string): void {
  for (const [rel, content] of synthCdktf(ir)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  for (const unit of ir.units) {
    const dir = path.join(root, 'cdktf', 'stacks', unit.name);
    fs.mkdirSync(path.join(dir, 'tests'), { recursive: true });
    const json = fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'tests', 'plan.tftest.hcl'), planTestFor(json, ir, unit));
  }
}

describeWithTerraform('synthesized CDKTF stacks under Terraform', () => {
  const cases: [string, ResolvedModel][] = [
    ['full', fullIr],
    ['minimal', minimalIr],
  ];
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cdktf-tf-'));
    for (const [name, ir] of cases) writeStacks(ir, path.join(root, name));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const stacks = cases.flatMap(([name, ir]) => ir.units.map((u) => [name, u.name] as const));
  test.each(stacks)('%s / %s: init, validate and a mocked plan that matches the model', (name, unit) => {
    const res = initValidateTest(path.join(root, name, 'cdktf', 'stacks', unit));
    expect(res.test?.stdout).toMatch(/Success! 1 passed, 0 failed\./);
  });
});
