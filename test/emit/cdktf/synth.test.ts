import * as os from 'node:os';
import * as path from 'node:path';
import { synthCdktf } from '../../../src/emit/cdktf';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';

describe('synthCdktf', () => {
  test('returns the manifest and one cdk.tf.json per deployment unit, and nothing else', () => {
    expect([...synthCdktf(fullIr).keys()].sort()).toEqual([
      'cdktf/manifest.json',
      'cdktf/stacks/account-prod-app/cdk.tf.json',
      'cdktf/stacks/account-security/cdk.tf.json',
      'cdktf/stacks/assignments-1/cdk.tf.json',
      'cdktf/stacks/assignments-2/cdk.tf.json',
      'cdktf/stacks/management/cdk.tf.json',
    ]);
  });

  test.each([
    ['full', fullIr],
    ['minimal', minimalIr],
  ])('%s: two runs give the same bytes', (_name, ir) => {
    expect(synthCdktf(ir)).toEqual(synthCdktf(ir));
  });

  test.each([
    ['full', fullIr],
    ['minimal', minimalIr],
  ])('%s: no absolute path of this machine in any file', (_name, ir) => {
    const text = [...synthCdktf(ir).values()].join('\n');
    for (const dir of [os.tmpdir(), process.cwd(), os.homedir(), path.resolve(__dirname, '../../..')]) {
      expect(text).not.toContain(dir);
    }
    expect(text).not.toMatch(/"stackTrace"|idcgen-cdktf-/);
  });

  test('cdk.tf.json carries IAM policy variables escaped as $${...}, which Terraform reads as ${...}', () => {
    // cdktf writes plain strings as they are; without escaping, Terraform would try to
    // interpolate ${aws:ResourceAccount} and fail. The raw file text is what Terraform reads.
    const management = synthCdktf(fullIr).get('cdktf/stacks/management/cdk.tf.json')!;
    expect(management).toContain('\\"aws:SourceAccount\\":\\"$${aws:ResourceAccount}\\"');
    expect(management).toContain('secret:$${aws:username}-*');
    expect(management).not.toMatch(/[^$]\$\{aws:/);
  });

  test("the manifest names each stack's relative directory and its dependencies", () => {
    const manifest = JSON.parse(synthCdktf(minimalIr).get('cdktf/manifest.json')!);
    expect(manifest.stacks.assignments).toMatchObject({
      name: 'assignments',
      dependencies: ['management'],
      synthesizedStackPath: 'stacks/assignments/cdk.tf.json',
      workingDirectory: 'stacks/assignments',
    });
  });
});
