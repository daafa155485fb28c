/**
 * `idcgen encryption status|enable|disable [model]`: check the live key and key policy, then
 * switch Identity Center to the customer managed key (or back to the AWS owned key).
 * Exit codes: 0 ok, 1 failed check or failed switch, 2 usage.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { Argv, CommandModule } from 'yargs';
import {
  createClients,
  EncryptionApi,
  runEncryption,
  UsageError,
  type EncryptionAction,
  type EncryptionIo,
  type EncryptionRequest,
  ALIAS_ARN,
  INSTANCE_ARN,
  KEY_ARN,
  targetFromModel,
  type ModelTarget,
  type Clock,
} from '../../aws';
import { EXAMPLE_ARNS, isArn, formatIssue } from '../../model';
import { loadResolved } from '../../pipeline';
import { statusLine } from '../../write';

export interface EncryptionArgs {
  readonly action: EncryptionAction;
  readonly model?: string;
  readonly region?: string;
  readonly 'instance-arn'?: string;
  readonly 'key-arn'?: string;
  readonly 'expected-policy'?: string;
  readonly 'confirm-apps': string[];
  readonly 'dry-run': boolean;
  readonly yes: boolean;
  readonly timeout: number;
  readonly 'poll-interval': number;
}

/** Everything the command touches outside itself, so tests run it against mocked clients. */
export interface EncryptionCommandDeps {
  api(region: string): EncryptionApi;
  readonly clock: Clock;
  readonly io: EncryptionIo;
  readFile(path: string): string;
  /** Resolve a model file into what the switch needs (throws ModelError for an invalid model). */
  loadTarget(file: string): ModelTarget;
  setExitCode(code: number): void;
}

const ACTIONS: readonly EncryptionAction[] = ['status', 'enable', 'disable'];

/**
 * Argument errors, as text. The handler runs this rather than yargs `.check()`: yargs hands a
 * check's message to the fail handler as an error, which the entry point reports as exit 1.
 */
export function checkArgs(argv: EncryptionArgs): true | string {
  const key = argv['key-arn'];
  if (argv.model === undefined && argv.region === undefined) return '--region is required without a model';
  if (argv['instance-arn'] !== undefined && !INSTANCE_ARN.test(argv['instance-arn'])) {
    return `--instance-arn '${argv['instance-arn']}' is not an identity center instance arn (${EXAMPLE_ARNS.instancePattern})`;
  }
  if (key !== undefined && isArn(key) && !KEY_ARN.test(key) && !ALIAS_ARN.test(key)) {
    return `--key-arn '${key}' is not a kms key arn or alias arn`;
  }
  if (argv.action === 'enable' && argv.model === undefined && key === undefined) {
    return 'enable needs --key-arn (a key arn, key id or alias/...) or a model';
  }
  if (argv.action === 'disable' && key !== undefined) {
    return 'disable switches to the aws owned key: --key-arn does not apply';
  }
  if (argv.model !== undefined && argv['expected-policy'] !== undefined) {
    return '--expected-policy replaces the model: give one or the other';
  }
  if (!(argv.timeout > 0) || !(argv['poll-interval'] > 0)) return '--timeout and --poll-interval must be positive numbers of seconds';
  return true;
}

/** Model values first; flags fill what the model leaves open and may not contradict it. */
export function buildRequest(argv: EncryptionArgs, target: ModelTarget | undefined, expectedPolicyText?: string): EncryptionRequest {
  if (target && argv.region !== undefined && argv.region !== target.region) {
    throw new UsageError(`--region ${argv.region} contradicts the model's identity center region ${target.region}`);
  }
  if (target?.instanceArn !== undefined && argv['instance-arn'] !== undefined && argv['instance-arn'] !== target.instanceArn) {
    throw new UsageError(`--instance-arn ${argv['instance-arn']} contradicts the model's instance ${target.instanceArn}`);
  }
  let expectedPolicy = target?.expectedPolicy;
  if (expectedPolicyText !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(expectedPolicyText);
    } catch (e) {
      throw new UsageError(`--expected-policy ${argv['expected-policy']} is not valid json: ${(e as Error).message}`);
    }
    expectedPolicy = () => parsed;
  }
  return {
    action: argv.action,
    region: (target?.region ?? argv.region) as string,
    instanceArn: argv['instance-arn'] ?? target?.instanceArn,
    // An explicit key ARN wins over the model's alias: the Terraform step passes the ARN it created.
    key: argv.action === 'disable' ? undefined : (argv['key-arn'] ?? target?.key),
    expectedPolicy,
    managementAccountId: target?.managementAccountId,
    organizationId: target?.organizationId,
    deployer: target?.deployer,
    confirmedApps: argv['confirm-apps'],
    dryRun: argv['dry-run'],
    yes: argv.yes,
    timeoutSeconds: argv.timeout,
    pollIntervalSeconds: argv['poll-interval'],
  };
}

