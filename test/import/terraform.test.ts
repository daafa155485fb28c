/**
 * The real Terraform plans the generated code with the import blocks, against mocked AWS providers:
 * every resource that exists is imported and planned as a no-op, nothing is created or destroyed.
 * (Mock providers cannot import by themselves; `override_resource` gives each imported object its
 * values, from the emitter tests' own mock tables.)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hclString } from '../../src/import/blocks';
import type { DeploymentUnit } from '../../src/model/ir';
import { Mocks } from '../emit/hcl/support/mocks';
import { cdktfOverrides, hclOverrides, type Override } from '../emit/hcl/support/overrides';
import { describeWithTerraform, TF_CLI_CONFIG, terraformOk } from '../support/terraform';
import { fixtureModel, generateWithImports, importModel } from './support/generated';
import type { Json } from '../support/json';

interface Change {
  address: string;
  actions: string[];
  importing: boolean;
}

function overrideBlock(o: Override): string {
  const values = Object.entries(o.values).map(([k, v]) => `      ${k} = ${hclString(v)}`);
  const during = o.kind === 'resource' ? '    override_during = plan\n' : '';
  return `  override_${o.kind} {\n    target = ${o.target}\n${during}    values = {\n${values.join('\n')}\n    }\n  }`;
}

/** A test file planning this configuration once, with every import target and look-up mocked. */
function testFile(overrides: readonly Override[], importTargets: readonly string[], aliases: readonly string[], instanceArn: string, storeId: string): string {
  const covered = new Set(overrides.map((o) => o.target));
  const blocks = [
    ...overrides.map(overrideBlock),
    ...importTargets.filter((t) => !covered.has(t)).map((t) => `  override_resource {\n    target = ${t}\n    override_during = plan\n  }`),
  ];
  const provider = (alias: string | null): string =>
    `mock_provider "aws" {\n${alias ? `  alias = ${hclString(alias)}\n` : ''}  override_during = plan\n  mock_data "aws_ssoadmin_instances" {\n    defaults = {\n      arns               = [${hclString(instanceArn)}]\n      identity_store_ids = [${hclString(storeId)}]\n    }\n  }\n}\n`;
  return `${[null, ...aliases].map(provider).join('\n')}\nrun "plan" {\n  command = plan\n\n${blocks.join('\n\n')}\n}\n`;
}

function plan(dir: string): Change[] {
  terraformOk(dir, ['init', '-backend=false', '-input=false']);
  const res = spawnSync('terraform', ['test', '-json', '-verbose', '-no-color'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 600_000,
    env: { ...process.env, TF_CLI_CONFIG_FILE: TF_CLI_CONFIG, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' },
  });
  const changes: Change[] = [];
  const errors: string[] = [];
  for (const line of res.stdout.split('\n')) {
    if (line === '') continue;
    const msg = JSON.parse(line) as Record<string, Json>;
    if (msg.type === 'diagnostic' && msg['@level'] === 'error') errors.push(`${msg['@message']}: ${msg.diagnostic?.detail ?? ''}`);
    if (msg.type === 'test_plan') {
      for (const c of msg.test_plan.resource_changes ?? []) {
        if (c.mode === 'managed') changes.push({ address: c.address, actions: c.change.actions, importing: c.change.importing !== undefined });
      }
    }
  }
  if (res.status !== 0 || errors.length > 0) throw new Error(`terraform test failed in ${dir} (exit ${res.status}):\n${errors.join('\n')}\n${res.stderr}`);
  return changes;
}

describeWithTerraform('terraform plans the imported estate with no create and no destroy', () => {
  test('HCL roots and CDKTF stacks adopt every existing resource as a no-op', async () => {
    // GIVEN the estate of the baseline fixture, imported, and code generated from the imported model
    const out = await importModel(fixtureModel('baseline.yaml'));
    const { ir, applied } = generateWithImports(out.yaml, out.plan);
    const m = new Mocks(ir);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-import-tf-'));
    try {
      for (const [rel, content] of applied.files) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), content);
      }
      const aliases = ir.keys.flatMap((k) => k.replicaRegions);
      const roots: { dir: string; unit: DeploymentUnit; imports: string[]; overrides: Override[]; aliases: string[] }[] = [];
      for (const unit of ir.units) {
        const hclImports = applied.files.get(`hcl/${unit.name}/imports.tf`);
        if (hclImports) {
          roots.push({
            dir: path.join(dir, 'hcl', unit.name),
            unit,
            imports: [...hclImports.matchAll(/^\s+to = (.+)$/gm)].map((x) => x[1]),
            overrides: hclOverrides(ir, unit, m),
            aliases: aliases.map((r) => r.replace(/-/g, '_')),
          });
        }
        const stack = applied.files.get(`cdktf/stacks/${unit.name}/cdk.tf.json`) as string;
        const imports = ((JSON.parse(stack).import ?? []) as { to: string }[]).map((i) => i.to);
        if (imports.length > 0) {
          roots.push({ dir: path.join(dir, 'cdktf', 'stacks', unit.name), unit, imports, overrides: cdktfOverrides(ir, stack, unit, m), aliases });
        }
      }
      expect(roots.map((r) => path.relative(dir, r.dir)).sort()).toEqual([
        'cdktf/stacks/assignments',
        'cdktf/stacks/management',
        'hcl/assignments',
        'hcl/management',
      ]);

      for (const root of roots) {
        fs.mkdirSync(path.join(root.dir, 'tests'), { recursive: true });
        fs.writeFileSync(
          path.join(root.dir, 'tests', 'imports.tftest.hcl'),
          testFile(root.overrides, root.imports, root.aliases, m.instanceArn, m.identityStoreId),
        );
        // WHEN Terraform plans it
        const changes = plan(root.dir);
        // THEN every import target is planned as an import, and no resource is created or destroyed
        const label = path.relative(dir, root.dir);
        expect({ label, imported: changes.filter((c) => c.importing).length }).toEqual({ label, imported: root.imports.length });
        expect({ label, changing: changes.filter((c) => c.actions.some((a) => a === 'create' || a === 'delete')).map((c) => c.address) }).toEqual({
          label,
          changing: [],
        });
      }
    } finally {
      if (process.env.IDCGEN_KEEP_TF === '1') console.warn(`kept ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
