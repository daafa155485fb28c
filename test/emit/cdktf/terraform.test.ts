/**
 * The synthesized stacks of the hand-built IR fixtures under Terraform itself (offline provider
 * mirror): all stacks of a fixture in one directory pass `init -backend=false` and `validate`, and
 * one `terraform test` plans each stack against mocked AWS providers and checks planned values
 * against the IR (see plan-test.ts writeModelHarness). The bundled examples get the same in
 * examples.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../../src/model/ir';
import { describeWithTerraform, initValidateTest } from '../../support/terraform';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';
import { writeModelHarness } from './plan-test';

describeWithTerraform('synthesized CDKTF stacks under Terraform', () => {
  const cases: [string, ResolvedModel][] = [
    ['full', fullIr],
    ['minimal', minimalIr],
  ];
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cdktf-tf-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test.each(cases)('%s: every stack inits, validates and plans (mocked) as the model says', (name, ir) => {
    writeModelHarness(ir, path.join(root, name));
    const res = initValidateTest(path.join(root, name));
    expect(res.test?.stdout).toMatch(new RegExp(`Success! ${ir.units.length} passed, 0 failed\\.`));
    for (const unit of ir.units) expect(res.test?.stdout).toMatch(new RegExp(`run "${unit.name}"\\.\\.\\. pass`));
  });
});
