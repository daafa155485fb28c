/**
 * Deployment settings of the model that reach every root: the S3 backend (lock file, state role,
 * state key) and the plan-only role of member accounts. Bad values fail validation at their
 * position; good ones reach both emitters alike, parse with HashiCorp's HCL parser and pass
 * `terraform validate` in the HCL root and the CDKTF stack.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { stringify } from 'yaml';
import { memberModel } from '../fixtures/member-model';
import { runCli } from '../support/cli';
import { describeWithTerraform, terraformOk } from '../support/terraform';

const STATE_KEY = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const STATE_ROLE = 'arn:aws:iam::111111111111:role/TerraformState';

function withDeployment(deployment: unknown): string {
  return stringify({ ...memberModel(), deployment });
}

describe('deployment settings', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-deploy-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test.each([
    [
      'planRoleName',
      { planRoleName: 'Read Only' },
      "planRoleName 'Read Only' is not valid; expected letters, digits and _+=,.@- only, e.g. OrganizationAccountAccessRole",
    ],
    ['planRoleName length', { planRoleName: 'R'.repeat(65) }, `planRoleName '${'R'.repeat(57)}...' is 65 characters long; allowed 1..64 (IAM role name)`],
    [
      'backend roleArn',
      { backend: { type: 's3', bucket: 'b', roleArn: 'arn:aws:iam::111:role/X' } },
      "backend roleArn 'arn:aws:iam::111:role/X' is not valid; expected a role arn such as arn:aws:iam::111111111111:role/Name",
    ],
    [
      'backend kmsKeyId',
      { backend: { type: 's3', bucket: 'b', kmsKeyId: 'alias/state' } },
      "backend kmsKeyId 'alias/state' is not valid; expected a kms key or alias arn such as arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    ],
    [
      'encrypt false with a key',
      { backend: { type: 's3', bucket: 'b', encrypt: false, kmsKeyId: STATE_KEY } },
      'backend encrypt: false contradicts kmsKeyId, which encrypts state with that key; remove one',
    ],
  ])('fails if %s is wrong, at its position, and writes nothing', async (name, deployment, message) => {
    const file = write(`${name.replace(/\W/g, '-')}.yaml`, withDeployment(deployment));
    const out = path.join(dir, `out-${name.replace(/\W/g, '-')}`);
    const res = await runCli(['generate', file, '--out', out]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    expect(
      res.stderr
        .trim()
        .split('\n')
        .map((l) => l.replace(/^.*?:\d+:\d+: /, '')),
    ).toEqual([message]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('warns that dynamodbTable is deprecated, at the key, and still writes it for the migration', async () => {
    const file = write('dynamodb.yaml', withDeployment({ backend: { type: 's3', bucket: 'state', dynamodbTable: 'locks' } }));
    const out = path.join(dir, 'out-dynamodb');
    const res = await runCli(['generate', file, '--out', out, '--format', 'hcl']);
    expect(res.code).toBe(0);
    const line = (
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('dynamodbTable')) + 1
    ).toString();
    expect(res.stderr).toContain(
      `${file}:${line}:5: warning: backend dynamodbTable 'locks' is deprecated: terraform >= 1.10 locks state with a lock file in the bucket (use_lockfile, which idcgen always sets); keep it only while runs older than 1.10 remain, then remove it`,
    );
    const backend = await parseHcl('backend.tf', fs.readFileSync(path.join(out, 'hcl/management/backend.tf'), 'utf8'));
    expect(backend.terraform[0].backend.s3[0]).toMatchObject({ use_lockfile: true, dynamodb_table: 'locks' });
  });

  describe('an S3 backend with a state role and key, and a plan-only role', () => {
    const file = write(
      'settings.yaml',
      withDeployment({
        roleName: 'IdcgenApply',
        planRoleName: 'IdcgenPlan',
        backend: { type: 's3', bucket: 'state', keyPrefix: 'idc', roleArn: STATE_ROLE, kmsKeyId: STATE_KEY },
      }),
    );
    const out = path.join(dir, 'out-settings');
    beforeAll(async () => {
      const res = await runCli(['generate', file, '--out', out]);
      expect(res.code).toBe(0);
      expect(res.stderr).not.toMatch(/deployment|backend|role/);
    });

    test('every HCL root locks state with a lock file, assumes the state role, encrypts with the key and requires Terraform 1.10', async () => {
      const roots = fs.readdirSync(path.join(out, 'hcl')).filter((d) => fs.existsSync(path.join(out, 'hcl', d, 'backend.tf')));
      expect(roots).toEqual(['account-prod-app', 'assignments', 'management']);
      for (const unit of roots) {
        const backend = await parseHcl('backend.tf', fs.readFileSync(path.join(out, 'hcl', unit, 'backend.tf'), 'utf8'));
        expect(backend.terraform[0].backend.s3[0]).toEqual({
          bucket: 'state',
          key: `idc/${unit}/terraform.tfstate`,
          region: 'eu-west-1',
          use_lockfile: true,
          encrypt: true,
          kms_key_id: STATE_KEY,
          assume_role: { role_arn: STATE_ROLE },
        });
        const versions = await parseHcl('versions.tf', fs.readFileSync(path.join(out, 'hcl', unit, 'versions.tf'), 'utf8'));
        expect(versions.terraform[0].required_version).toBe('>= 1.10.0');
      }
    });

    test('the CDKTF stacks carry the same backend', () => {
      const stack = JSON.parse(fs.readFileSync(path.join(out, 'cdktf/stacks/account-prod-app/cdk.tf.json'), 'utf8'));
      expect(stack.terraform.backend.s3).toEqual({
        bucket: 'state',
        key: 'idc/account-prod-app/terraform.tfstate',
        region: 'eu-west-1',
        use_lockfile: true,
        encrypt: true,
        kms_key_id: STATE_KEY,
        assume_role: { role_arn: STATE_ROLE },
      });
    });

    test('member providers assume the plan role while idcgen_plan is true, the apply role otherwise; management providers assume nothing', async () => {
      const providers = await parseHcl('providers.tf', fs.readFileSync(path.join(out, 'hcl/account-prod-app/providers.tf'), 'utf8'));
      expect(providers.variable.idcgen_plan[0]).toMatchObject({ type: '${bool}', default: false });
      const member = providers.provider.aws.find((p: { alias?: string }) => p.alias === undefined);
      expect(member.assume_role).toEqual([
        { role_arn: '${var.idcgen_plan ? "arn:aws:iam::333333333333:role/IdcgenPlan" : "arn:aws:iam::333333333333:role/IdcgenApply"}' },
      ]);
      const mgmt = await parseHcl('providers.tf', fs.readFileSync(path.join(out, 'hcl/management/providers.tf'), 'utf8'));
      expect(mgmt.variable).toBeUndefined();
      expect(mgmt.provider.aws.every((p: object) => !('assume_role' in p))).toBe(true);

      const stack = JSON.parse(fs.readFileSync(path.join(out, 'cdktf/stacks/account-prod-app/cdk.tf.json'), 'utf8'));
      expect(stack.variable.idcgen_plan).toMatchObject({ type: 'bool', default: false });
      const cdkMember = stack.provider.aws.find((p: { alias?: string }) => p.alias === undefined);
      expect(cdkMember.assume_role).toEqual([
        { role_arn: '${var.idcgen_plan ? "arn:aws:iam::333333333333:role/IdcgenPlan" : "arn:aws:iam::333333333333:role/IdcgenApply"}' },
      ]);
    });

    test('without planRoleName a member root has no plan variable and one role', async () => {
      const plain = write('plain.yaml', withDeployment({ roleName: 'IdcgenApply' }));
      const plainOut = path.join(dir, 'out-plain');
      expect((await runCli(['generate', plain, '--out', plainOut, '--format', 'hcl'])).code).toBe(0);
      const providers = await parseHcl('providers.tf', fs.readFileSync(path.join(plainOut, 'hcl/account-prod-app/providers.tf'), 'utf8'));
      expect(providers.variable).toBeUndefined();
      expect(providers.provider.aws[0].assume_role).toEqual([{ role_arn: 'arn:aws:iam::333333333333:role/IdcgenApply' }]);
    });

    describeWithTerraform('under Terraform', () => {
      test.each(['hcl/account-prod-app', 'cdktf/stacks/account-prod-app'])('%s passes init -backend=false and validate', (rel) => {
        terraformOk(path.join(out, rel), ['init', '-backend=false', '-input=false']);
        terraformOk(path.join(out, rel), ['validate']);
      });
    });
  });
});
