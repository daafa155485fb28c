/** `idcgen generate <model> --out DIR`: CDKTF stacks, HCL roots and modules, and review.md. */
import * as path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { FORMATS, generate, type Format } from '../../generate';
import { RAIL_IDS, type RailId } from '../../safety';
import { changedSinceProblem } from '../../incremental';
import { progress as createProgress } from '../progress';

interface Args {
  model: string;
  out: string;
  format: Format;
  allowUnsafe?: RailId[];
  atlantisDir?: string;
  changedSince?: string;
  progress: boolean;
}

/** A repository-relative directory as Atlantis accepts it: no `..`, no glob characters, `/`-separated. */
const ATLANTIS_DIR = /^(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/**
 * Where atlantis.yaml's project dirs start: the option, else `<out>/hcl` relative to the working
 * directory (CI runs generate at the repository root), else `.` when the output lies outside it.
 */
function atlantisDir(args: Args): string {
  if (args.atlantisDir !== undefined) return args.atlantisDir.replace(/\/+$/, '');
  const rel = path.relative(process.cwd(), path.resolve(args.out, 'hcl'));
  if (rel === '' || path.isAbsolute(rel) || rel.split(path.sep).includes('..')) return '.';
  const posix = rel.split(path.sep).join('/');
  return ATLANTIS_DIR.test(posix) ? posix : '.';
}

export const generateCommand: CommandModule<object, Args> = {
  command: 'generate <model>',
  describe: 'Generate Terraform (CDKTF stacks and HCL) and review.md from a model',
  builder: (y: Argv) =>
    y
      .positional('model', { type: 'string', demandOption: true, describe: 'model file (org.yaml)' })
      .option('out', {
        type: 'string',
        demandOption: true,
        describe: 'output directory; idcgen replaces only the files it wrote there and keeps Terraform state',
      })
      .option('format', { choices: FORMATS, default: 'all' as Format, describe: 'what to generate' })
      // Safety rails (src/safety): each one broken must be named here; never from the environment.
      .option('allow-unsafe', {
        type: 'string',
        array: true,
        choices: RAIL_IDS,
        describe: 'generate although the model breaks this safety rail (repeat for each)',
      })
      .option('progress', { type: 'boolean', default: false, describe: 'print stage lines and counts on stderr even in CI or a pipe' })
      .option('changed-since', {
        type: 'string',
        describe:
          "generate only the units whose content changed since this model (a file, a git revision at the model's path, or <rev>:<path>); the other units' files are kept from --out, which must hold the output of that model",
      })
      .option('atlantis-dir', {
        type: 'string',
        describe:
          'path of <out>/hcl from the repository root, for the project dirs of hcl/atlantis.yaml (default: <out>/hcl relative to the working directory)',
      })
      .check((argv) => {
        const dir = argv['atlantis-dir'];
        if (typeof dir === 'string' && (dir === '.' || !ATLANTIS_DIR.test(dir.replace(/\/+$/, '')))) {
          throw Object.assign(
            new Error(
              `--atlantis-dir '${dir}' is not valid; expected a relative path from the repository root without '..' or glob characters, e.g. generated/hcl`,
            ),
            { name: 'YError' },
          );
        }
        const since = argv['changed-since'];
        const problem = typeof since === 'string' ? changedSinceProblem(since, process.cwd()) : undefined;
        if (problem !== undefined) throw Object.assign(new Error(problem), { name: 'YError' });
        if (process.env.IDCGEN_ALLOW_UNSAFE === undefined) return true;
        throw Object.assign(new Error('--allow-unsafe must be given on the command line, not through IDCGEN_ALLOW_UNSAFE'), { name: 'YError' });
      })
      .example('$0 generate org.yaml --out out', 'everything: out/hcl, out/cdktf, out/review.md')
      .example('$0 generate org.yaml --out out --format hcl', 'HCL roots and modules only')
      .example('$0 generate org.yaml --out generated --atlantis-dir infra/generated/hcl', 'run outside the repository root: where Atlantis finds the roots')
      .example(
        '$0 generate org.yaml --out generated --changed-since origin/main',
        'only the units a pull request changed; generated/ holds the output of origin/main',
      )
      .example('$0 generate org.yaml --out out --allow-unsafe key-admin-missing', 'a key nobody can administer, flagged in review.md')
      .example(
        '$0 generate org.yaml --out out --allow-unsafe key-removed',
        'drop a key the previous output generated (its deletion is scheduled on apply)',
      ) as unknown as Argv<Args>,
  handler: async (args) => {
    // Stage lines on stderr for long runs at a terminal, or always with --progress (src/cli/progress.ts).
    const progress = createProgress(process.stderr, process.env, undefined, { force: args.progress });
    const { ir, files } = await generate(args.model, {
      out: args.out,
      format: args.format,
      allowUnsafe: new Set(args.allowUnsafe ?? []),
      atlantisDir: atlantisDir(args),
      changedSince: args.changedSince,
      progress,
    });
    process.stdout.write(`${args.model}: wrote ${files.size} files to ${args.out} (${ir.units.length} deployment units)\n`);
  },
};
