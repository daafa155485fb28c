/**
 * Run the real Terraform binary against generated configurations, offline, through the project's
 * CLI config (providers from the /opt/tf-plugins mirror). Where Terraform or the mirror is absent,
 * `terraformReason()` says why and suites skip with that reason printed; on CI (CI=true) a missing
 * Terraform is an error, so CI cannot pass without running these checks.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TF_CLI_CONFIG = path.resolve(__dirname, 'terraform-offline.tfrc');
const MIRROR = '/opt/tf-plugins';

let cachedReason: string | null | undefined;

/** null when Terraform can run here; otherwise the reason it cannot. */
export function terraformReason(): string | null {
  if (cachedReason !== undefined) return cachedReason;
  let reason: string | null = null;
  try {
    execFileSync('terraform', ['version'], { stdio: 'pipe' });
    if (!fs.existsSync(MIRROR)) reason = `offline provider mirror ${MIRROR} not found`;
  } catch {
    reason = 'terraform binary not found on PATH';
  }
  if (reason && process.env.CI === 'true') {
    throw new Error(`CI must run the Terraform checks, but ${reason}`);
  }
  cachedReason = reason;
  return reason;
}

/** `describe` that skips (with the reason printed once) where Terraform is absent. */
export function describeWithTerraform(name: string, fn: () => void): void {
  const reason = terraformReason();
  if (reason) {
    describe.skip(`${name} (skipped: ${reason})`, fn);
    console.warn(`skipping '${name}': ${reason}`);
  } else {
    describe(name, fn);
  }
}

export interface TfResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment every Terraform run gets: offline CLI config, no prompts. No plugin cache: `init`
 * links the provider straight from the unpacked mirror (as fast as a cache), and Terraform's cache is
 * not safe for concurrent inits (two runs replacing its link at once fail with "no such file").
 * @see https://developer.hashicorp.com/terraform/cli/config/config-file#provider-plugin-cache
 */
export function terraformEnv(): NodeJS.ProcessEnv {
  const { TF_PLUGIN_CACHE_DIR: _cache, ...env } = process.env;
  return {
    ...env,
    TF_CLI_CONFIG_FILE: TF_CLI_CONFIG,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    NO_COLOR: '1',
  };
}

/** Run `terraform <args>` in `dir` with the offline CLI config; never reaches the network. */
export function terraform(dir: string, args: readonly string[], opts: { timeoutMs?: number } = {}): TfResult {
  // The timeout guards against a hung process, it is no time budget: a loaded two-core machine needs minutes.
  const res = spawnSync('terraform', args, { cwd: dir, encoding: 'utf8', timeout: opts.timeoutMs ?? 900_000, env: terraformEnv() });
  return { code: res.status ?? -1, stdout: res.stdout ?? '', stderr: res.stderr ?? String(res.error ?? '') };
}

/** `terraform()` without blocking the event loop, so several roots can run at once. */
export function terraformAsync(dir: string, args: readonly string[], opts: { timeoutMs?: number } = {}): Promise<TfResult> {
  return new Promise((resolve) => {
    execFile(
      'terraform',
      args,
      { cwd: dir, encoding: 'utf8', timeout: opts.timeoutMs ?? 240_000, env: terraformEnv(), maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && code === -1 ? String(error) : '') });
      },
    );
  });
}

/** Run and throw with Terraform's own output when the command fails. */
export function terraformOk(dir: string, args: readonly string[]): TfResult {
  const res = terraform(dir, [...args, ...(args[0] === 'fmt' ? [] : ['-no-color'])]);
  if (res.code !== 0) {
    throw new Error(`terraform ${args.join(' ')} failed in ${dir} (exit ${res.code}):\n${res.stdout}\n${res.stderr}`);
  }
  return res;
}

/** init -backend=false, validate; and `terraform test` when the directory has tests. */
export function initValidateTest(dir: string): { test?: TfResult } {
  terraformOk(dir, ['init', '-backend=false', '-input=false']);
  terraformOk(dir, ['validate']);
  const hasTests = fs.existsSync(path.join(dir, 'tests')) || fs.readdirSync(dir).some((f) => f.endsWith('.tftest.hcl'));
  return hasTests ? { test: terraformOk(dir, ['test']) } : {};
}
