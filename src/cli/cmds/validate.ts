/** `idcgen validate <model..>`: check models; every issue as file:line:col: message, or as JSON. */
import type { Argv, CommandModule } from 'yargs';
import { formatIssue, ModelError, type Issue } from '../../model';
import { loadResolved } from '../../pipeline';

interface Args {
  models: string[];
  json: boolean;
}

export const validateCommand: CommandModule<object, Args> = {
  command: 'validate <models..>',
  describe: 'Check organization models and report every issue with its file:line:col',
  builder: (y: Argv) =>
    y
      .positional('models', { type: 'string', array: true, demandOption: true, describe: 'model files (org.yaml)' })
      .option('json', { type: 'boolean', default: false, describe: 'print issues as a JSON array of {file, line, col, path, message, severity}' })
      .example('$0 validate org.yaml', 'check one model')
      .example('$0 validate examples/*.yaml --json', 'check several, machine-readable') as unknown as Argv<Args>,
  handler: (args) => {
    const all: Issue[] = [];
    let failed = false;
    for (const file of args.models) {
      try {
        const { warnings } = loadResolved(file);
        for (const w of warnings) all.push(w);
        if (!args.json) {
          for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
          process.stdout.write(`${file}: ok\n`);
        }
      } catch (e) {
        if (!(e instanceof ModelError)) throw e;
        failed = true;
        for (const i of e.issues) all.push(i);
        if (!args.json) for (const i of e.issues) process.stderr.write(`${formatIssue(i)}\n`);
      }
    }
    if (args.json) {
      const rows = all.map(({ file, line, col, path, message, severity }) => ({ file, line, col, path, message, severity }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    }
    if (failed) process.exitCode = 1;
  },
};
