/**
 * Every emitted address — CDKTF logical id and construct path, HCL module and resource name, for_each
 * key — is an injective function of the model identity it stands for (issue 14 section 2). The
 * fixture holds names that used to collapse into one address or crash synthesis: group Default with
 * permission set ReadOnly and group ReadOnly with permission set Default in one account (cdktf drops
 * a path component named Default), memberships likewise, groups A/B and A--B and IAM paths /a/b/ and
 * /a--b/ (constructs writes / as --), HCL membership keys group/user, and key names that sanitized
 * to one HCL module name (a-b, a.b, a_b_<hash>; k's replica and key k-replica-eu-central-1).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { synthCdktf } from '../../src/emit/cdktf';
import { emitHcl } from '../../src/emit/hcl';
import { loadResolved } from '../../src/pipeline';
import { removeWorkDir } from './hcl/support/harness';
import { expectedResourceCounts, planBoth, plannedResourceCounts, type ModelPlans } from '../support/plan-both';
import { describeWithTerraform } from '../support/terraform';

const FIXTURE = path.relative(process.cwd(), path.join(__dirname, 'fixtures', 'colliding-names.yaml'));

type Stack = { resource?: Record<string, Record<string, { '//'?: { metadata?: { path?: string } } }>> };

/** Resource blocks of every stack, counted by type. */
function cdktfCounts(files: ReadonlyMap<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [p, text] of files) {
    if (!p.endsWith('cdk.tf.json')) continue;
    for (const [type, blocks] of Object.entries((JSON.parse(text) as Stack).resource ?? {})) {
      counts[type] = (counts[type] ?? 0) + Object.keys(blocks).length;
    }
  }
  return counts;
}

describe('names that used to share one address', () => {
  const { ir } = loadResolved(FIXTURE);

  test('CDKTF synthesizes one resource block per resource the model asks for', () => {
    // WHEN the colliding model is synthesized THEN nothing crashes and nothing is merged away
    const files = synthCdktf(ir);
    const { terraform_data: _none, ...expected } = expectedResourceCounts(ir);
    expect(cdktfCounts(files)).toEqual(expected);
    // AND every construct path names one block only
    const paths: string[] = [];
    for (const [p, text] of files) {
      if (!p.endsWith('cdk.tf.json')) continue;
      for (const blocks of Object.values((JSON.parse(text) as Stack).resource ?? {})) {
        for (const b of Object.values(blocks)) paths.push(b['//']?.metadata?.path ?? '');
      }
    }
    expect(new Set(paths).size).toBe(paths.length);
  });

  test('HCL calls one module per key and replica, each name once', async () => {
    const main = await parse('main.tf', emitHcl(ir).get('hcl/management/main.tf') as string);
    const modules = main.module as Record<string, unknown[]>;
    for (const [name, calls] of Object.entries(modules)) expect({ name, calls: calls.length }).toEqual({ name, calls: 1 });
    const keyModules = Object.keys(modules).filter((m) => m.startsWith('key'));
    expect(keyModules).toHaveLength(ir.keys.length + ir.keys.reduce((n, k) => n + k.replicaRegions.length, 0));
  });
});

describeWithTerraform('names that used to share one address, under Terraform', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-addresses-'));
  let plans: ModelPlans;

  beforeAll(async () => {
    const { ir } = loadResolved(FIXTURE);
    plans = (await planBoth(dir, new Map([['colliding', ir]]))).get('colliding') as ModelPlans;
  }, 900_000);
  afterAll(() => removeWorkDir(dir));

  test('both emitters plan exactly the resources the model asks for', () => {
    const expected = expectedResourceCounts(plans.ir);
    expect(plannedResourceCounts(plans, 'hcl')).toEqual(expected);
    expect(plannedResourceCounts(plans, 'cdktf')).toEqual(expected);
  });

  test('every moved block of the HCL roots moves to an address the plan has', async () => {
    const planned = new Set([...plans.plans.hcl.values()].flatMap((p) => p.resources.map((r) => r.address)));
    const moves: { to: string }[] = [];
    for (const unit of plans.ir.units) {
      const main = await parse('main.tf', plans.files.get(`hcl/${unit.name}/main.tf`) as string);
      for (const m of (main.moved ?? []) as { to: string }[]) moves.push(m);
    }
    // the memberships of Eng/Platform (a name with /) moved; the colliding ones had no state to move
    const memberships = moves.filter((m) => m.to.includes('aws_identitystore_group_membership'));
    expect(memberships.map((m) => m.to).sort()).toEqual([
      '${module.identity_store.aws_identitystore_group_membership.this["Eng%2FPlatform/c"]}',
      '${module.identity_store.aws_identitystore_group_membership.this["Eng%2FPlatform/ops%25team"]}',
    ]);
    for (const m of moves) {
      const address = m.to.replace(/^\$\{|\}$/g, '');
      if (address.includes('aws_')) expect(planned).toContain(address);
    }
  });

  test('each deployment unit plans the same facts in HCL and CDKTF', () => {
    for (const unit of plans.ir.units) {
      expect({ unit: unit.name, facts: plans.plans.hcl.get(unit.name)?.facts }).toEqual({ unit: unit.name, facts: plans.plans.cdktf.get(unit.name)?.facts });
    }
  });
});
