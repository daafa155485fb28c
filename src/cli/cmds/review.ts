/**
 * `idcgen review --base <model | git-ref:path> --head <model>`: what a change to the model grants
 * and revokes, with risk flags. Exit 1 when a flag is at or above `--fail-on`.
 */
import type { Argv, CommandModule } from 'yargs';
import type { ResolvedModel } from '../../model/ir';
import { formatIssue, ModelError } from '../../model/issues';
import { loadResolved } from '../../pipeline';
import { hasRiskAtOrAbove, parseGitSpec, readGitModel, renderReviewJson, renderReviewMarkdown, reviewModels, RISK_SEVERITIES, type RiskSeverity } from '../../review';

const FORMATS = ['markdown', 'json'] as const;

interface Args {
  base: string;
  head: string;
  format: (typeof FORMATS)[number];
  'fail-on'?: RiskSeverity;
}

/** Lint findings do not stop a review: its risk flags say what a change that breaks them means. */
const REVIEW_LOAD = { lintAsWarnings: true } as const;

function loadHead(file: string): ResolvedModel {
  const { ir, warnings } = loadResolved(file, REVIEW_LOAD);
  for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
  return ir;
}

/**
 * The base's warnings are not printed: they describe the model before the change, which the
 * change is not asked to fix. A base read from git is loaded from a temporary copy; its errors and
 * the review name the ref.
 */
function loadBase(arg: string): ResolvedModel {
  const spec = parseGitSpec(arg, process.cwd());
  if (!spec) return loadResolved(arg, REVIEW_LOAD).ir;
  const model = readGitModel(spec, process.cwd());
  try {
    return { ...loadResolved(model.file, REVIEW_LOAD).ir, source: model.label };
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(e.issues.map(model.relabel), model.label);
    throw e;
  } finally {
    model.dispose();
  }
}

export const reviewCommand: CommandModule<object, Args> = {
  command: 'review',
  describe: 'Show what a change to the model grants and revokes, with risk flags and the deployment units to plan',
  builder: (y: Argv) =>
    y
      .option('base', { type: 'string', demandOption: true, describe: 'the model before the change: a file, or <git-ref>:<path> read with git' })
      .option('head', { type: 'string', demandOption: true, describe: 'the model after the change' })
      .option('format', { choices: FORMATS, default: 'markdown' as const, describe: 'markdown for a pull request comment, json for CI' })
      .option('fail-on', { choices: RISK_SEVERITIES, describe: 'exit 1 when a risk flag is at or above this severity' })
      .example('$0 review --base origin/main:org.yaml --head org.yaml', 'review the working model against the main branch')
      .example('$0 review --base old.yaml --head org.yaml --format json --fail-on high', 'machine-readable; fail on high or critical flags') as unknown as Argv<Args>,
  handler: (args) => {
    const base = loadBase(args.base);
    const head = loadHead(args.head);
    const review = reviewModels(base, head);
    process.stdout.write(args.format === 'json' ? renderReviewJson(review) : renderReviewMarkdown(review));
    if (args['fail-on'] !== undefined && hasRiskAtOrAbove(review, args['fail-on'])) process.exitCode = 1;
  },
};
