/**
 * `idcgen import --region R [--out org.yaml]`: read an existing Identity Center estate (read-only
 * AWS calls) and write a model of it plus the import plan next to it (`org.imports.json`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { createClients, type ImportClients, compareExternalPermissionSets, runImport, planPathFor } from '../../import';
import { loadResolved } from '../../pipeline';
import { EXAMPLE_ARNS, PATTERNS } from '../../model';
import { writeFileAtomically } from '../../write';

export { planPathFor };

export interface ImportArgs {
  readonly region: string;
  readonly out: string;
  readonly 'instance-arn'?: string;
  readonly force: boolean;
  readonly concurrency: number;
  /** A model whose external permission sets are compared with the live ones. */
  readonly compare?: string;
}

/** What the command touches outside itself, so tests run it against mocked clients. */
export interface ImportCommandDeps {
  clients(region: string): ImportClients;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { readonly isTTY?: boolean; write(s: string): unknown };
}

export function checkImportArgs(argv: ImportArgs): true | string {
  if (!PATTERNS.region.re.test(argv.region)) return `--region '${argv.region}' is not an aws region code; expected ${PATTERNS.region.expected}`;
  if (argv['instance-arn'] !== undefined && !PATTERNS.instanceArn.re.test(argv['instance-arn'])) {
    return `--instance-arn '${argv['instance-arn']}' is not an identity center instance arn; expected ${PATTERNS.instanceArn.expected}`;
  }
  if (!/\.ya?ml$/i.test(argv.out)) return `--out '${argv.out}' must name a .yaml or .yml file`;
  if (!Number.isInteger(argv.concurrency) || argv.concurrency < 1 || argv.concurrency > 16)
    return `--concurrency ${argv.concurrency} is out of range; allowed 1..16`;
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
    {
      region: argv.region,
      instanceArn: argv['instance-arn'],
      modelFile: path.basename(argv.out),
      planFile: path.basename(planPath),
      concurrency: argv.concurrency,
    },
    { clients: deps.clients(argv.region), sleep: deps.sleep, progress: deps.stderr },
  );
  writeFileAtomically(argv.out, out.yaml);
  writeFileAtomically(planPath, out.planJson);
  for (const note of out.notes) deps.stderr.write(`idcgen import: note: ${note}\n`);
  if (argv.compare !== undefined) {
    const { ir } = loadResolved(argv.compare);
    const differences = compareExternalPermissionSets(out.estate, ir);
    for (const d of differences) deps.stderr.write(`idcgen import: ${argv.compare}: ${d}\n`);
    const external = ir.permissionSets.filter((p) => p.external === true).length;
    deps.stdout.write(
      `compared ${external} external permission set${external === 1 ? '' : 's'} of ${argv.compare} with the instance: ${differences.length === 0 ? 'all match' : `${differences.length} differ`}\n`,
    );
  }
  const m = out.model;
  deps.stdout.write(
    `wrote ${argv.out} (${m.accounts?.length ?? 0} accounts, ${m.permissionSets?.length ?? 0} permission sets, ` +
      `${m.assignments?.length ?? 0} assignments, ${m.keys?.length ?? 0} keys) and ${planPath} (${out.plan.resources.length} existing resources to import)\n`,
  );
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
      .option('compare', {
        type: 'string',
        describe: "a model whose external permission sets (external: true) are compared with the instance's: declared managedPolicies against what each holds",
      })
      .check((argv) => checkImportArgs(argv as unknown as ImportArgs))
      .example('$0 import --region eu-west-1', 'write org.yaml and org.imports.json')
      .example('$0 import --region eu-west-1 --out live.yaml --compare org.yaml', "also check org.yaml's external permission sets against AWS")
      .example(
        `$0 import --region eu-west-1 --out adopted/org.yaml --instance-arn ${EXAMPLE_ARNS.instance}`,
        'choose the instance and the file',
      ) as unknown as Argv<ImportArgs>,
  handler: (args) =>
    runImportCommand(args, {
      clients: createClients,
      stdout: process.stdout,
      stderr: process.stderr,
    }),
};
