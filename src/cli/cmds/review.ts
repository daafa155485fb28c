/**
 * `idcgen review --base-ref <rev> --head <model>` (or `--base <rev>:<path>`, or `--base-file
 * <model>`): what a change to the model grants and revokes, with risk flags. Exit 1 when a flag is
 * at or above `--fail-on`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { type ResolvedModel, formatIssue } from '../../model';
import { loadResolved, type Loaded } from '../../pipeline';
import { loadBaseAside } from '../../pipeline-base';
import {
  DEFAULT_MAX_CHARS,
  gitSpecForHead,
  hasRiskAtOrAbove,
  parseGitSpec,
  renderReviewJson,
  renderReviewMarkdown,
  reviewModels,
  RISK_SEVERITIES,
  type BaseSource,
  type RiskSeverity,
} from '../../review';

const FORMATS = ['markdown', 'json'] as const;

/** Room for the header, the summary and the notes of what was left out. */
const MIN_MAX_CHARS = 2000;

interface Args {
  base?: string;
  'base-ref'?: string;
  'base-file'?: string;
  head: string;
  format: (typeof FORMATS)[number];
  'fail-on'?: RiskSeverity;
  'max-chars': number;
}

/** Lint findings do not stop a review: its risk flags say what a change that breaks them means. */
const REVIEW_LOAD = { lintAsWarnings: true } as const;
/** The base's warnings are not shown (see loadBase), so it is not linted at all. */
const BASE_LOAD = { ...REVIEW_LOAD, skipLint: true } as const;

/** Whether anything (a file, a directory, a dangling link) is at `p` in the working tree. */
function existsInTree(p: string): boolean {
  try {
    fs.lstatSync(path.resolve(p));
    return true;
  } catch {
    return false;
  }
}

/**
 * The base: read through git (`--base-ref`, or `--base` in the `<rev>:<path>` form) or from a file
 * (`--base-file`, or `--base` without that form). The builder has refused a `--base` that is both.
 */
function baseSource(args: Args): BaseSource {
  if (args['base-ref'] !== undefined) return { git: gitSpecForHead(args['base-ref'], args.head, process.cwd()) };
  if (args['base-file'] !== undefined) return { file: args['base-file'] };
  const spec = parseGitSpec(args.base!);
  return spec ? { git: spec } : { file: args.base! };
}

/**
 * The base's warnings are not printed: they describe the model before the change, which the
 * change is not asked to fix. A base read from git is loaded from a temporary copy; its errors and
 * the review name the rev. It loads on a worker thread while the head loads here (two cores, and
 * each load is seconds at enterprise size).
 */
async function loadBase(args: Args): Promise<ResolvedModel> {
  return (await loadBaseAside(baseSource(args), BASE_LOAD)).ir;
}

/**
 * Both models, loaded at the same time; reported as if loaded one after the other: a base that
 * fails is the error (even when the head fails too), and the head's warnings are printed only
 * once both loaded.
 */
async function loadBoth(args: Args): Promise<{ base: ResolvedModel; head: ResolvedModel }> {
  const pending = loadBase(args);
  // Without this, a base that fails while the head loads would be an unhandled rejection for a moment.
  pending.catch(() => undefined);
  let head: Loaded | undefined;
  let headError: unknown;
  try {
    head = loadResolved(args.head, REVIEW_LOAD);
  } catch (e) {
    headError = e;
  }
  const base = await pending;
  if (!head) throw headError;
  for (const w of head.warnings) process.stderr.write(`${formatIssue(w)}\n`);
  return { base, head: head.ir };
}

/** A usage error (exit 2), as yargs reports its own. */
function usage(message: string): Error {
  return Object.assign(new Error(message), { name: 'YError' });
}

/** Exactly one base; a `--base` that reads both as `<rev>:<path>` and as a file in the working tree is refused. */
function checkBase(args: Args): true {
  const given = (['base', 'base-ref', 'base-file'] as const).filter((k) => args[k] !== undefined);
  if (given.length !== 1)
    throw usage(`give exactly one of --base-ref, --base, --base-file; found ${given.length === 0 ? 'none' : given.map((k) => `--${k}`).join(', ')}`);
  const ref = args['base-ref'];
  if (ref !== undefined && (ref === '' || ref.startsWith('-') || ref.includes(':'))) {
    throw usage(`--base-ref '${ref}' is not a git revision; give a branch, tag or commit such as origin/main`);
  }
  const max = args['max-chars'];
  if (!Number.isInteger(max) || max < MIN_MAX_CHARS) throw usage(`--max-chars ${max} is too small; allowed a whole number of at least ${MIN_MAX_CHARS}`);
  if (args.base !== undefined && parseGitSpec(args.base) && existsInTree(args.base)) {
    const spec = parseGitSpec(args.base)!;
    throw usage(
      `--base '${args.base}' could be both the git revision ${spec.ref} (path ${spec.path}) and a file in the working tree; ` +
        `say which: --base-ref ${spec.ref} (the head model's path) or --base-file '${args.base}'`,
    );
  }
  return true;
}

export const reviewCommand: CommandModule<object, Args> = {
  command: 'review',
  describe: 'Show what a change to the model grants and revokes, with risk flags and the deployment units to plan',
  builder: (y: Argv) =>
    y
      .option('base-ref', { type: 'string', describe: "the model before the change: the head model's path at this git revision (read with git only)" })
      .option('base', {
        type: 'string',
        describe: 'the model before the change: <git-rev>:<path> read with git, or a model file; refused when it could be both',
      })
      .option('base-file', { type: 'string', describe: 'the model before the change: a model file' })
      .option('head', { type: 'string', demandOption: true, describe: 'the model after the change' })
      .option('format', { choices: FORMATS, default: 'markdown' as const, describe: 'markdown for a pull request comment, json for CI' })
      .option('fail-on', { choices: RISK_SEVERITIES, describe: 'exit 1 when a risk flag is at or above this severity' })
      .option('max-chars', {
        type: 'number',
        default: DEFAULT_MAX_CHARS,
        describe: 'markdown size budget: summary and risks first, details until the budget is spent (review.json is always complete)',
      })
      .check((argv) => checkBase(argv as unknown as Args))
      .example('$0 review --base-ref origin/main --head org.yaml', 'review the working model against the same file on the main branch')
      .example('$0 review --base origin/main:models/org.yaml --head org.yaml', 'against another path in git')
      .example(
        '$0 review --base-file old.yaml --head org.yaml --format json --fail-on high',
        'two files; machine-readable; fail on high or critical flags',
      ) as unknown as Argv<Args>,
  handler: async (args) => {
    const { base, head } = await loadBoth(args);
    const review = reviewModels(base, head);
    process.stdout.write(args.format === 'json' ? renderReviewJson(review) : renderReviewMarkdown(review, { maxChars: args['max-chars'] }));
    if (args['fail-on'] !== undefined && hasRiskAtOrAbove(review, args['fail-on'])) process.exitCode = 1;
  },
};
