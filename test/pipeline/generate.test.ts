/**
 * generate() (src/generate.ts), the one orchestration behind `idcgen generate`, `idcgen synth`,
 * main.ts, the bench and the property tests: its stages run and are reported in order, the files
 * it returns are the files it writes, and without an output directory it writes nothing and leaves
 * out review.md (the goldens in test/golden hold the bytes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate, type GenerateStage } from '../../src/generate';
import { readTree, useWorkdir } from '../property/support/generate';

const ROOT = path.resolve(__dirname, '../..');
const MODEL = path.join(ROOT, 'examples/minimal.yaml');
const workdir = useWorkdir('generate-api');
const quiet = { write: () => true };

test('with out: every stage runs in order, and the returned files are exactly the files written', async () => {
  // GIVEN the minimal example WHEN it is generated into a fresh directory
  const stages: Array<[GenerateStage, number]> = [];
  const out = path.join(workdir(), 'all');
  const { ir, files } = await generate(MODEL, { out, stderr: quiet, onStage: (s, ms) => stages.push([s, ms]) });
  // THEN each stage reported its time once, in pipeline order
  expect(stages.every(([, ms]) => ms >= 0)).toBe(true);
  expect(stages.map(([s]) => s)).toEqual(['load', 'resolve', 'inspect-output', 'hcl', 'cdktf', 'rails', 'review', 'import-plan', 'write']);
  expect(ir.units.map((u) => u.name)).toEqual(['management', 'assignments']);
  // AND the output directory holds the returned files (plus the output manifest the writer adds)
  const written = readTree(out);
  expect(Object.keys(written).sort()).toEqual([...files.keys(), '.idcgen-output'].sort());
  for (const [file, content] of files) expect(Buffer.from(written[file], 'latin1').toString('utf8')).toBe(content);
});

test('without out: nothing is written, review.md is left out, and format hcl emits no CDKTF', async () => {
  const before = fs.readdirSync(workdir()).sort();
  const stages: GenerateStage[] = [];
  const { files } = await generate(MODEL, { format: 'hcl', stderr: quiet, onStage: (s) => stages.push(s) });
  expect(stages).toEqual(['load', 'resolve', 'hcl', 'rails', 'import-plan']);
  expect(files.has('review.md')).toBe(false);
  expect([...files.keys()].filter((f) => !f.startsWith('hcl/'))).toEqual([]);
  expect(files.get('hcl/management/main.tf')).toContain('module "key_identity_center"');
  expect(fs.readdirSync(workdir()).sort()).toEqual(before);
});

test('format cdktf: only the stacks and their manifest', async () => {
  const { files } = await generate(MODEL, { format: 'cdktf', stderr: quiet });
  expect([...files.keys()].sort()).toEqual(['cdktf/manifest.json', 'cdktf/stacks/assignments/cdk.tf.json', 'cdktf/stacks/management/cdk.tf.json']);
});
