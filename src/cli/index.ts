#!/usr/bin/env node
/** idcgen command-line entry. Exit codes: 0 ok, 1 invalid model or failed check, 2 usage. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { commandsFor } from './cmds';
import { formatIssue, ModelError } from '../model';

export async function main(argv: string[]): Promise<void> {
  const cli = yargs(argv)
    .scriptName('idcgen')
    .usage('$0 <command> [options]')
    .strict()
    .demandCommand(1, 'name a command')
    .recommendCommands()
    .showHelpOnFail(false)
    // No .env('IDCGEN'): under .strict() every unrelated IDCGEN_* variable (IDCGEN_MODEL for cdktf,
    // test switches) would become an "unknown argument", and options such as --allow-unsafe must be
    // said on the command line, where a reviewer of a CI job can see them.
    .help()
    .version()
    .fail((msg, err) => {
      // yargs reports its own argument problems (including .check() failures) as YError: usage, exit 2.
      // Anything else was thrown by a command handler and is handled at the top level (exit 1).
      if (err && err.name !== 'YError') throw err;
      process.stderr.write(`idcgen: ${msg ?? err?.message}\nRun 'idcgen --help' for usage.\n`);
      process.exit(2);
    });
  for (const c of commandsFor(argv)) cli.command(c);
  await cli.parseAsync();
}

/**
 * The writer's error class, loaded only when an error is printed: commands that never write
 * (validate, lint, explain) do not load the writer. `require`: see cmds/index.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeErrorClass = () => (require('../write') as typeof import('../write')).WriteError;

/** How every uncaught error is shown: model issues as `file:line:col: message`, others as `idcgen: message`. */
export function printError(e: unknown): void {
  if (e instanceof ModelError) {
    for (const issue of e.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  } else if (e instanceof writeErrorClass()) {
    for (const line of e.lines()) process.stderr.write(`${line}\n`);
  } else {
    process.stderr.write(`idcgen: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

if (require.main === module) {
  main(hideBin(process.argv)).catch((e: unknown) => {
    printError(e);
    process.exit(1);
  });
}
