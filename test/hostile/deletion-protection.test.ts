/**
 * The generated-files half of the key-deletion-protection-off rail: every KMS key and replica key
 * resource, in HCL and in CDKTF JSON, must carry lifecycle prevent_destroy = true.
 */
import { loadResolved } from '../../src/pipeline';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import { deletionWindowFindings, preventDestroyFindings } from '../../src/safety/output';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('the output of every example carries prevent_destroy on each key and replica (typical has replicas)', async () => {
  for (const example of ['examples/minimal.yaml', 'examples/typical.yaml', 'examples/enterprise.yaml']) {
    const { ir } = loadResolved(path.join(ROOT, example));
    const files = new Map([...emitHcl(ir), ...synthCdktf(ir)]);
    const replicas = [...files.values()].filter((c) => c.includes('"aws_kms_replica_key"'));
    if (example.endsWith('typical.yaml')) expect(replicas.length).toBeGreaterThan(0);
    expect({ example, findings: await preventDestroyFindings(files) }).toEqual({ example, findings: [] });
    expect(deletionWindowFindings(ir)).toEqual([]);
  }
});

test('fails if a CDKTF replica key has no lifecycle', async () => {
  const stack = { resource: { aws_kms_key: { k: { lifecycle: { prevent_destroy: true } } }, aws_kms_replica_key: { r: { primary_key_arn: 'x' } } } };
  expect(await preventDestroyFindings(new Map([['cdktf/stacks/management/cdk.tf.json', JSON.stringify(stack)]]))).toEqual([
    {
      file: 'cdktf/stacks/management/cdk.tf.json',
      message:
        'generated resource aws_kms_replica_key.r in cdktf/stacks/management/cdk.tf.json has no lifecycle prevent_destroy = true, so terraform destroy would delete the key',
    },
  ]);
});

test.each([
  ['no lifecycle block', 'resource "aws_kms_key" "this" {\n  description = "k"\n}\n'],
  ['a lifecycle without prevent_destroy', 'resource "aws_kms_key" "this" {\n  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n'],
  ['prevent_destroy = false', 'resource "aws_kms_key" "this" {\n  lifecycle {\n    prevent_destroy = false\n  }\n}\n'],
])('fails if an HCL key has %s', async (_what, hcl) => {
  const findings = await preventDestroyFindings(new Map([['hcl/modules/k/main.tf', hcl]]));
  expect(findings.map((f) => f.message)).toEqual([
    'generated resource aws_kms_key.this in hcl/modules/k/main.tf has no lifecycle prevent_destroy = true, so terraform destroy would delete the key',
  ]);
});
