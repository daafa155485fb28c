/**
 * `idcgen synth <model>`: the app command of a CDKTF project (cdktf.json `"app":
 * "./node_modules/.bin/idcgen synth org.yaml"`). cdktf runs it with CDKTF_OUTDIR set and reads the
 * stacks it writes there, as from a user's own main.ts; nothing is compiled per synth.
 *
 * The same stacks as `generate` (import blocks of an import plan included) behind the same safety
 * rails: a model that breaks one is refused, and nothing is written, unless `--allow-unsafe` names
 * the rule. Files are written in place, each through a temporary file renamed over it: cdktf's
 * output directory also holds Terraform's working files and local state, which must survive.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { synthCdktf } from '../../emit/cdktf';
import { withImportPlan } from '../../import';
import { formatIssue } from '../../model';
import { loadResolved } from '../../pipeline';
import { RAIL_IDS, type RailId } from '../../safety';
import { enforceRails } from '../../safety/output';

interface Args {
  model: string;
  out?: string;
  allowUnsafe?: RailId[];
}

const PREFIX = 'cdktf/';

export const synthCommand: CommandModule<object, Args> = {
  command: 'synth <model>',
  describe: 'Synthesize the CDKTF stacks of a model for cdktf (the app command in cdktf.json)',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('out', { type: 'string', describe: 'output directory; default $CDKTF_OUTDIR (set by cdktf), else cdktf.out' })
      .option('allow-unsafe', { type: 'string', array: true, choices: RAIL_IDS, describe: 'synthesize although the model breaks this safety rail (repeat for each)' })
      .check(() => {
        if (process.env.IDCGEN_ALLOW_UNSAFE === undefined) return true;
        throw Object.assign(new Error('--allow-unsafe must be given on the command line, not through IDCGEN_ALLOW_UNSAFE'), { name: 'YError' });
      })
      .example('$0 synth org.yaml', 'in cdktf.json: { "app": "./node_modules/.bin/idcgen synth org.yaml" }, then cdktf synth | diff | deploy') as unknown as Argv<Args>,
  handler: async (args) => {
    const allowUnsafe = new Set(args.allowUnsafe ?? []);
    const { ir, warnings, loaded } = loadResolved(args.model, { rails: { allowUnsafe } });
    for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
    const emitted = synthCdktf(ir);
    const rails = await enforceRails({ loaded, ir, files: emitted, allowUnsafe, pipelineWarnings: warnings });
    for (const w of rails.warnings) process.stderr.write(`${formatIssue(w)}\n`);
    const files = withImportPlan(args.model, ir, emitted, process.stderr);
    const outdir = args.out ?? (process.env.CDKTF_OUTDIR || 'cdktf.out');
    for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!rel.startsWith(PREFIX)) continue;
      const target = path.join(outdir, rel.slice(PREFIX.length));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.idcgen-tmp-${process.pid}`;
      fs.writeFileSync(temp, content);
      fs.renameSync(temp, target);
    }
  },
};
