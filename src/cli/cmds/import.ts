/**
 * `idcgen import --region R [--out org.yaml]`: read an existing Identity Center estate (read-only
 * AWS calls) and write a model of it plus the import plan next to it (`org.imports.json`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { createClients, type ImportClients } from '../../import/aws';
import { applyImportPlan } from '../../import/blocks';
import { parseImportPlan } from '../../import/plan';
import { runImport } from '../../import/run';
import { PATTERNS } from '../../model/aws-patterns';
import type { ResolvedModel } from '../../model/ir';

export interface ImportArgs {
  readonly region: string;
  readonly out: string;
  readonly 'instance-arn'?: string;
  readonly force: boolean;
  readonly concurrency: number;
}

/** What the command touches outside itself, so tests run it against mocked clients. */
export interface ImportCommandDeps {
  clients(region: string): ImportClients;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { readonly isTTY?: boolean; write(s: string): unknown };
}

/** `org.yaml` → `org.imports.json`, in the same directory. */
export function planPathFor(modelPath: string): string {
  const dir = path.dirname(modelPath);
  const base = path.basename(modelPath).replace(/\.ya?ml$/i, '');
  return path.join(dir, `${base}.imports.json`);
}

export function checkImportArgs(argv: ImportArgs): true | string {
  if (!PATTERNS.region.re.test(argv.region)) return `--region '${argv.region}' is not an aws region code; expected ${PATTERNS.region.expected}`;
  if (argv['instance-arn'] !== undefined && !PATTERNS.instanceArn.re.test(argv['instance-arn'])) {
    return `--instance-arn '${argv['instance-arn']}' is not an identity center instance arn; expected ${PATTERNS.instanceArn.expected}`;
  }
  if (!/\.ya?ml$/i.test(argv.out)) return `--out '${argv.out}' must name a .yaml or .yml file`;
  if (!Number.isInteger(argv.concurrency) || argv.concurrency < 1 || argv.concurrency > 16) return `--concurrency ${argv.concurrency} is out of range; allowed 1..16`;
  return true;
}

export async function runImportCommand(argv: ImportArgs, deps: ImportCommandDeps): Promise<void> {
  const planPath = planPathFor(argv.out);
  if (!argv.force) {
    // A model is edited by hand after import; never overwrite one silently.
    for (const p of [argv.out, planPath]) {
      if (fs.existsSync(p)) throw new Error(`${p} exists; choose another --out or pass --force to replace it`);
    }
  }
  const out = await runImport(
    { region: argv.region, instanceArn: argv['instance-arn'], modelFile: path.basename(argv.out), planFile: path.basename(planPath), concurrency: argv.concurrency },
    { clients: deps.clients(argv.region), sleep: deps.sleep, progress: deps.stderr },
  );
  writeAtomically(argv.out, out.yaml);
  writeAtomically(planPath, out.planJson);
  for (const note of out.notes) deps.stderr.write(`idcgen import: note: ${note}\n`);
  const m = out.model;
  deps.stdout.write(
    `wrote ${argv.out} (${m.accounts?.length ?? 0} accounts, ${m.permissionSets?.length ?? 0} permission sets, ` +
      `${m.assignments?.length ?? 0} assignments, ${m.keys?.length ?? 0} keys) and ${planPath} (${out.plan.resources.length} existing resources to import)\n`,
  );
}

/** How many unmatched keys a warning lists before it says "and N more". */
const LIST_IN_WARNING = 10;

/**
 * For `idcgen generate`: when the model has an import plan next to it (written by `idcgen import`),
 * add its import blocks to the generated files, and warn about existing resources the model no
 * longer declares (Terraform leaves those in AWS, unmanaged).
 */
export function withImportPlan(modelPath: string, ir: ResolvedModel, files: ReadonlyMap<string, string>, stderr: { write(s: string): unknown }): Map<string, string> {
  const planPath = planPathFor(modelPath);
  if (!fs.existsSync(planPath)) return new Map(files);
  const plan = parseImportPlan(fs.readFileSync(planPath, 'utf8'), planPath);
  const modelInstance = ir.identityCenter.instanceArn;
  if (modelInstance !== undefined && modelInstance !== plan.instanceArn) {
    throw new Error(`${planPath} lists resources of instance ${plan.instanceArn}, but the model's instance is ${modelInstance}; re-run idcgen import or remove ${planPath}`);
  }
  const { files: out, unmatched } = applyImportPlan(files, ir, plan);
  stderr.write(`idcgen generate: ${planPath}: import blocks for ${plan.resources.length} existing resources\n`);
  for (const [kind, list] of Object.entries(unmatched)) {
    if (!list || list.length === 0) continue;
    const keys = list.map((r) => `${r.type} ${r.key}`);
    const shown = keys.slice(0, LIST_IN_WARNING).join(', ') + (keys.length > LIST_IN_WARNING ? ` and ${keys.length - LIST_IN_WARNING} more` : '');
    stderr.write(`idcgen generate: warning: ${list.length} existing resources in ${planPath} are not in the generated ${kind} code; they stay in aws, unmanaged: ${shown}\n`);
  }
  return out;
}

/** Write beside the target and rename, so a failed run never leaves half a file. */
function writeAtomically(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.idcgen-${process.pid}`);
  fs.writeFileSync(tmp, content);
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export const importCommand: CommandModule<object, ImportArgs> = {
  command: 'import',
  describe: 'Read an existing Identity Center estate into a model and an import plan (read-only AWS calls)',
  builder: (y: Argv) =>
    y
      .option('region', { type: 'string', demandOption: true, describe: 'Region of the Identity Center instance' })
      .option('out', { type: 'string', default: 'org.yaml', describe: 'model file to write; the import plan goes next to it as <name>.imports.json' })
      .option('instance-arn', { type: 'string', describe: 'instance to read when the Region has more than one' })
      .option('force', { type: 'boolean', default: false, describe: 'replace existing output files' })
      .option('concurrency', { type: 'number', default: 4, describe: 'requests in flight (1..16); pacing keeps each API under its rate limit' })
      .check((argv) => checkImportArgs(argv as unknown as ImportArgs))
      .example('$0 import --region eu-west-1', 'write org.yaml and org.imports.json')
      .example('$0 import --region eu-west-1 --out adopted/org.yaml --instance-arn arn:aws:sso:::instance/ssoins-1111222233334444', 'choose the instance and the file') as unknown as Argv<ImportArgs>,
  handler: (args) =>
    runImportCommand(args, {
      clients: createClients,
      stdout: process.stdout,
      stderr: process.stderr,
    }),
};
