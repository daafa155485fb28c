/**
 * `generate()`: a model file in, every generated file out — the one orchestration `idcgen generate`,
 * `idcgen synth`, `main.ts` (`cdktf synth`), the benchmark and the property tests run.
 *
 * Stages, in order: load and validate → resolve and lint (src/pipeline.ts) → what `out` holds
 * (feeds the state and key rails) → with --changed-since, the units to keep from it
 * (src/incremental) → HCL roots, modules and apply order → CDKTF stacks → the safety
 * rails over the emitted files → review.md → the import plan beside the model → write. Each stage
 * is timed for `onStage` (the benchmark prints the figures). Nothing is written before every check
 * has passed, and only src/write touches `out`.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { mergeFileMaps, type FileMap } from './emit';
import { withImportPlan } from './import';
import { generatedFrom, unitsToKeep } from './incremental';
import { type ResolvedModel, formatIssue } from './model';
import { loadChangedSinceBase } from './pipeline-base';
import { loadChecked, resolveChecked } from './pipeline';
import { renderModelReview, enforceRails, outputFacts } from './safety/output';
import { type RailId } from './safety';
import { inspectOutput, writeOutput } from './write';

export const FORMATS = ['all', 'hcl', 'cdktf'] as const;
/** What to generate: HCL roots and modules, CDKTF stacks, or both. */
export type Format = (typeof FORMATS)[number];

/** The stages `onStage` reports, in the order they run (a stage the options skip is not reported). */
export type GenerateStage = 'load' | 'resolve' | 'inspect-output' | 'changed-since' | 'hcl' | 'cdktf' | 'rails' | 'review' | 'import-plan' | 'write';

/** Stage lines for a long run (src/cli/progress.ts implements it; the library needs none). */
export interface GenerateProgress {
  stage(name: string, detail?: string): void;
  count(name: string, done: number, total: number, what: string): void;
  done(): void;
}

export interface GenerateOptions {
  /**
   * The output directory: compared with what an earlier run wrote there (the state and key-removal
   * rails), then replaced by the new output, review.md included. Without it the files are only
   * returned (`idcgen synth` and main.ts write the stacks where cdktf wants them), and review.md,
   * the reader's page of an output directory, is not rendered.
   */
  readonly out?: string;
  /** @default 'all' */
  readonly format?: Format;
  /** Safety rails the user allows this model to break (`--allow-unsafe`). @default none */
  readonly allowUnsafe?: ReadonlySet<RailId>;
  /**
   * `--changed-since`: a model file, git revision or `<rev>:<path>` that `out` holds the output
   * of; only the units that changed since are generated, the others' files kept (src/incremental).
   * Needs `out`.
   */
  readonly changedSince?: string;
  /** Where atlantis.yaml's project dirs start, from the repository root. @default '.' */
  readonly atlantisDir?: string;
  /** Warnings, one formatted line each, and the import plan's notes. @default process.stderr */
  readonly stderr?: { write(s: string): unknown };
  readonly progress?: GenerateProgress;
  /** Called as each stage ends, with its wall time in milliseconds. */
  readonly onStage?: (stage: GenerateStage, ms: number) => void;
}

export interface Generated {
  readonly ir: ResolvedModel;
  /** Every generated file by its path under `out`, as written (or, without `out`, as it would be). */
  readonly files: FileMap;
}

