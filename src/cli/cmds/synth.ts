/**
 * `idcgen synth <model>`: the app command of a CDKTF project (cdktf.json `"app": "npx --no-install
 * idcgen synth org.yaml"`). cdktf runs it with CDKTF_OUTDIR set and reads the stacks it writes
 * there, as from a user's own main.ts; nothing is compiled per synth. Same stacks as `generate`.
 */
import type { Argv, CommandModule } from 'yargs';
import { App } from '../../emit/cdktf/cdktf';
import { synthApp } from '../../emit/cdktf';
import { formatIssue } from '../../model/issues';
import { loadResolved } from '../../pipeline';

interface Args {
  model: string;
  out?: string;
}

export const synthCommand: CommandModule<object, Args> = {
  command: 'synth <model>',
  describe: 'Synthesize the CDKTF stacks of a model for cdktf (the app command in cdktf.json)',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('out', { type: 'string', describe: 'output directory; default $CDKTF_OUTDIR (set by cdktf), else cdktf.out' })
      .example('$0 synth org.yaml', 'in cdktf.json: { "app": "npx --no-install idcgen synth org.yaml" }, then cdktf synth | diff | deploy') as unknown as Argv<Args>,
  handler: (args) => {
    const { ir, warnings } = loadResolved(args.model);
    for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
    // cdktf's App reads CDKTF_OUTDIR itself; no stack traces in metadata (they hold machine paths).
    synthApp(new App({ stackTraces: false, ...(args.out !== undefined ? { outdir: args.out } : {}) }), ir);
  },
};
