/**
 * One `terraform test` run for many configurations: the HCL roots (and, for the equivalence test,
 * the CDKTF stacks) are copied into one directory, and a single test file plans each of them in
 * its own `run` block (`module { source = ... }`) with mocked AWS providers. Terraform starts once
 * for all of them, which keeps Terraform runs few.
 *
 * `-json -verbose` prints every run's plan (`test_plan` messages); they are read back per run, so
 * tests can compare planned values in Jest as well as through the `assert` blocks.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { hclString } from '../../../../src/emit/hcl/private/escape';
import { format } from '../../../../src/emit/hcl/private/fmt';
import { TF_CLI_CONFIG, terraformOk } from '../../../support/terraform';
import { MOCK_IDENTITY_STORE_ID, MOCK_INSTANCE_ARN } from './mocks';
import type { Override } from './overrides';
import type { Json } from '../../../support/json';

export interface HarnessRun {
  /** Run block name (an identifier). */
  readonly name: string;
  /** Directory of the configuration, relative to the harness directory. */
  readonly source: string;
  readonly overrides: readonly Override[];
  /** HCL `condition` / `error_message` pairs. */
  readonly asserts: readonly { condition: string; message: string }[];
}

/** One planned resource instance: address, type and its planned values (`change.after`). */
export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly after: Record<string, unknown>;
  readonly unknown: Record<string, unknown>;
}

export function writeFiles(dir: string, files: ReadonlyMap<string, string>, prefix: (p: string) => string | null): void {
  for (const [rel, content] of files) {
    const target = prefix(rel);
    if (target === null) continue;
    const file = path.join(dir, target);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Defaults for what has no per-object override: the instance look-up. */
const DEFAULTS = `  mock_data "aws_ssoadmin_instances" {
    defaults = {
      arns               = [${hclString(MOCK_INSTANCE_ARN)}]
      identity_store_ids = [${hclString(MOCK_IDENTITY_STORE_ID)}]
    }
  }`;

function renderOverride(o: Override): string {
  const values = Object.entries(o.values)
    .map(([k, v]) => `      ${k} = ${hclString(v)}`)
    .join('\n');
  // override_during applies to resources only: data sources are always read while planning.
  const during = o.kind === 'resource' ? '    override_during = plan\n' : '';
  return `  override_${o.kind} {\n    target = ${o.target}\n${during}    values = {\n${values}\n    }\n  }`;
}

export function testFile(runs: readonly HarnessRun[], aliases: readonly string[]): string {
  const providers = [null, ...new Set(aliases)].map(
    (alias) => `mock_provider "aws" {\n${alias ? `  alias = ${hclString(alias)}\n` : ''}  override_during = plan\n${DEFAULTS}\n}\n`,
  );
  const blocks = runs.map((run) => {
    const body = [
      '  command = plan',
      `  module {\n    source = ${hclString(`./${run.source}`)}\n  }`,
      ...run.overrides.map(renderOverride),
      ...run.asserts.map((a) => `  assert {\n    condition     = ${a.condition}\n    error_message = ${hclString(a.message)}\n  }`),
    ];
    return `run ${hclString(run.name)} {\n${body.join('\n\n')}\n}\n`;
  });
  return `${providers.join('\n')}\n${blocks.join('\n')}`;
}

/** Set IDCGEN_KEEP_TF=1 to keep Terraform working directories for a look after a failure. */
export function removeWorkDir(dir: string): void {
  if (process.env.IDCGEN_KEEP_TF === '1') console.warn(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * `init -backend=false`, `validate` and `test`; returns every run's planned resources. A failed
 * assertion or plan error fails with Terraform's own diagnostics.
 *
 * The harness's own configuration calls every configuration under test as a module, so one
 * `validate` checks them all (their backends are ignored there, with a warning); `terraform test`
 * then validates and plans each of them again as the root module of its run.
 */
export async function runHarness(dir: string, runs: readonly HarnessRun[], aliases: readonly string[]): Promise<Map<string, PlannedResource[]>> {
  const calls = runs.map((run) => `module ${hclString(run.name)} {\n  source = ${hclString(`./${run.source}`)}\n}\n`);
  fs.writeFileSync(path.join(dir, 'main.tf'), format(calls.join('\n')));
  fs.writeFileSync(path.join(dir, 'harness.tftest.hcl'), format(testFile(runs, aliases)));
  terraformOk(dir, ['init', '-backend=false', '-input=false']);
  terraformOk(dir, ['validate']);

  // Streamed, not buffered: every test_plan line carries the provider schemas (~14 MB).
  const child = spawn('terraform', ['test', '-json', '-verbose', '-no-color'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TF_CLI_CONFIG_FILE: TF_CLI_CONFIG, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });

  const plans = new Map<string, PlannedResource[]>();
  const problems: string[] = [];
  const lines = readline.createInterface({ input: child.stdout.setEncoding('utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const msg = JSON.parse(line) as Record<string, Json>;
    if (msg.type === 'test_plan') {
      const changes = (msg.test_plan.resource_changes ?? []) as Record<string, Json>[];
      plans.set(
        msg['@testrun'],
        changes
          .filter((c) => c.mode === 'managed')
          .map((c) => ({ address: c.address, type: c.type, after: c.change.after ?? {}, unknown: c.change.after_unknown ?? {} })),
      );
    } else if (msg.type === 'diagnostic' && msg['@level'] === 'error') {
      problems.push(`${msg['@testrun'] ?? ''}: ${msg['@message']}\n${msg.diagnostic?.detail ?? ''}\n${msg.diagnostic?.snippet?.code ?? ''}`);
    } else if (msg.type === 'test_run' && msg.test_run?.status && msg.test_run.status !== 'pass') {
      problems.push(`run ${msg.test_run.run}: ${msg.test_run.status}`);
    }
  }
  const code = await exited;
  if (code !== 0 || problems.length > 0) {
    throw new Error(`terraform test failed in ${dir} (exit ${code}):\n${problems.join('\n')}\n${stderr}`);
  }
  for (const run of runs) if (!plans.has(run.name)) throw new Error(`no plan for run ${run.name}`);
  return plans;
}
