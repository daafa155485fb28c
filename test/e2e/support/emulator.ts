/**
 * The AWS emulator the end-to-end tests run against: moto's server with idcgen's extension
 * (test/e2e/emulator/), seeded with what Terraform does not create — the Organization with the
 * model's accounts, OUs and tags, the Identity Center instance and its identity store, the groups an
 * identity provider would have synced, and a deployer's access key in the management account.
 *
 * It listens on 127.0.0.1 only, on a port the OS picks, and is stopped by its PID (also when a test
 * fails); it also exits by itself when its standard input closes, so it cannot outlive the Jest
 * worker that started it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { SERVICE_PRINCIPALS, SERVICE_REQUIRED_ACTIONS } from '../../../src/aws/facts';
import type { ImportClients } from '../../../src/import/aws';
import type { ResolvedModel } from '../../../src/model/ir';
import { terraformReason } from '../../support/terraform';

const SERVER = path.resolve(__dirname, '../emulator/server.py');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

let cachedReason: string | null | undefined;

/**
 * null when the emulator can run here; otherwise why not. Where CI=true a missing emulator is an
 * error, as a missing Terraform is (test/support/terraform.ts): CI cannot pass by skipping.
 */
export function emulatorReason(): string | null {
  if (cachedReason !== undefined) return cachedReason;
  const probe = spawnSync('python3', ['-c', 'import moto, moto.moto_server.werkzeug_app'], { encoding: 'utf8' });
  let reason: string | null = null;
  if (probe.error) reason = 'python3 not found on PATH';
  else if (probe.status !== 0) reason = `python3 cannot import moto (with its server): ${probe.stderr.trim().split('\n').pop()}`;
  if (reason && process.env.CI === 'true') throw new Error(`CI must run the end-to-end tests, but ${reason}`);
  cachedReason = reason;
  return reason;
}

/** What the emulator is seeded with (read by test/e2e/emulator/seed.py). */
export interface EmulatorSeed {
  readonly organization: { readonly id: string; readonly managementAccountId: string };
  readonly accounts: readonly { id: string; name: string; ouPath: readonly string[]; tags: Readonly<Record<string, string>> }[];
  readonly identityCenter: { readonly region: string; readonly instanceArn?: string; readonly identityStoreId?: string };
  readonly externalGroups: readonly string[];
  readonly externalUsers: readonly string[];
  /** What Identity Center checks in a key policy before it switches to the key: idcgen's one list. */
  readonly keyRequirements: { readonly servicePrincipals: readonly string[]; readonly actions: readonly string[] };
}

/** The estate a model describes as already there before any Terraform runs. */
export function seedFromModel(ir: ResolvedModel): EmulatorSeed {
  return {
    organization: { id: ir.organization.id, managementAccountId: ir.organization.managementAccountId },
    accounts: ir.accounts.map((a) => ({ id: a.id, name: a.name, ouPath: a.ou === 'Root' ? [] : a.ou.split('/'), tags: a.tags })),
    identityCenter: { region: ir.identityCenter.region, instanceArn: ir.identityCenter.instanceArn, identityStoreId: ir.identityCenter.identityStoreId },
    externalGroups: ir.groups.filter((g) => g.external).map((g) => g.name),
    externalUsers: ir.users.filter((u) => u.external).map((u) => u.userName),
    keyRequirements: { servicePrincipals: SERVICE_PRINCIPALS.map((p) => p.service), actions: [...SERVICE_REQUIRED_ACTIONS] },
  };
}

export interface Emulator {
  readonly pid: number;
  /** `http://127.0.0.1:<port>`: one endpoint for every service. */
  readonly endpoint: string;
  /** The seeded deployer's access key in the management account. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly instanceArn: string;
  readonly identityStoreId: string;
  /** Environment for an AWS SDK (the idcgen CLI) talking to the emulator. */
  sdkEnv(): Record<string, string>;
  /** SDK clients for a Region, as `idcgen import` builds them, pointed at the emulator. */
  clients(region: string): ImportClients;
  /** Stop by PID (SIGTERM, then SIGKILL); safe to call twice. */
  stop(): Promise<void>;
}

/** Start the emulator seeded with `seed`; `workDir` receives the seed file. */
export async function startEmulator(seed: EmulatorSeed, workDir: string): Promise<Emulator> {
  const seedFile = path.join(workDir, 'emulator-seed.json');
  fs.writeFileSync(seedFile, JSON.stringify(seed, null, 2));
  const child = spawn('python3', [SERVER, seedFile], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
  });
  // The emulator logs every request on stderr: keep only the tail, for error messages.
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-20_000);
  });
  const killOnExit = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let ready: { port: number; accessKeyId: string; secretAccessKey: string; instanceArn: string; identityStoreId: string };
  try {
    ready = await firstLine(child, START_TIMEOUT_MS, () => log);
  } catch (e) {
    await stopChild(child);
    process.removeListener('exit', killOnExit);
    throw e;
  }
  const endpoint = `http://127.0.0.1:${ready.port}`;
  const credentials = { accessKeyId: ready.accessKeyId, secretAccessKey: ready.secretAccessKey };
  return {
    pid: child.pid as number,
    endpoint,
    credentials,
    instanceArn: ready.instanceArn,
    identityStoreId: ready.identityStoreId,
    sdkEnv: () => ({
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
    }),
    clients: (region) => {
      const config = { region, endpoint, credentials, maxAttempts: 1 };
      return {
        ssoAdmin: new SSOAdminClient(config),
        identityStore: new IdentitystoreClient(config),
        organizations: new OrganizationsClient(config),
        kms: new KMSClient(config),
        kmsIn: (r: string) => new KMSClient({ ...config, region: r }),
      };
    },
    stop: async () => {
      await stopChild(child);
      process.removeListener('exit', killOnExit);
    },
  };
}

async function firstLine<T>(child: ChildProcess, timeoutMs: number, log: () => string): Promise<T> {
  const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const line = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before it was ready:\n${log()}`)));
    child.once('error', reject);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the emulator was not ready after ${timeoutMs / 1000}s:\n${log()}`)), timeoutMs);
  });
  try {
    return JSON.parse(await Promise.race([line, timeout])) as T;
  } finally {
    clearTimeout(timer);
    lines.close();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * `describe` that skips, with the reason printed, where the emulator (or, with `terraform: true`,
 * Terraform) cannot run; on CI both must.
 */
export function describeWithEmulator(name: string, fn: () => void, opts: { terraform?: boolean } = {}): void {
  const reason = emulatorReason() ?? (opts.terraform ? terraformReason() : null);
  if (reason) {
    describe.skip(`${name} (skipped: ${reason})`, fn);
    console.warn(`skipping '${name}': ${reason}`);
  } else {
    describe(name, fn);
  }
}
