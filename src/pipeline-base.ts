/**
 * The model before a change: review's base and `generate --changed-since`'s. Read through git
 * (`<rev>:<path>`, never from the working tree: src/review/git-source.ts) or from a file, and loaded
 * on a worker thread (src/pipeline-worker.ts) while the caller loads the head. Its errors name the
 * revision, and the IR's source is `<rev>:<path>`.
 */
import { changedSinceSource, type IncrementalInput } from './incremental';
import { ModelError, modelDigest, type ResolvedModel } from './model';
import type { LoadOptions } from './pipeline';
import { loadResolvedAside } from './pipeline-worker';
import { readGitModel, type BaseSource } from './review';

export interface BaseModel {
  readonly ir: ResolvedModel;
  /** modelDigest of its files (read before a git base's temporary copy is removed). */
  readonly digest: string;
}

/** Load the base aside (worker thread), the way review and generate --changed-since both do. */
export async function loadBaseAside(source: BaseSource, opts: LoadOptions): Promise<BaseModel> {
  if ('file' in source) {
    const { ir, files } = await loadResolvedAside(source.file, opts);
    return { ir, digest: modelDigest(files) };
  }
  const model = readGitModel(source.git, process.cwd());
  try {
    const { ir, files } = await loadResolvedAside(model.file, opts);
    return { ir: { ...ir, source: model.label }, digest: modelDigest(files) };
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(e.issues.map(model.relabel), model.label);
    throw e;
  } finally {
    model.dispose();
  }
}

/** The base loads as review loads its base: its warnings are not shown, so it is not linted. */
const BASE_LOAD = { lintAsWarnings: true, skipLint: true } as const;

/** --changed-since's base, loading on a worker thread while the head loads (planAgainst handles its failure). */
export function loadChangedSinceBase(arg: string, headFile: string): Promise<IncrementalInput['base']> {
  // Deferred, so a base git cannot name (a head outside the repository) fails the plan, not the run.
  const pending = Promise.resolve().then(async () => {
    const source = changedSinceSource(arg, headFile, process.cwd());
    const base = await loadBaseAside(source, BASE_LOAD);
    return 'git' in source ? { ...base, gitRef: source.git.ref } : base;
  });
  // Without this, a base that fails while the head loads would be an unhandled rejection for a moment.
  pending.catch(() => undefined);
  return pending;
}
