/**
 * The AWS CLI's own reading of a config file, where the AWS CLI is installed:
 * - AWS CLI v2: `aws configure list-profiles` with AWS_CONFIG_FILE (profile names);
 * - AWS CLI v1 (pip/Debian `awscli`, no list-profiles): botocore's `configloader.load_config`,
 *   the function the CLI itself reads ~/.aws/config with (profiles and sso-sessions, with values).
 * `awsCliReason()` says why neither is available, so tests can skip with that reason printed.
 */
import { spawnSync } from 'node:child_process';

export interface CliConfig {
  readonly profiles: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Present when read by botocore (v1); v2's list-profiles names profiles only. */
  readonly ssoSessions?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly reader: string;
}

const env = (file: string): NodeJS.ProcessEnv => ({
  ...process.env,
  AWS_CONFIG_FILE: file,
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PROFILE: '',
  AWS_DEFAULT_PROFILE: '',
});

let mode: 'v2' | 'botocore' | undefined;
let reason: string | undefined;

function detect(): void {
  if (mode !== undefined || reason !== undefined) return;
  const version = spawnSync('aws', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (version.error || version.status !== 0) {
    reason = 'the aws cli is not installed (apt-get install awscli, or AWS CLI v2)';
    return;
  }
  if (/aws-cli\/2\./.test(`${version.stdout}${version.stderr}`)) mode = 'v2';
  else if (spawnSync('python3', ['-c', 'import botocore.configloader'], { timeout: 60_000 }).status === 0) mode = 'botocore';
  else reason = `aws cli ${version.stdout.trim()} has no configure list-profiles and its botocore is not importable from python3`;
}

export function awsCliReason(): string | undefined {
  detect();
  return reason;
}

export function readWithAwsCli(file: string): CliConfig {
  detect();
  if (mode === 'v2') {
    const r = spawnSync('aws', ['configure', 'list-profiles'], { encoding: 'utf8', env: env(file), timeout: 60_000 });
    if (r.status !== 0) throw new Error(`aws configure list-profiles failed: ${r.stderr}`);
    const names = r.stdout.split('\n').filter(Boolean);
    return { profiles: Object.fromEntries(names.map((n) => [n, {}])), reader: 'aws configure list-profiles' };
  }
  const script = 'import json, sys, botocore.configloader as c; print(json.dumps(c.load_config(sys.argv[1])))';
  const r = spawnSync('python3', ['-c', script, file], { encoding: 'utf8', env: env(file), timeout: 60_000 });
  if (r.status !== 0) throw new Error(`botocore could not read the config: ${r.stderr}`);
  const parsed = JSON.parse(r.stdout) as { profiles: CliConfig['profiles']; sso_sessions: CliConfig['ssoSessions'] };
  return { profiles: parsed.profiles, ssoSessions: parsed.sso_sessions, reader: 'botocore.configloader.load_config' };
}
