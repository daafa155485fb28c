/** `idcgen generate <model> --out DIR`: CDKTF stacks, HCL roots and modules, and review.md. */
import type { Argv, CommandModule } from 'yargs';
import { synthCdktf } from '../../emit/cdktf';
import { mergeFileMaps, type FileMap } from '../../emit/files';
import { emitHcl } from '../../emit/hcl';
import { formatIssue } from '../../model/issues';
import { loadResolved } from '../../pipeline';
import { renderModelReview } from '../../review';
import { writeOutput } from '../../write';
import { withImportPlan } from './import';

const FORMATS = ['all', 'hcl', 'cdktf'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  model: string;
  out: string;
  format: Format;
}

export const generateCommand: CommandModule<object, Args> = {
  command: 'generate <model>',
  describe: 'Generate Terraform (CDKTF stacks and HCL) and review.md from a model',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('out', { type: 'string', demandOption: true, describe: 'output directory; replaced only if idcgen wrote it' })
      .option('format', { choices: FORMATS, default: 'all' as Format, describe: 'what to generate' })
      .example('$0 generate org.yaml --out out', 'everything: out/hcl, out/cdktf, out/review.md')
      .example('$0 generate org.yaml --out out --format hcl', 'HCL roots and modules only') as unknown as Argv<Args>,
  handler: (args) => {
    const { ir, warnings } = loadResolved(args.model);
    for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
    const parts: FileMap[] = [new Map([['review.md', renderModelReview(ir)]])];
    if (args.format !== 'cdktf') parts.push(emitHcl(ir));
    if (args.format !== 'hcl') parts.push(synthCdktf(ir));
    const files = withImportPlan(args.model, ir, mergeFileMaps(...parts), process.stderr);
    writeOutput(args.out, files);
    process.stdout.write(`${args.model}: wrote ${files.size} files to ${args.out} (${ir.units.length} deployment units)\n`);
  },
};
