import {
  App,
  AwsProvider,
  DataAwsKmsAlias,
  DataAwsSsoadminInstances,
  DataAwsSsoadminPermissionSet,
  IamPolicy,
  SsoadminAccountAssignment,
  TerraformStack,
  Testing,
} from '../../../src/emit/cdktf/cdktf';
import { buildStacks } from '../../../src/emit/cdktf';
import type { DeploymentUnit, ResolvedModel, S3Backend } from '../../../src/model/ir';
import { fullIr } from '../../fixtures/ir/full';
import { minimalIr } from '../../fixtures/ir/minimal';
import { blocks } from './helpers';

function build(ir: ResolvedModel): { app: App; stacks: Map<string, TerraformStack> } {
  const app = Testing.app();
  buildStacks(app, ir);
  const stacks = new Map(app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack).map((s) => [s.node.id, s]));
  return { app, stacks };
}

function synthOf(ir: ResolvedModel, unit: string): string {
  const stack = build(ir).stacks.get(unit);
  if (!stack) throw new Error(`no stack ${unit}`);
  return Testing.synth(stack);
}

const terraformBlock = (s: string) => JSON.parse(s).terraform;

describe('buildStacks', () => {
  test('builds one stack per deployment unit, named after the unit', () => {
    expect([...build(fullIr).stacks.keys()].sort()).toEqual(fullIr.units.map((u) => u.name).sort());
  });

  test('orders deploys: member stacks after management, shards after management and the members of their accounts', () => {
    const { stacks } = build(fullIr);
    const deps = (name: string) => stacks.get(name)!.dependencies.map((d) => (d as TerraformStack).node.id);
    expect(deps('management')).toEqual([]);
    expect(deps('account-security')).toEqual(['management']);
    expect(deps('account-prod-app')).toEqual(['management']);
    // assignments-1 reaches prod-app and security; assignments-2 reaches management and prod-app.
    expect(deps('assignments-1')).toEqual(['management', 'account-prod-app', 'account-security']);
    expect(deps('assignments-2')).toEqual(['management', 'account-prod-app']);
  });

  test('fails if the model has no management unit', () => {
    expect(() => buildStacks(Testing.app(), { ...fullIr, units: fullIr.units.slice(1) })).toThrow('expected one management unit, found 0');
  });
});

describe('every stack', () => {
  test.each(fullIr.units.map((u) => u.name))('%s admits AWS provider 5.100 and 6.x and keeps state in S3 under its own key, locked by a lock file', (unit) => {
    expect(terraformBlock(synthOf(fullIr, unit))).toEqual({
      backend: {
        s3: {
          bucket: 'idcgen-state',
          key: `idc/${unit}/terraform.tfstate`,
          region: 'eu-west-1',
          dynamodb_table: 'idcgen-locks',
          encrypt: true,
          use_lockfile: true,
        },
      },
      required_providers: { aws: { source: 'aws', version: '>= 5.100.0, < 7.0.0' } },
      required_version: '>= 1.10.0',
    });
  });

  test('the S3 backend assumes backend.roleArn and encrypts state with backend.kmsKeyId when the model names them', () => {
    const kmsKeyId = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const roleArn = 'arn:aws:iam::111111111111:role/StateAccess';
    const backend = { ...(fullIr.deployment.backend as S3Backend), kmsKeyId, roleArn };
    const ir = { ...fullIr, deployment: { ...fullIr.deployment, backend } };
    expect(terraformBlock(synthOf(ir, 'management')).backend.s3).toMatchObject({
      kms_key_id: kmsKeyId,
      assume_role: { role_arn: roleArn },
      use_lockfile: true,
    });
    expect(terraformBlock(synthOf(ir, 'management')).backend.s3).not.toHaveProperty('role_arn');
  });

  test('the local backend path is relative, so output does not depend on the working directory', () => {
    expect(terraformBlock(synthOf(minimalIr, 'management')).backend).toEqual({ local: { path: 'terraform.tfstate' } });
  });
});

describe('ManagementStack', () => {
  test('works in the Identity Center Region, in the management account only, with one provider per replica Region', () => {
    const s = synthOf(fullIr, 'management');
    expect(JSON.parse(s).provider.aws).toEqual([
      { region: 'eu-west-1', allowed_account_ids: ['111111111111'] },
      { alias: 'eu-central-1', region: 'eu-central-1', allowed_account_ids: ['111111111111'] },
      { alias: 'us-east-1', region: 'us-east-1', allowed_account_ids: ['111111111111'] },
    ]);
  });

  test('looks the instance up when the model does not give it, and uses the literals when it does', () => {
    expect(synthOf(fullIr, 'management')).toHaveDataSource(DataAwsSsoadminInstances);
    const minimal = synthOf(minimalIr, 'management');
    expect(minimal).not.toHaveDataSource(DataAwsSsoadminInstances);
    expect(minimal).toContain('"instance_arn": "arn:aws:sso:::instance/ssoins-1111222233334444"');
    expect(minimal).toContain('"identity_store_id": "d-1111222233"');
  });

  test('holds no assignments: they live in the shards', () => {
    expect(synthOf(fullIr, 'management')).not.toHaveResource(SsoadminAccountAssignment);
  });
});

