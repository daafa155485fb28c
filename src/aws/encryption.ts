/**
 * `idcgen encryption status|enable|disable`: find the instance, run the pre-flight, and switch
 * the instance's key only when every check passed, the user confirmed, and the instance is not
 * already in the wanted state. Exit codes: 0 ok, 1 failed check or failed switch (usage errors,
 * 2, are thrown as UsageError for the CLI).
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/identity-center-customer-managed-keys.html
 */
import { type EncryptionApi, type InstanceEncryption, type InstanceState, type WantedEncryption } from './api';
import { AwsCallError } from './errors';
import { DOCS, EncryptionStatus, InstanceKeyType } from './facts';
import { hasErrors, type Finding } from './findings';
import { ACTIONS } from '../policy';
import { checkInstance, preflight, type ExpectedPolicy } from './preflight';
import { usesWantedKey, waitForEncryption, type Clock } from './wait';

export type EncryptionAction = 'status' | 'enable' | 'disable';

export interface EncryptionRequest {
  readonly action: EncryptionAction;
  /** Identity Center Region. */
  readonly region: string;
  /** Looked up with ListInstances when absent. */
  readonly instanceArn?: string;
  /** Key id, key ARN, alias name or alias ARN; required for enable. */
  readonly key?: string;
  /** The model's key policy for `key`, rendered with live values; compared statement by statement. */
  readonly expectedPolicy?: ExpectedPolicy;
  /** From the model: the management account that must own the instance. */
  readonly managementAccountId?: string;
  /** From the model: the organization and the deployer, for the caller check. */
  readonly organizationId?: string;
  readonly deployer?: string;
  /** Application or application provider ARNs confirmed to work with a customer managed key. */
  readonly confirmedApps: readonly string[];
  readonly dryRun: boolean;
  readonly yes: boolean;
  readonly timeoutSeconds: number;
  readonly pollIntervalSeconds: number;
}

export interface EncryptionIo {
  out(line: string): void;
  err(line: string): void;
  /** A rewritable status line; only on a terminal. */
  readonly progress?: { update(line: string): void; done(): void };
  /** Asks yes/no; absent when stdin is not a terminal. */
  readonly confirm?: (question: string) => Promise<boolean>;
}

export interface EncryptionDeps {
  readonly api: EncryptionApi;
  readonly clock: Clock;
  readonly io: EncryptionIo;
}

export type ExitCode = 0 | 1;

/** The request cannot be run as given (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A check or the switch failed; the message is ready to print. */
class Failed extends Error {}

export function describeEncryption(e: InstanceEncryption): string {
  const key = e.keyType === InstanceKeyType.CUSTOMER_MANAGED_KEY ? ` ${e.kmsKeyArn ?? '(no key arn)'}` : '';
  const reason = e.reason ? `: ${e.reason}` : '';
  return `${e.keyType}${key} ${e.status}${reason}`;
}

function describeWanted(w: WantedEncryption): string {
  return w.keyType === InstanceKeyType.CUSTOMER_MANAGED_KEY ? `${w.keyType} ${w.kmsKeyArn}` : w.keyType;
}

