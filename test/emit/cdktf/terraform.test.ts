/**
 * The synthesized stacks of the hand-built IR fixtures under Terraform itself (offline provider
 * mirror): each stack directory passes `init -backend=false`, `validate`, and a `terraform test`
 * that plans it against mocked AWS providers and checks planned values against the IR
 * (see plan-test.ts). The bundled examples get the same in examples.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../../src/model/ir';
import { describeWithTerraform, initValidateTest } from '../../support/terraform';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';
import { writeStacksWithPlanTests } from './plan-test';

describeWithTerraform('synthesized CDKTF stacks under Terraform', () => {
  const cases: [string, ResolvedModel][] = [
    ['full', fullIr],
    ['minimal', minimalIr],
  ];
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cdktf-tf-'));
    for (const [name, ir] of cases) writeStacksWithPlanTests(ir, path.join(root, name));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const stacks = cases.flatMap(([name, ir]) => ir.units.map((u) => [name, u.name] as const));
  test.each(stacks)('%s / %s: init, validate and a mocked plan that matches the model', (name, unit) => {
    const res = initValidateTest(path.join(root, name, 'cdktf', 'stacks', unit));
    expect(res.test?.stdout).toMatch(/Success! 1 passed, 0 failed\./);
  });
});
