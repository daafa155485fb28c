/**
 * Terraform itself on the generated HCL of the fixture models (resolved from YAML): `fmt -check`, `init
 * -backend=false` and `validate` on every root, then one `terraform test` that plans every root with
 * mocked providers, checks the generated `assert`s (key policies, permission sets, assignment keys)
 * and hands the plans back for the checks below.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emitHcl } from '../../../src/emit/hcl';
import type { ResolvedModel } from '../../../src/model/ir';
import { describeWithTerraform, terraformOk } from '../../support/terraform';
import { HOSTILE, injectionModel } from './fixtures/injection-ir';
import { lookupModel, typicalModel } from './fixtures/typical-ir';
import { hclAsserts } from './support/asserts';
import { planFacts, type Facts } from './support/facts';
import { removeWorkDir, runHarness, writeFiles, type HarnessRun } from './support/harness';
import { MOCK_INSTANCE_ARN, Mocks } from './support/mocks';
import { hclOverrides } from './support/overrides';
import type { Json } from '../../support/json';

const runName = (fixture: string, unit: string): string => `${fixture}_${unit.replace(/\W/g, '_')}`;

const FIXTURES: Record<string, () => ResolvedModel> = { typical: typicalModel, lookup: lookupModel, injection: injectionModel };

describeWithTerraform('generated HCL under Terraform', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-hcl-tf-'));
  const facts = new Map<string, Facts>();
  const irs = new Map(Object.entries(FIXTURES).map(([name, build]) => [name, build()]));

  beforeAll(async () => {
    const runs: HarnessRun[] = [];
    const aliases: string[] = [];
    for (const [name, ir] of irs) {
      writeFiles(path.join(dir, name), emitHcl(ir), (p) => p);
      const m = new Mocks(ir);
      for (const unit of ir.units) {
        runs.push({
          name: runName(name, unit.name),
          source: `${name}/hcl/${unit.name}`,
          overrides: hclOverrides(ir, unit, m),
          asserts: hclAsserts(ir, unit, m),
        });
        aliases.push('management', ...ir.keys.flatMap((k) => k.replicaRegions.map((r) => r.replace(/-/g, '_'))));
      }
    }
    const plans = await runHarness(dir, runs, aliases);
    for (const [name, ir] of irs) {
      const m = new Mocks(ir);
      for (const unit of ir.units) facts.set(`${name}/${unit.name}`, planFacts(plans.get(runName(name, unit.name))!, m));
    }
  });

  afterAll(() => removeWorkDir(dir));

  test('every generated file is formatted exactly as terraform fmt would', () => {
    terraformOk(dir, ['fmt', '-check', '-recursive', '-diff', '.']);
  });

  test('every root passes init -backend=false and validate, and plans under terraform test with its assertions', () => {
    // beforeAll ran both; this names what they proved and that every root was planned.
    expect([...facts.keys()].sort()).toEqual([...irs].flatMap(([name, ir]) => ir.units.map((u) => `${name}/${u.name}`)).sort());
  });

  test('the key policy reaches the primary key and, unchanged, its replica; the encryption step follows the key', () => {
    const f = facts.get('typical/management') as Record<string, Record<string, Json>>;
    const policy = f.key_policies['key identity-center'];
    expect(Object.keys(policy.Statement).sort()).toEqual([
      'AllowIdentityCenterAdminAccounts',
      'AllowIdentityCenterAndIdentityStoreToDescribeKey',
      'AllowIdentityCenterAndIdentityStoreToUseKey',
      'AllowManagedApps',
      'AllowOrgPrincipalsViaIdentityCenterAndIdentityStore',
    ]);
    // IAM policy variables arrive literally, not interpolated and not doubled.
    expect(policy.Statement.AllowIdentityCenterAndIdentityStoreToDescribeKey.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '${aws:ResourceAccount}' },
    });
    // one replica (eu-central-1); a key's replicas are a list in the facts
    expect(f.replicas).toEqual({
      'key identity-center Encrypts IAM Identity Center workforce identity data': [
        {
          deletion_window: 30,
          tags: { purpose: 'identity-center' },
          policy,
        },
      ],
    });
    // The least-privilege key's encryption-context conditions hold the instance and the identity store.
    const restricted = f.key_policies['key app-data'].Statement;
    expect(restricted.AllowIAMIdentityCenterToUseTheKMSKey.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '111111111111' },
      StringLike: { 'kms:EncryptionContext:aws:sso:instance-arn': 'arn:aws:sso:::instance/ssoins-1111222233334444' },
    });
    expect(restricted.AllowIdentityStoreToUseTheKMSKey.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '111111111111' },
      StringLike: { 'kms:EncryptionContext:aws:identitystore:identitystore-arn': 'arn:aws:identitystore::111111111111:identitystore/d-1111222233' },
    });
    expect(f.keys['key identity-center']).toMatchObject({
      multi_region: true,
      rotation: true,
      rotation_days: 365,
      deletion_window: 30,
      key_usage: 'ENCRYPT_DECRYPT',
      spec: 'SYMMETRIC_DEFAULT',
    });
    // identity-center has a replica in eu-central-1: its alias is there too, on the replica key.
    expect(f.aliases).toEqual({ 'alias/app-data': ['key app-data'], 'alias/identity-center': ['key identity-center', 'key identity-center'] });
    expect(f.encryption_step).toEqual({ triggers: ['key identity-center'] });
  });

  test('permission sets plan every attachment kind against the right permission set', () => {
    const f = facts.get('typical/management') as Record<string, Record<string, unknown>>;
    expect(Object.keys(f.managed_policies)).toEqual([
      'permission set DelegatedAdmin arn:aws:iam::aws:policy/AWSSSOMemberAccountAdministrator',
      'permission set Developer arn:aws:iam::aws:policy/PowerUserAccess',
      'permission set IdentityCenterAdmin arn:aws:iam::aws:policy/AWSSSOMasterAccountAdministrator',
      'permission set ReadOnly arn:aws:iam::aws:policy/ReadOnlyAccess',
      'permission set ReadOnly arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
    ]);
    expect(Object.keys(f.customer_managed_policies)).toEqual(['permission set ReadOnly /idcgen/BoundaryReadOnly']);
    expect(f.boundaries).toEqual({
      'permission set Developer': [{ managed_policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess', customer_managed_policy_reference: [] }],
      'permission set ReadOnly': [{ managed_policy_arn: null, customer_managed_policy_reference: [{ name: 'BoundaryReadOnly', path: '/idcgen/' }] }],
    });
    expect(f.inline_policies['permission set ReadOnly']).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'OwnAccessKeysOnly', Effect: 'Allow', Action: 'iam:ListAccessKeys', Resource: 'arn:aws:iam::*:user/${aws:username}' }],
    });
    expect(f.permission_sets.Developer).toEqual({
      instance: 'arn:aws:sso:::instance/ssoins-1111222233334444',
      description: 'Developers in workload accounts',
      session_duration: 'PT8H',
      relay_state: 'https://console.aws.amazon.com/console/home',
      tags: { team: 'apps' },
    });
    expect(Object.keys(f.memberships)).toEqual(['group PlatformAdmins user alice', 'group PlatformAdmins user bob']);
    expect(Object.keys(f.groups)).toEqual(['Developers', 'PlatformAdmins']);
    expect(Object.keys(f.users)).toEqual(['alice']);
  });

  test('member roots read the key from the management account and attach the identity policy to its role', () => {
    const f = facts.get('typical/account-workflows') as Record<string, Record<string, Json>>;
    const doc = f.iam_policies['/idcgen-identity-center-key-use'];
    const keyId = new Mocks(irs.get('typical')!).keyId('identity-center');
    // custom workflows: AllowCrossAccountKMSKeyUse scoped down to kms:Decrypt on every replica
    expect(doc.Statement).toEqual([
      { Sid: 'AllowCrossAccountKMSKeyUse', Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:*:111111111111:key/${keyId}` },
    ]);
    expect(f.role_attachments).toEqual({ 'ProvisioningPipeline policy idcgen-identity-center-key-use': true });
    expect(Object.keys(facts.get('typical/account-prod-app')!.iam_policies as object)).toEqual(['/idcgen/BoundaryReadOnly']);
  });

  test('the assignment unit plans exactly its assignments, with looked-up principals and permission sets', () => {
    expect(Object.keys(facts.get('typical/assignments')!.assignments as object)).toEqual([
      'GROUP group Auditors permission set ReadOnly 222222222222',
      'GROUP group Auditors permission set ReadOnly 333333333333',
      'GROUP group PlatformAdmins permission set DelegatedAdmin 222222222222',
      'GROUP group PlatformAdmins permission set IdentityCenterAdmin 111111111111',
      'USER user alice permission set Developer 333333333333',
    ]);
  });

  test('without an instance ARN in the model, every root uses the looked-up instance', () => {
    const f = facts.get('lookup/management') as Record<string, Record<string, Json>>;
    expect(f.permission_sets.ReadOnly.instance).toBe(MOCK_INSTANCE_ARN);
    const a = facts.get('lookup/assignments') as Record<string, Record<string, Json>>;
    expect(Object.values(a.assignments).map((x) => x.instance)).toEqual([MOCK_INSTANCE_ARN, MOCK_INSTANCE_ARN]);
  });

  test('hostile names, descriptions and tags reach the plan unchanged', () => {
    const ir = irs.get('injection')!;
    const f = facts.get('injection/management') as Record<string, Record<string, Json>>;
    const created = ir.groups.filter((g) => !g.external);
    expect(Object.keys(f.groups).sort()).toEqual(created.map((g) => g.name).sort());
    for (const g of created) expect(f.groups[g.name].description).toBe(g.description);
    for (const ps of ir.permissionSets) {
      expect(f.permission_sets[ps.name].description).toBe(ps.description);
      expect(f.permission_sets[ps.name].tags).toEqual(ps.tags);
    }
    expect(f.permission_sets.Developer.relay_state).toBe('https://console.aws.amazon.com/console/home?q=${x}');
    expect(f.users['ünïcode.user'].display_name).toBe(HOSTILE[0]);
    expect(f.keys['key identity-center'].description).toBe(ir.keys[1].description);
    expect(f.keys['key identity-center'].tags).toEqual(ir.keys[1].tags);
  });
});
