/**
 * The generated S3 backend under real Terraform against the emulator's S3, STS and KMS: `terraform
 * init` accepts the generated backend block (use_lockfile, assume_role, kms_key_id, encrypt) with
 * only the emulator's endpoints added through `-backend-config`; state written through it lands
 * at the unit's key, encrypted with the model's key; and a lock file at `<key>.tflock` (what
 * use_lockfile creates) stops another run from taking the state.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { stringify } from 'yaml';
import { hclString } from '../../src/emit/hcl/private/escape';
import type { UnitsFile } from '../../src/emit/apply-order';
import { loadResolved } from '../../src/pipeline';
import { memberModel } from '../fixtures/member-model';
import { runCli } from '../support/cli';
import { terraform, terraformOk } from '../support/terraform';
import { describeWithEmulator, seedFromModel, startEmulator, type Emulator } from './support/emulator';

const BUCKET = 'idcgen-state';
const STATE_ROLE = 'arn:aws:iam::111111111111:role/TerraformState';

/** An S3 call through boto3 (moto's own dependency) at the emulator. */
function s3(emulator: Emulator, script: string): string {
  const res = spawnSync('python3', ['-c', `import boto3, json, sys\ns3 = boto3.client('s3', region_name='eu-west-1')\n${script}`], {
    encoding: 'utf8',
    env: { ...process.env, ...emulator.sdkEnv() },
  });
  if (res.status !== 0) throw new Error(`boto3 failed: ${res.stderr}`);
  return res.stdout.trim();
}

describeWithEmulator(
  'the generated S3 backend',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-s3-backend-'));
    let emulator: Emulator;
    let root: string;
    let key: string;
    let keyArn: string;

    beforeAll(async () => {
      const model = { ...memberModel(), deployment: { backend: { type: 's3', bucket: BUCKET, keyPrefix: 'idc', roleArn: STATE_ROLE } } };
      fs.writeFileSync(path.join(dir, 'seed.yaml'), stringify(model));
      emulator = await startEmulator(seedFromModel(loadResolved(path.join(dir, 'seed.yaml')).ir), dir);
      const created = await emulator.clients('eu-west-1').kms.send(new CreateKeyCommand({ Description: 'state' }));
      keyArn = created.KeyMetadata!.Arn!;
      s3(emulator, `s3.create_bucket(Bucket='${BUCKET}', CreateBucketConfiguration={'LocationConstraint': 'eu-west-1'})`);

      const file = path.join(dir, 'org.yaml');
      fs.writeFileSync(file, stringify({ ...model, deployment: { backend: { ...model.deployment.backend, kmsKeyId: keyArn } } }));
      expect((await runCli(['generate', file, '--out', path.join(dir, 'out'), '--format', 'hcl'])).code).toBe(0);
      const units = JSON.parse(fs.readFileSync(path.join(dir, 'out/hcl/units.json'), 'utf8')) as UnitsFile;
      const unit = units.units.find((u) => u.name === 'account-prod-app')!;
      root = path.join(dir, 'out/hcl', unit.dir);
      key = unit.backend.type === 's3' ? unit.backend.key : '';
      // Only where the emulator is: endpoints and its deployer key (everything else as generated).
      const { endpoint, credentials } = emulator;
      fs.writeFileSync(
        path.join(dir, 'emulator.s3.tfbackend'),
        [
          `endpoints = { s3 = ${hclString(endpoint)}, sts = ${hclString(endpoint)}, iam = ${hclString(endpoint)} }`,
          'use_path_style              = true',
          'skip_credentials_validation = true',
          'skip_requesting_account_id  = true',
          'skip_metadata_api_check     = true',
          `access_key                  = ${hclString(credentials.accessKeyId)}`,
          `secret_key                  = ${hclString(credentials.secretAccessKey)}`,
          '',
        ].join('\n'),
      );
      terraformOk(root, ['init', '-input=false', `-backend-config=${path.join(dir, 'emulator.s3.tfbackend')}`]);
    });

    afterAll(async () => {
      await emulator?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const emptyState = (serial: number): string => {
      const file = path.join(dir, `state-${serial}.json`);
      fs.writeFileSync(file, JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage: 'idcgen-e2e', outputs: {}, resources: [] }));
      return file;
    };

    test("state pushed through the backend lands at the unit's key, encrypted with the model's key", () => {
      expect(key).toBe('idc/account-prod-app/terraform.tfstate');
      terraformOk(root, ['state', 'push', emptyState(1)]);
      const head = JSON.parse(s3(emulator, `print(json.dumps(s3.head_object(Bucket='${BUCKET}', Key='${key}'), default=str))`)) as {
        ServerSideEncryption?: string;
        SSEKMSKeyId?: string;
      };
      expect(head.ServerSideEncryption).toBe('aws:kms');
      expect(head.SSEKMSKeyId).toBe(keyArn);
      // the lock file is gone once the run is over
      expect(s3(emulator, `print(s3.list_objects_v2(Bucket='${BUCKET}').get('KeyCount'))`)).toBe('1');
    });

    test('a lock file at <key>.tflock stops another run from taking the state', () => {
      const lock = JSON.stringify({
        ID: 'held-by-another-run',
        Operation: 'OperationTypeApply',
        Who: 'ci',
        Version: '1.11.4',
        Created: '2026-01-01T00:00:00Z',
        Path: `${BUCKET}/${key}`,
      });
      s3(emulator, `s3.put_object(Bucket='${BUCKET}', Key='${key}.tflock', Body=${JSON.stringify(lock)})`);
      const res = terraform(root, ['state', 'push', '-lock-timeout=0s', '-no-color', emptyState(2)]);
      expect(res.code).not.toBe(0);
      expect(`${res.stdout}${res.stderr}`).toContain('Error acquiring the state lock');
      expect(`${res.stdout}${res.stderr}`).toContain('held-by-another-run');
    });
  },
  { terraform: true },
);
