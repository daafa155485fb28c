/**
 * `idcgen accounts sync <model> [--write]`: bring the model's accounts in line with AWS
 * Organizations (new accounts added, OU paths and tags updated, suspended or closed accounts
 * removed). Prints the diff; `--write` applies it. Exit 0: nothing to change; 3: something
 * changed (or would); 1: the model or AWS could not be read; 2: usage.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { Argv, CommandModule } from 'yargs';
import { formatIssue, ModelError, type Issue } from '../../model';
import { loadChecked, loadResolved } from '../../pipeline';
import { type EditedFile, type SourceText, syncAccounts, type SyncDeps } from '../../sync';
import { writeFilesAtomically } from '../../write';

/** Exit code when the accounts changed (or would, without --write): CI opens a pull request on it. */
export const EXIT_CHANGED = 3;

export interface SyncArgs {
  readonly model: string;
  readonly write: boolean;
}

export interface SyncCommandDeps {
  organizations(region: string): OrganizationsClient;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
}

export async function runAccountsSync(args: SyncArgs, deps: SyncCommandDeps): Promise<number> {
  const { loaded, model } = loadChecked(args.model);
  const sources: SourceText[] = loaded.files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const syncDeps: SyncDeps = {
    organizations: deps.organizations(model.identityCenter.region),
    sleep: deps.sleep,
    onThrottle: (op, attempt, wait) => deps.stderr.write(`idcgen accounts sync: ${op} throttled (attempt ${attempt}); retrying in ${wait} ms\n`),
  };
  const result = await syncAccounts({ sources, organizationId: model.organization.id }, syncDeps);
  const { plan } = result;
  for (const w of plan.warnings) deps.stderr.write(`idcgen accounts sync: warning: ${w}\n`);
  for (const n of plan.notes) deps.stderr.write(`idcgen accounts sync: note: ${n}\n`);
  if (result.edited.length === 0) {
    deps.stderr.write(`idcgen accounts sync: ${args.model} is up to date (${result.accounts} accounts in the organization)\n`);
    return 0;
  }
  deps.stdout.write(result.diff);
  for (const issue of checkEdited(args.model, loaded.files, result.edited))
    deps.stderr.write(`idcgen accounts sync: warning: after the sync: ${formatIssue(issue)}\n`);
  if (args.write) {
    writeFilesAtomically(result.edited.map((e) => ({ file: e.file, content: e.after })));
  }
  const list = (xs: readonly { name: string }[]): string => (xs.length > 0 ? ` (${xs.map((x) => x.name).join(', ')})` : '');
  deps.stderr.write(
    `idcgen accounts sync: ${plan.add.length} added${list(plan.add)}, ${plan.remove.length} removed${list(plan.remove)}, ${plan.update.length} updated${list(plan.update)}` +
      `${plan.organizationalUnits && plan.organizationalUnits.changes.length > 0 ? `, ${plan.organizationalUnits.changes.length} organizationalUnits changes` : ''}; ` +
      `${args.write ? `wrote ${result.edited.map((e) => e.file).join(', ')}` : 'nothing written (pass --write to apply)'}\n`,
  );
  return EXIT_CHANGED;
}

/**
 * The edited model, checked the way every command checks a model (a copy in a temporary
 * directory): a removed account may still be named by an assignment or a key principal. Returns
 * the problems, named by the real files.
 */
function checkEdited(model: string, files: readonly string[], edited: readonly EditedFile[]): Issue[] {
  const base = path.dirname(path.resolve(model));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-sync-'));
  try {
    const after = new Map(edited.map((e) => [path.resolve(e.file), e.after]));
    const where = new Map<string, string>();
    for (const f of files) {
      const copy = path.join(tmp, path.relative(base, path.resolve(f)));
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.writeFileSync(copy, after.get(path.resolve(f)) ?? fs.readFileSync(f));
      where.set(copy, f);
    }
    try {
      loadResolved(path.join(tmp, path.relative(base, path.resolve(model))));
      return [];
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      return e.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, file: where.get(i.file) ?? i.file }));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const syncCommand: CommandModule<object, SyncArgs> = {
  command: 'sync <model>',
  describe: "Update the model's accounts from AWS Organizations (read-only AWS calls); prints the diff, exit 3 when something changed",
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml); the file holding accounts: may be an included one' })
      .option('write', { type: 'boolean', default: false, describe: 'apply the changes to the model files (default: only print the diff)' })
      .example('$0 accounts sync org.yaml', 'show what would change (exit 3 when something would)')
      .example('$0 accounts sync org.yaml --write', 'update the files; a scheduled CI job then opens a pull request') as unknown as Argv<SyncArgs>,
  handler: async (args) => {
    const code = await runAccountsSync(args, {
      // Our Caller retries throttling with its own backoff, so the SDK's retries are off.
      organizations: (region) => new OrganizationsClient({ region, maxAttempts: 1 }),
      stdout: process.stdout,
      stderr: process.stderr,
    });
    process.exitCode = code;
  },
};

export const accountsCommand: CommandModule<object, object> = {
  command: 'accounts',
  describe: "Keep the model's account inventory current (accounts sync)",
  builder: (y: Argv) => y.command(syncCommand).demandCommand(1, 'name a subcommand: sync'),
  handler: () => undefined,
};
