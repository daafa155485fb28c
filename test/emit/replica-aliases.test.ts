/**
 * Replica keys get the primary's alias in their own Region (issue 14 §4): aliases are Regional, so
 * a replica without one cannot be found as `alias/<name>` where it lives. Both emitters create it
 * with the replica Region's provider, on the replica key; the plans of both are compared by the
 * equivalence test, and the HCL root's plan is asserted in test/emit/hcl/terraform.test.ts.
 */
import { parse } from '@cdktf/hcl2json';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import { typicalModel } from './hcl/fixtures/typical-ir';

const ir = typicalModel();
const key = ir.keys.find((k) => k.replicaRegions.length > 0)!;

test('the fixture has a key with a replica', () => {
  expect(key.replicaRegions).toEqual(['eu-central-1']);
});

test('HCL: each replica module call passes the primary alias, with the replica Region provider', async () => {
  const main = emitHcl(ir).get('hcl/management/main.tf')!;
  const modules = (await parse('main.tf', main)).module as Record<string, { source: string; alias?: string; providers?: Record<string, string> }[]>;
  const replicas = Object.entries(modules).filter(([, [m]]) => m.source.endsWith('identity-center-key/modules/replica'));
  expect(replicas.map(([, [m]]) => ({ alias: m.alias, providers: m.providers }))).toEqual([{ alias: key.alias, providers: { aws: '${aws.eu_central_1}' } }]);
});

test('CDKTF: one aws_kms_alias per replica, named as the primary, on the replica key, with the replica Region provider', () => {
  const stack = JSON.parse(synthCdktf(ir).get('cdktf/stacks/management/cdk.tf.json')!) as {
    resource: Record<string, Record<string, Record<string, unknown>>>;
    provider: { aws: { alias?: string; region: string }[] };
  };
  const aliases = Object.entries(stack.resource.aws_kms_alias).filter(([, a]) => a.name === key.alias);
  const replicas = stack.resource.aws_kms_replica_key;
  const replicaProvider = `aws.${stack.provider.aws.find((p) => p.region === 'eu-central-1')!.alias}`;
  const onReplica = aliases.filter(([, a]) => a.provider === replicaProvider);
  expect(onReplica).toHaveLength(1);
  const [, alias] = onReplica[0];
  const [replicaName] = Object.entries(replicas).find(([, r]) => r.provider === replicaProvider)!;
  expect(alias.target_key_id).toBe(`\${aws_kms_replica_key.${replicaName}.key_id}`);
  // and the primary keeps its own alias in the Identity Center Region
  expect(aliases.filter(([, a]) => a.provider === undefined)).toHaveLength(1);
});