/** The real world: SDK clients, the wall clock, process streams and a terminal prompt. */
export function processDeps(): EncryptionCommandDeps {
  const { stdin, stdout, stderr } = process;
  return {
    api: (region) => new EncryptionApi(createClients(region)),
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    io: {
      out: (line) => stdout.write(`${line}\n`),
      err: (line) => stderr.write(`${line}\n`),
      progress: statusLine(stderr),
      confirm: stdin.isTTY
        ? async (question) => {
            const rl = createInterface({ input: stdin, output: stderr });
            try {
              return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
            } finally {
              rl.close();
            }
          }
        : undefined,
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    loadTarget: (file) => {
      const { ir, warnings } = loadResolved(file);
      for (const w of warnings) stderr.write(`${formatIssue(w)}\n`);
      return targetFromModel(ir);
    },
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

export function makeEncryptionCommand(deps: () => EncryptionCommandDeps = processDeps): CommandModule<object, EncryptionArgs> {
  return {
    command: 'encryption <action> [model]',
    describe: 'check the customer managed key and switch Identity Center to it (enable) or back (disable)',
    builder: (y: Argv) =>
      y
        .positional('action', {
          choices: ACTIONS,
          demandOption: true,
          describe: 'status: check; enable: switch to the key; disable: back to the AWS owned key',
        })
        .positional('model', {
          type: 'string',
          describe: 'org model: region, instance, key alias and expected key policy come from it',
        })
        .option('region', { type: 'string', describe: 'Identity Center Region (required without a model)' })
        .option('instance-arn', { type: 'string', describe: 'looked up with ListInstances when absent' })
        .option('key-arn', { type: 'string', describe: 'key ARN, key id or alias/...; overrides the model key' })
        .option('expected-policy', {
          type: 'string',
          describe: 'JSON key policy to compare the live one with (without a model)',
        })
        .option('confirm-apps', {
          type: 'string',
          array: true,
          default: [] as string[],
          describe: 'application (or application provider) ARNs confirmed to work with a customer managed key, comma-separated',
          coerce: (v: string[]) =>
            v
              .flatMap((s) => s.split(','))
              .map((s) => s.trim())
              .filter((s) => s !== ''),
        })
        .option('dry-run', { type: 'boolean', default: false, describe: 'run the pre-flight only; never write' })
        .option('yes', {
          type: 'boolean',
          default: false,
          describe: 'switch without asking (required when stdin is not a terminal)',
        })
        .option('timeout', { type: 'number', default: 600, describe: 'seconds to wait for ENABLED' })
        .option('poll-interval', { type: 'number', default: 5, describe: 'seconds between DescribeInstance calls' })
        .example('$0 encryption status org.yaml', 'show the instance encryption and check the key in use')
        .example('$0 encryption enable org.yaml --dry-run', 'check the key and its policy against the model; change nothing')
        .example(
          `$0 encryption enable --region eu-west-1 --instance-arn ${EXAMPLE_ARNS.instance} --key-arn ${EXAMPLE_ARNS.keyArnPattern} --yes`,
          'what the generated Terraform step runs',
        )
        .example('$0 encryption disable --region eu-west-1', 'switch back to the AWS owned key') as unknown as Argv<EncryptionArgs>,
    handler: async (argv) => {
      const d = deps();
      try {
        const problem = checkArgs(argv);
        if (problem !== true) throw new UsageError(problem);
        const target = argv.model !== undefined ? d.loadTarget(argv.model) : undefined;
        const policyText = argv['expected-policy'] !== undefined ? d.readFile(argv['expected-policy']) : undefined;
        const request = buildRequest(argv, target, policyText);
        d.setExitCode(await runEncryption(request, { api: d.api(request.region), clock: d.clock, io: d.io }));
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        d.io.err(`idcgen: ${e.message}\nRun 'idcgen encryption --help' for usage.`);
        d.setExitCode(2);
      }
    },
  };
}

export const encryptionCommand = makeEncryptionCommand();
