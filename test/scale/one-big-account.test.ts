/**
 * One account whose assignments alone exceed maxResourcesPerStack: 51 groups x 10 permission sets
 * in prod at the default bound of 500. `generate` crashed with ENAMETOOLONG (the shard trie split
 * through all 256 bits of the account's hash, and unit names grew past 255 characters). Now the
 * account splits by permission set, unit names stay short, and both emitters plan every assignment.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { UNIT_NAME_MAX_LENGTH } from '../../src/model/shard';
import type { OrgModel } from '../../src/model/schema';
import { loadResolved } from '../../src/pipeline';
import { removeWorkDir } from '../emit/hcl/support/harness';
import { runCli } from '../support/cli';
import { planBoth, plannedResourceCounts, type ModelPlans } from '../support/plan-both';
import { describeWithTerraform } from '../support/terraform';

function bigAccountModel(): OrgModel {
  const sets = Array.from({ length: 10 }, (_, i) => ({ name: `Set${i}`, managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }));
  const groups = Array.from({ length: 51 }, (_, i) => ({ name: `Team${i}` }));
  return {
    version: 1,
    organization: { id: 'o-a1b2c3d4e5', managementAccount: 'management' },
    identityCenter: { region: 'eu-west-1', instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444', identityStoreId: 'd-1111222233' },
    accounts: [
      { name: 'management', id: '111111111111', ou: 'Root' },
      { name: 'prod', id: '222222222222', ou: 'Workloads' },
    ],
    groups,
    permissionSets: sets,
    assignments: groups.flatMap((g) => sets.map((s) => ({ group: g.name, permissionSet: s.name, accounts: ['prod'] }))),
  };
}

describe('one account with more assignments than the stack bound', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-big-account-'));
  const file = path.join(dir, 'org.yaml');
  fs.writeFileSync(file, stringify(bigAccountModel()));
  afterAll(() => removeWorkDir(dir));

  test('generates, into assignment units within the bound and with short names', async () => {
    // WHEN generated through the CLI
    const res = await runCli(['generate', file, '--out', path.join(dir, 'out')]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    // THEN every assignment is in a unit of at most 500, each unit a short directory in both outputs
    const { ir } = loadResolved(file);
    const shards = ir.units.filter((u) => u.kind === 'assignments');
    expect(shards.length).toBeGreaterThanOrEqual(2);
    expect(shards.reduce((n, u) => n + u.assignmentKeys.length, 0)).toBe(510);
    for (const u of shards) {
      expect(u.assignmentKeys.length).toBeLessThanOrEqual(500);
      expect(u.name.length).toBeLessThanOrEqual(UNIT_NAME_MAX_LENGTH);
      expect(fs.existsSync(path.join(dir, 'out', 'hcl', u.name, 'main.tf'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'out', 'cdktf', 'stacks', u.name, 'cdk.tf.json'))).toBe(true);
    }
  });
});

describeWithTerraform('one account with more assignments than the stack bound, under Terraform', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-big-account-tf-'));
  let plans: ModelPlans;
  beforeAll(async () => {
    const file = path.join(dir, 'org.yaml');
    fs.writeFileSync(file, stringify(bigAccountModel()));
    plans = (await planBoth(path.join(dir, 'plan'), new Map([['big', loadResolved(path.relative(process.cwd(), file)).ir]]))).get('big') as ModelPlans;
  }, 900_000);
  afterAll(() => removeWorkDir(dir));

  test('both emitters plan all 510 assignments, the same in each unit', () => {
    expect(plannedResourceCounts(plans, 'hcl').aws_ssoadmin_account_assignment).toBe(510);
    expect(plannedResourceCounts(plans, 'cdktf').aws_ssoadmin_account_assignment).toBe(510);
    for (const unit of plans.ir.units) {
      expect({ unit: unit.name, facts: plans.plans.hcl.get(unit.name)?.facts }).toEqual({ unit: unit.name, facts: plans.plans.cdktf.get(unit.name)?.facts });
    }
  });
});
