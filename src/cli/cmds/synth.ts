/**
 * `idcgen synth <model>`: the app command of a CDKTF project (cdktf.json `"app":
 * "./node_modules/.bin/idcgen synth org.yaml"`). cdktf runs it with CDKTF_OUTDIR set and reads the
 * stacks it writes there, as from a user's own main.ts; nothing is compiled per synth.
 *
 * The same stacks as `generate` (import blocks of an import plan included) behind the same safety
 * rails: a model that breaks one is refused, and nothing is written, unless `--allow-unsafe` names
 * the rule. Files are written in place (src/write/cdktf-outdir.ts): cdktf's output directory also
 * holds Terraform's working files and local state, which must survive.
 */
import type { Argv, CommandModule } from 'yargs';
import { generate } from '../../generate';
import { RAIL_IDS, type RailId } from '../../safety';
import { writeCdktfOutdir } from '../../write';

interface Args {
  model: string;
  out?: string;
  allowUnsafe?: RailId[];
}

export const synthCommand: CommandModule<object, Args> = {
  command: 'synth <model>',
  describe: 'Synthesize the CDKTF stacks of a model for cdktf (the app command in cdktf.json)',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('out', { type: 'string', describe: 'output directory; default $CDKTF_OUTDIR (set by cdktf), else cdktf.out' })
      .option('allow-unsafe', {
        type: 'string',
        array: true,
        choices: RAIL_IDS,
        describe: 'synthesize although the model breaks this safety rail (repeat for each)',
      })
      .check(() => {
        if (process.env.IDCGEN_ALLOW_UNSAFE === undefined) return true;
        throw Object.assign(new Error('--allow-unsafe must be given on the command line, not through IDCGEN_ALLOW_UNSAFE'), { name: 'YError' });
      })
      .example(
        '$0 synth org.yaml',
        'in cdktf.json: { "app": "./node_modules/.bin/idcgen synth org.yaml" }, then cdktf synth | diff | deploy',
      ) as unknown as Argv<Args>,
  handler: async (args) => {
    const { files } = await generate(args.model, { format: 'cdktf', allowUnsafe: new Set(args.allowUnsafe ?? []) });
    writeCdktfOutdir(args.out ?? (process.env.CDKTF_OUTDIR || 'cdktf.out'), files);
  },
};