describe('MemberAccountStack', () => {
  test('assumes the deployment role in its account, and reads the management account through a second provider', () => {
    expect(JSON.parse(synthOf(fullIr, 'account-security')).provider.aws).toEqual([
      {
        region: 'eu-west-1',
        allowed_account_ids: ['222222222222'],
        assume_role: [{ role_arn: 'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole' }],
      },
      { alias: 'management', region: 'eu-west-1', allowed_account_ids: ['111111111111'] },
    ]);
  });

  test('reads the key id by alias from the management account and names all replicas in the identity policy', () => {
    const s = synthOf(fullIr, 'account-security');
    expect(s).toHaveDataSourceWithProperties(DataAwsKmsAlias, { name: 'alias/identity-center', provider: 'aws.management' });
    expect(s).toHaveResourceWithProperties(IamPolicy, {
      name: 'idcgen-identity-center-key-use',
      policy: expect.stringMatching(/"Resource":\["arn:aws:kms:\*:111111111111:key\/\$\{data\.aws_kms_alias\.[\w-]+\.target_key_id\}"\]/),
    });
  });

  test('reads nothing from the management account when its policies name no key', () => {
    const s = synthOf(fullIr, 'account-prod-app');
    expect(s).not.toHaveDataSource(DataAwsKmsAlias);
    expect(s).not.toHaveDataSource(DataAwsSsoadminInstances);
    expect(Object.values(blocks(s, 'aws_iam_policy')).map((p) => p.name)).toEqual(['BoundaryReadOnly', 'DevBoundary']);
  });

  test('reads the instance from the management account when a policy there names it', () => {
    // GIVEN a member policy conditioned on the (looked-up) instance ARN and identity store ARN
    const units = fullIr.units.map((u) =>
      u.name === 'account-prod-app'
        ? {
            ...u,
            customerManagedPolicies: [
              {
                name: 'ViaInstance',
                path: '/',
                document: {
                  Version: '2012-10-17' as const,
                  Statement: [
                    {
                      Effect: 'Allow' as const,
                      Action: 'kms:Decrypt',
                      Resource: '*',
                      Condition: {
                        StringEquals: {
                          'kms:EncryptionContext:aws:sso:instance-arn': { ref: 'instance-arn' as const },
                          'kms:EncryptionContext:aws:identitystore:identitystore-arn': { ref: 'identity-store-arn' as const },
                        },
                      },
                    },
                  ],
                },
              },
            ],
          }
        : u,
    );
    const s = synthOf({ ...fullIr, units }, 'account-prod-app');
    // THEN the look-up goes through the management provider, and the ARNs are built from it
    expect(s).toHaveDataSourceWithProperties(DataAwsSsoadminInstances, { provider: 'aws.management' });
    const policy = Object.values(blocks(s, 'aws_iam_policy')).find((p) => p.name === 'ViaInstance');
    const condition = JSON.parse(String(policy?.policy)).Statement[0].Condition.StringEquals;
    expect(condition['kms:EncryptionContext:aws:sso:instance-arn']).toMatch(/^\$\{one\(data\.aws_ssoadmin_instances\.[\w-]+\.arns\)\}$/);
    expect(condition['kms:EncryptionContext:aws:identitystore:identitystore-arn']).toMatch(
      /^arn:aws:identitystore::111111111111:identitystore\/\$\{one\(data\.aws_ssoadmin_instances\.[\w-]+\.identity_store_ids\)\}$/,
    );
  });

  test('fails if a member unit has no role to assume', () => {
    // a hand-made IR (a library user's) can break what the type says: the stack checks at run time
    const units = fullIr.units.map((u) => (u.name === 'account-security' ? ({ ...u, assumeRoleArn: undefined } as unknown as DeploymentUnit) : u));
    expect(() => buildStacks(Testing.app(), { ...fullIr, units })).toThrow('member unit account-security has no role to assume');
  });
});

describe('AssignmentsStack', () => {
  test('holds exactly the assignments of its shard', () => {
    expect(Object.keys(blocks(synthOf(fullIr, 'assignments-1'), 'aws_ssoadmin_account_assignment'))).toHaveLength(2);
    expect(Object.keys(blocks(synthOf(fullIr, 'assignments-2'), 'aws_ssoadmin_account_assignment'))).toHaveLength(3);
  });

  test('looks up permission sets and principals by name, only those its shard uses', () => {
    const s = synthOf(fullIr, 'assignments-1');
    expect(Object.values(blocks(s, 'aws_ssoadmin_permission_set', 'data')).map((d) => d.name)).toEqual(['ReadOnly']);
    expect(s).toHaveDataSourceWithProperties(DataAwsSsoadminPermissionSet, {
      name: 'ReadOnly',
      instance_arn: expect.stringMatching(/^\$\{one\(data\.aws_ssoadmin_instances\.[\w-]+\.arns\)\}$/),
    });
    expect(Object.keys(blocks(s, 'aws_identitystore_group', 'data'))).toHaveLength(1);
    expect(Object.keys(blocks(s, 'aws_identitystore_user', 'data'))).toHaveLength(0);
    expect(s).toHaveResourceWithProperties(SsoadminAccountAssignment, {
      permission_set_arn: expect.stringMatching(/^\$\{data\.aws_ssoadmin_permission_set\.[\w-]+\.arn\}$/),
      principal_id: expect.stringMatching(/^\$\{data\.aws_identitystore_group\.[\w-]+\.group_id\}$/),
    });
  });

  test("uses the management account's credentials in the Identity Center Region", () => {
    expect(synthOf(fullIr, 'assignments-2')).toHaveProviderWithProperties(AwsProvider, {
      region: 'eu-west-1',
      allowed_account_ids: ['111111111111'],
    });
  });

  test('fails if a shard holds an assignment the model does not have', () => {
    const units = fullIr.units.map((u) => (u.name === 'assignments-1' ? { ...u, assignmentKeys: ['GROUP/X/Y/z'] } : u));
    expect(() => buildStacks(Testing.app(), { ...fullIr, units })).toThrow('unit assignments-1 holds assignment GROUP/X/Y/z, which is not in the model');
  });
});
