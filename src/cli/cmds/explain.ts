/**
 * `idcgen explain <model>`: the access matrix (principal × account → permission sets, with why
 * each account was selected) and who can use each key and how.
 */
import type { Argv, CommandModule } from 'yargs';
import { formatIssue } from '../../model';
import { loadResolved } from '../../pipeline';
import { explainModel, renderExplainCsv, renderExplainJson, renderExplainMarkdown } from '../../review';

const FORMATS = ['markdown', 'json', 'csv'] as const;

interface Args {
  model: string;
  format: (typeof FORMATS)[number];
}

const RENDER = { markdown: renderExplainMarkdown, json: renderExplainJson, csv: renderExplainCsv } as const;

export const explainCommand: CommandModule<object, Args> = {
  command: 'explain <model>',
  describe: 'Show who reaches which account with which permission set, and who can use each key',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('format', { choices: FORMATS, default: 'markdown' as const, describe: 'markdown, json, or csv (one row per grant)' })
      .example('$0 explain org.yaml', 'access matrix and key use as Markdown')
      .example(
        '$0 explain org.yaml --format csv > access.csv',
        'one row per principal, account and permission set, and per key principal',
      ) as unknown as Argv<Args>,
  handler: (args) => {
    const { ir, warnings } = loadResolved(args.model);
    for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
    process.stdout.write(RENDER[args.format](explainModel(ir)));
  },
};