export async function generate(model: string, opts: GenerateOptions = {}): Promise<Generated> {
  const { format = 'all', allowUnsafe = new Set<RailId>(), stderr = process.stderr, progress = SILENT } = opts;
  const time = timer(opts.onStage);
  const warn = (w: Parameters<typeof formatIssue>[0]) => stderr.write(`${formatIssue(w)}\n`);

  if (opts.changedSince !== undefined && opts.out === undefined) throw new Error('generate: changedSince needs out, the output it keeps unchanged units from');
  // The base of --changed-since loads on a worker thread while the head loads here.
  const base = opts.changedSince === undefined ? undefined : loadChangedSinceBase(opts.changedSince, model);
  progress.stage('load, validate and resolve', model);
  const checked = time('load', () => loadChecked(model));
  const { ir, warnings, loaded } = time('resolve', () => resolveChecked(checked, { rails: { allowUnsafe } }));
  warnings.forEach(warn);
  // What `out` holds decides early whether it may be written, and feeds the state and key rails.
  const output = opts.out === undefined ? undefined : time('inspect-output', () => inspectOutput(opts.out!, { modelFiles: loaded.files }));
  const from = generatedFrom(model, loaded.files, ir.source, format);
  const keep =
    base && output
      ? await timeAsync(opts.onStage, 'changed-since', () =>
          unitsToKeep(base, { head: ir, headFrom: from, out: opts.out!, previous: output.previous }, opts.changedSince!, stderr),
        )
      : undefined;

  const parts: FileMap[] = [];
  if (format !== 'cdktf') {
    progress.stage('HCL', `${ir.units.length} roots for ${ir.accounts.length} accounts and ${ir.assignments.length} assignments`);
    const onRoot = (done: number, total: number) => progress.count('HCL', done, total, 'roots');
    const { emitHcl, emitApplyOrder } = loadHclEmitters();
    parts.push(...time('hcl', () => [emitHcl(ir, { onRoot, keep }), emitApplyOrder(ir, { atlantisDir: opts.atlantisDir })]));
  }
  if (format !== 'hcl') {
    progress.stage('CDKTF', `${ir.units.length} stacks`);
    const onStack = (done: number, total: number) => progress.count('CDKTF', done, total, 'stacks built');
    const { synthCdktf } = require('./emit/cdktf') as typeof import('./emit/cdktf');
    parts.push(time('cdktf', () => synthCdktf(ir, { onStack, keep })));
  }
  const emitted = mergeFileMaps(...parts);

  progress.stage(opts.out === undefined ? 'safety rails' : 'safety rails and review.md');
  const rails = await timeAsync(opts.onStage, 'rails', () => enforceRails({ loaded, ir, files: emitted, allowUnsafe, pipelineWarnings: warnings, output }));
  rails.warnings.forEach(warn);
  const review: FileMap = opts.out === undefined ? new Map() : time('review', () => new Map([['review.md', renderModelReview(ir, rails.allowances)]]));
  const files = time('import-plan', () => withImportPlan(model, ir, mergeFileMaps(review, emitted), stderr));

  if (opts.out !== undefined) {
    const out = opts.out;
    progress.stage('write', `${files.size} files to ${out}`);
    time('write', () => writeOutput(out, files, { modelFiles: loaded.files, facts: { ...outputFacts(ir), generatedFrom: from } }));
  }
  progress.done();
  return { ir, files };
}

/**
 * The emitters are loaded when the format needs them: cdktf and the AWS provider classes are ~400
 * modules (0.1-0.2 s of a small run), handlebars and the templates the HCL emitter's. `require`,
 * not `import()`, as in src/cli/cmds/index.ts: the output is CommonJS.
 */
function loadHclEmitters(): { emitHcl: typeof import('./emit/hcl').emitHcl; emitApplyOrder: typeof import('./emit/apply-order').emitApplyOrder } {
  const { emitHcl } = require('./emit/hcl') as typeof import('./emit/hcl');
  const { emitApplyOrder } = require('./emit/apply-order') as typeof import('./emit/apply-order');
  return { emitHcl, emitApplyOrder };
}

const SILENT: GenerateProgress = { stage: () => undefined, count: () => undefined, done: () => undefined };

/** Runs an asynchronous stage and reports its wall time, as `timer` does for synchronous ones. */
async function timeAsync<T>(onStage: GenerateOptions['onStage'], stage: GenerateStage, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  onStage?.(stage, performance.now() - t0);
  return result;
}

/** Runs a synchronous stage and reports its wall time. */
function timer(onStage: GenerateOptions['onStage']): <T>(stage: GenerateStage, run: () => T) => T {
  return (stage, run) => {
    const t0 = performance.now();
    const result = run();
    onStage?.(stage, performance.now() - t0);
    return result;
  };
}
