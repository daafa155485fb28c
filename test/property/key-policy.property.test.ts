/**
 * Property: for every valid model, every key policy (in the resolved model, and as rendered in the
 * synthesized CDKTF stacks for the key and each replica) keeps the Identity Center and Identity
 * Store service statements and a key administrator, and every "Principal": "*" statement names the
 * organization or account it admits. The invariants are written from the AWS documentation in
 * support/key-policy-checks.ts, independent of the policy engine and its lint.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { synthCdktf } from '../../src/emit/cdktf';
import { loadResolved } from '../../src/pipeline';
import { validModel } from '../support/arbitraries';
import { keyPolicyProblems, type KeyPolicy } from './support/key-policy-checks';
import { runs } from './support/settings';
import { useWorkdir, writeModel } from './support/generate';

const workdir = useWorkdir('property-key-policy');

/** Every key policy a synthesized stack sets: `aws_kms_key_policy` and `aws_kms_replica_key` resources. */
function renderedPolicies(files: ReadonlyMap<string, string>): { where: string; policy: KeyPolicy }[] {
  const out: { where: string; policy: KeyPolicy }[] = [];
  for (const [p, content] of files) {
    if (!p.endsWith('cdk.tf.json')) continue;
    const resources = (JSON.parse(content) as { resource?: Record<string, Record<string, { policy?: string }>> }).resource ?? {};
    for (const type of ['aws_kms_key_policy', 'aws_kms_replica_key', 'aws_kms_key']) {
      for (const [id, r] of Object.entries(resources[type] ?? {})) {
        if (typeof r.policy === 'string') out.push({ where: `${p} ${type}.${id}`, policy: JSON.parse(r.policy) as KeyPolicy });
      }
    }
  }
  return out;
}

test('every key policy keeps the service statements and an administrator, and scopes "Principal": "*"', () => {
  fc.assert(
    fc.property(validModel(), (model) => {
      const file = writeModel(path.join(workdir(), 'org.yaml'), model);
      const { ir } = loadResolved(file);
      expect(ir.keys.length).toBe(model.keys?.length);
      for (const key of ir.keys) {
        expect({ key: key.name, problems: keyPolicyProblems(key.keyPolicy as unknown as KeyPolicy) }).toEqual({ key: key.name, problems: [] });
      }
      // one policy per key and one per replica, each rendered from the same document
      const rendered = renderedPolicies(synthCdktf(ir));
      expect(rendered).toHaveLength(ir.keys.reduce((n, k) => n + 1 + k.replicaRegions.length, 0));
      for (const { where, policy } of rendered) expect({ where, problems: keyPolicyProblems(policy) }).toEqual({ where, problems: [] });
      fs.rmSync(file);
    }),
    runs(50, 1000),
  );
});