function report(io: EncryptionIo, findings: readonly Finding[]): void {
  for (const f of findings) io.err(`${f.severity}: ${f.message}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  io.out(
    `pre-flight: ${errors === 0 ? 'ok' : `${errors} error${errors === 1 ? '' : 's'}`}${
      warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''
    }`,
  );
}

async function findInstance(api: EncryptionApi, region: string): Promise<string> {
  const instances = await api.listInstances();
  const arns = instances.map((i) => i.InstanceArn).filter((a): a is string => a !== undefined);
  if (arns.length === 1) return arns[0];
  if (arns.length === 0) throw new Failed(`no identity center instance found in ${region}: check the region`);
  throw new Failed(`${arns.length} identity center instances found in ${region} (${arns.join(', ')}): pass --instance-arn`);
}

export async function runEncryption(req: EncryptionRequest, deps: EncryptionDeps): Promise<ExitCode> {
  if (req.action === 'enable' && req.key === undefined) {
    throw new UsageError('enable needs a key: pass --key-arn, or a model whose identityCenter.encryption.key names one');
  }
  try {
    const instanceArn = req.instanceArn ?? (await findInstance(deps.api, req.region));
    const instance = await deps.api.describeInstance(instanceArn);
    deps.io.out(`instance: ${instance.arn} (account ${instance.ownerAccountId}, region ${req.region})`);
    deps.io.out(`encryption: ${describeEncryption(instance.encryption)}`);
    if (req.action === 'status') return await status(req, deps, instance);
    if (req.action === 'enable') return await enable(req, deps, instance, req.key as string);
    return await disable(req, deps, instance);
  } catch (e) {
    if (e instanceof Failed || e instanceof AwsCallError) {
      deps.io.err(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

async function status(req: EncryptionRequest, deps: EncryptionDeps, instance: InstanceState): Promise<ExitCode> {
  const current = instance.encryption;
  const inUse = current.keyType === InstanceKeyType.CUSTOMER_MANAGED_KEY ? current.kmsKeyArn : undefined;
  const key = req.key ?? inUse;
  let failed = current.status === EncryptionStatus.UPDATE_FAILED;
  if (key === undefined) {
    const findings = checkInstance(instance, req.managementAccountId);
    report(deps.io, findings);
    return failed || hasErrors(findings) ? 1 : 0;
  }
  const result = await preflight(deps.api, {
    region: req.region,
    instance,
    key,
    expectedPolicy: req.key !== undefined ? req.expectedPolicy : undefined,
    confirmedApps: req.confirmedApps,
    managementAccountId: req.managementAccountId,
  });
  report(deps.io, result.findings);
  failed ||= hasErrors(result.findings);
  if (req.key !== undefined && result.key?.Arn !== undefined && result.key.Arn !== inUse) {
    deps.io.out(`identity center does not use ${result.key.Arn} yet: run 'idcgen encryption enable' to switch`);
  }
  return failed ? 1 : 0;
}

async function enable(req: EncryptionRequest, deps: EncryptionDeps, instance: InstanceState, key: string): Promise<ExitCode> {
  const result = await preflight(deps.api, {
    region: req.region,
    instance,
    key,
    expectedPolicy: req.expectedPolicy,
    confirmedApps: req.confirmedApps,
    managementAccountId: req.managementAccountId,
    // Only a switch needs the caller's own KMS permissions (Identity Center validates with them).
    caller: { organizationId: req.organizationId, deployer: req.deployer },
  });
  report(deps.io, result.findings);
  if (hasErrors(result.findings) || result.key?.Arn === undefined) {
    throw new Failed('pre-flight failed: nothing changed');
  }
  return applySwitch(req, deps, instance, {
    keyType: InstanceKeyType.CUSTOMER_MANAGED_KEY,
    kmsKeyArn: result.key.Arn,
  });
}

async function disable(req: EncryptionRequest, deps: EncryptionDeps, instance: InstanceState): Promise<ExitCode> {
  // The AWS owned key always works: only the instance itself is checked.
  const findings = checkInstance(instance, req.managementAccountId);
  report(deps.io, findings);
  if (hasErrors(findings)) throw new Failed('pre-flight failed: nothing changed');
  return applySwitch(req, deps, instance, { keyType: InstanceKeyType.AWS_OWNED_KMS_KEY });
}

async function applySwitch(req: EncryptionRequest, deps: EncryptionDeps, instance: InstanceState, wanted: WantedEncryption): Promise<ExitCode> {
  const { io } = deps;
  const current = instance.encryption;
  const target = describeWanted(wanted);
  if (usesWantedKey(current, wanted) && current.status === EncryptionStatus.ENABLED) {
    io.out(`identity center already uses ${target}: nothing to do`);
    return 0;
  }
  if (current.status === EncryptionStatus.UPDATING) {
    if (!usesWantedKey(current, wanted)) {
      throw new Failed(
        `another key switch is in progress (${describeEncryption(current)}): wait for it to finish ('idcgen encryption status') and run this again`,
      );
    }
    io.out(`a switch to ${target} is already in progress: waiting for it`);
    return wait(req, deps, instance.arn, wanted);
  }
  if (req.dryRun) {
    io.out(`dry run: would call UpdateInstance on ${instance.arn} with ${target}; nothing changed`);
    return 0;
  }
  if (!req.yes) {
    if (!io.confirm) {
      throw new Failed('refusing to switch the key without confirmation: stdin is not a terminal; pass --yes to confirm');
    }
    const question = `switch identity center ${instance.arn} from ${describeEncryption(current)} to ${target}?`;
    if (!(await io.confirm(question))) throw new Failed('not confirmed: nothing changed');
  }
  try {
    await deps.api.updateInstance(instance.arn, wanted);
  } catch (e) {
    if (e instanceof AwsCallError && /AccessDenied/.test(e.code) && wanted.keyType === InstanceKeyType.CUSTOMER_MANAGED_KEY) {
      throw new Failed(`${e.message}; the caller of UpdateInstance also needs ${ACTIONS.switchCaller.join(', ')} on the key (see ${DOCS.cmkErrors})`);
    }
    throw e;
  }
  io.out(`UpdateInstance accepted: waiting for ${target} to be ${EncryptionStatus.ENABLED}`);
  return wait(req, deps, instance.arn, wanted);
}

async function wait(req: EncryptionRequest, deps: EncryptionDeps, instanceArn: string, wanted: WantedEncryption): Promise<ExitCode> {
  const { io } = deps;
  const result = await waitForEncryption(deps.api, instanceArn, wanted, {
    timeoutMs: req.timeoutSeconds * 1000,
    pollMs: req.pollIntervalSeconds * 1000,
    clock: deps.clock,
    progress: io.progress ? (line) => io.progress?.update(line) : undefined,
  });
  io.progress?.done();
  if (result.kind === 'enabled') {
    io.out(`identity center now uses ${describeWanted(wanted)} (${EncryptionStatus.ENABLED})`);
    return 0;
  }
  if (result.kind === 'failed') {
    throw new Failed(
      `key switch failed: ${EncryptionStatus.UPDATE_FAILED}: ${
        result.encryption.reason ?? 'no reason given'
      }; the previous key stays in use (see ${DOCS.cmkErrors})`,
    );
  }
  throw new Failed(
    `timed out after ${Math.round(result.waitedMs / 1000)}s waiting for ${
      EncryptionStatus.ENABLED
    } (last: ${describeEncryption(result.encryption)}); the switch may still finish: run 'idcgen encryption status'`,
  );
}
