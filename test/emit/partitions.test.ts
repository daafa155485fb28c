/**
 * One partition per output (issue 14 §4): a GovCloud model generated a key policy mixing
 * `arn:aws-us-gov:iam::…:root` with `arn:aws:identitystore::…`, because the emitters and import
 * wrote `arn:aws:` themselves. Every ARN now comes from src/model/arns.ts with the partition of the
 * Identity Center Region; this test reads every file `generate` writes (both emitters, review.md)
 * for a GovCloud and a China model, with the instance given and looked up, and finds no ARN of
 * another partition. The model side is closed too: a model ARN of another partition is refused.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/cli';

const ROOT = path.resolve(__dirname, '../..');

/** typical.yaml moved into another partition, plus a least-privilege key whose principals live in member accounts. */
function model(region: string, replica: string, partition: string, lookup: boolean): string {
  const typical = fs
    .readFileSync(path.join(ROOT, 'examples/typical.yaml'), 'utf8')
    .replace(/arn:aws:/g, `arn:${partition}:`)
    .replace('region: eu-west-1', `region: ${region}`)
    .replace('replicaRegions: [eu-central-1]', `replicaRegions: [${replica}]`)
    .replace('    key: identity-center\n', '    key: identity-center\n    manage: true\n');
  const withoutIds = lookup ? typical.replace(/^ {2}(instanceArn|identityStoreId): .*\n/gm, '') : typical;
  return `${withoutIds}
  - name: workloads
    policyProfile: least-privilege
    multiRegion: true
    replicaRegions: [${replica}]
    administrators: [{ permissionSet: IdentityCenterAdmin, account: management }]
    useCases:
      - identity-center-admins: { principals: [{ permissionSet: IdentityCenterAdmin, account: management }, { accountRoot: security }] }
      - delegated-admins: { principals: [{ permissionSet: DelegatedAdmin, account: security }] }
      - custom-workflows: { principals: [{ role: arn:${partition}:iam::333333333333:role/Pipeline }, { permissionSet: Developer, account: dev-app }] }
      - managed-application-admins: { principals: [{ role: arn:${partition}:iam::555555555555:role/AppAdmin }] }
      - restrict-to-instance: {}
`;
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-partitions-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every file below `dir`, relative path → text. */
function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe.each([
  ['GovCloud', 'us-gov-west-1', 'us-gov-east-1', 'aws-us-gov'],
  ['China', 'cn-north-1', 'cn-northwest-1', 'aws-cn'],
])('a %s model', (name, region, replica, partition) => {
  test.each([
    ['with the instance in the model', false],
    ['with the instance looked up', true],
  ])(`every ARN in every generated file is in ${partition} (%s)`, async (_how, lookup) => {
    // GIVEN the model in that partition
    const dir = path.join(tmp, `${name}-${lookup}`);
    fs.mkdirSync(dir);
    const file = path.join(dir, 'org.yaml');
    fs.writeFileSync(file, model(region, replica, partition, lookup));
    // WHEN generating both emitters and review.md
    const res = await runCli(['generate', file, '--out', path.join(dir, 'out')]);
    expect(res.stderr).not.toMatch(/error/);
    expect(res.code).toBe(0);
    // THEN the output names ARNs (key policies, identity policies, providers, the encryption step) ...
    const out = files(path.join(dir, 'out'));
    const arns = [...out].flatMap(([f, text]) =>
      [...text.matchAll(/arn:([a-z0-9*${}-]*):([a-z0-9*-]*):/g)].map((m) => ({ file: f, arn: m[0], partition: m[1], service: m[2] })),
    );
    expect(arns.length).toBeGreaterThan(50);
    const services = new Set(arns.map((a) => a.service));
    for (const service of ['iam', 'kms', 'identitystore', ...(lookup ? [] : ['sso'])]) expect([service, services.has(service)]).toEqual([service, true]);
    // ... every one of them in the model's partition
    expect(arns.filter((a) => a.partition !== partition)).toEqual([]);
  });
});

test.each([
  [
    'a managed policy',
    (m: string) => m.replace('managedPolicies: [arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess]', 'managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]'),
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess',
  ],
  [
    'a key principal role',
    (m: string) => m.replace('role: arn:aws-us-gov:iam::333333333333:role/Pipeline', 'role: arn:aws:iam::333333333333:role/Pipeline'),
    'arn:aws:iam::333333333333:role/Pipeline',
    'arn:aws-us-gov:iam::333333333333:role/Pipeline',
  ],
  [
    'the instance',
    (m: string) => m.replace('instanceArn: arn:aws-us-gov:sso:::', 'instanceArn: arn:aws:sso:::'),
    'arn:aws:sso:::instance/ssoins-1111222233334444',
    'arn:aws-us-gov:sso:::instance/ssoins-1111222233334444',
  ],
])('fails if a GovCloud model names %s in the commercial partition, at its position', async (_what, edit, found, fix) => {
  const file = path.join(tmp, `mixed-${_what.replace(/\W/g, '')}.yaml`);
  const text = edit(model('us-gov-west-1', 'us-gov-east-1', 'aws-us-gov', false));
  fs.writeFileSync(file, text);
  const res = await runCli(['validate', file]);
  const offset = text.indexOf(found);
  const line = text.slice(0, offset).split('\n').length;
  const col = offset - text.lastIndexOf('\n', offset - 1);
  expect(res.stderr).toBe(
    `${file}:${line}:${col}: arn '${found}' is in partition aws, but the identity center region us-gov-west-1 is in partition aws-us-gov; use ${fix}\n`,
  );
  expect(res.code).toBe(1);
});
