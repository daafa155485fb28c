/**
 * Regions come from the partition metadata the AWS SDK ships (src/model/regions.ts), never from a
 * list written in idcgen: `replicaRegions: [eu-centrl-1]` used to validate and generate, failing only
 * at apply. A Region the SDK does not list is refused with "did you mean", and a replica outside the
 * Identity Center Region's partition is refused (a multi-Region key replicates within its partition).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { partition as sdkPartition } from '@aws-sdk/core/client';
import { knownRegions, partitionOf, partitions } from '../../src/model/regions';
import { runCli } from '../support/cli';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-regions-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('partition metadata', () => {
  test('every Region read from the SDK data resolves to the same partition through the SDK itself', () => {
    const regions = knownRegions();
    expect(regions).toEqual(
      expect.arrayContaining(['eu-west-1', 'eu-central-1', 'us-east-1', 'us-gov-west-1', 'us-gov-east-1', 'cn-north-1', 'cn-northwest-1']),
    );
    for (const r of regions) {
      const sdk = sdkPartition(r) as { name: string; description?: string };
      // the SDK adds a description only for Regions its partitions list
      expect([r, partitionOf(r), typeof sdk.description]).toEqual([r, sdk.name, 'string']);
    }
  });

  test('the SDK knows nothing of a misspelt Region beyond its pattern: it must be refused here', () => {
    expect(knownRegions()).not.toContain('eu-centrl-1');
    expect((sdkPartition('eu-centrl-1') as { description?: string }).description).toBeUndefined();
  });

  test('partitions carry their ARN id and endpoint domain', () => {
    const byId = new Map(partitions().map((p) => [p.id, p.dnsSuffix]));
    expect([byId.get('aws'), byId.get('aws-us-gov'), byId.get('aws-cn')]).toEqual(['amazonaws.com', 'amazonaws.com', 'amazonaws.com.cn']);
  });
});

function model(region: string, replicas: string, backendRegion = region): string {
  return `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: ${region} }
deployment: { backend: { type: s3, bucket: state, region: ${backendRegion} } }
accounts:
  - { name: management, id: "111111111111", ou: Root }
keys:
  - name: k
    replicaRegions: [${replicas}]
`;
}

async function validate(text: string): Promise<{ code: number; stderr: string }> {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, text);
  const res = await runCli(['validate', file]);
  return { code: res.code, stderr: res.stderr.split(`${file}:`).join('') };
}

test.each([
  [
    'the identity center region',
    model('eu-centrl-1', 'eu-west-1', 'eu-west-1'),
    "3:27: region 'eu-centrl-1' is not a region the aws sdk knows (did you mean 'eu-central-1'?)\n",
  ],
  [
    'the backend region',
    model('eu-west-1', 'eu-north-1', 'us-eats-1'),
    "4:59: backend region 'us-eats-1' is not a region the aws sdk knows (did you mean 'us-east-1'?)\n",
  ],
  [
    'a replica region',
    model('eu-west-1', 'eu-centrl-1'),
    "9:22: replica region 'eu-centrl-1' is not a region the aws sdk knows (did you mean 'eu-central-1'?)\n",
  ],
])('fails if %s is misspelt, suggesting the listed Region', async (_what, text, expected) => {
  expect(await validate(text)).toEqual({ code: 1, stderr: expected });
});

test('fails if a Region of the right shape is close to none, listing the Regions of its partition', async () => {
  const res = await validate(model('eu-west-1', 'cn-south-7'));
  expect(res).toEqual({
    code: 1,
    stderr: "9:22: replica region 'cn-south-7' is not a region the aws sdk knows; allowed in partition aws-cn: cn-north-1, cn-northwest-1\n",
  });
});

test('fails if a replica is in another partition than the identity center region', async () => {
  const res = await validate(model('us-gov-west-1', 'us-east-1'));
  expect(res).toEqual({
    code: 1,
    stderr:
      "9:22: replica region 'us-east-1' is in partition aws, but the identity center region us-gov-west-1 is in partition aws-us-gov; aws keeps partitions apart, so use a region of aws-us-gov\n",
  });
});

test.each([
  ['eu-west-1', 'eu-central-1, eu-north-1'],
  ['us-gov-west-1', 'us-gov-east-1'],
  ['cn-north-1', 'cn-northwest-1'],
])('a model in %s with replicas in %s validates', async (region, replicas) => {
  const res = await validate(model(region, replicas));
  expect(res.code).toBe(0);
});
