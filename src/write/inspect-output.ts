/**
 * What is in an output directory before it is replaced, and whether idcgen may replace it.
 *
 * Every entry is one of: the marker; a file the previous run wrote (listed in the marker: replaced
 * or dropped); a Terraform working file or directory (carried into the new tree where it is); or
 * something else, which is refused with its path, as are a git repository anywhere below the
 * output, the model itself, and a Terraform run in progress. Nothing is changed here: a refusal
 * leaves the directory exactly as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recoverInterruptedWrites } from './interrupted-output';
import { isTerraformWorkingFile, OUTPUT_MARKER, parseManifest, TERRAFORM_RUNNING_LOCK, TERRAFORM_WORKING_DIRS, type PreviousOutput } from './manifest';
import { WriteError, type OutputProblem } from './write-error';

/** A Terraform working file or directory, relative to the output with `/`, to keep in place. */
export interface WorkingEntry {
  readonly rel: string;
  readonly kind: 'file' | 'dir' | 'symlink';
}

export interface OutputInspection {
  /** The output directory as the user named it. */
  readonly outDir: string;
  readonly previous: PreviousOutput;
  /** Sorted by path. */
  readonly working: readonly WorkingEntry[];
}

export interface InspectOptions {
  /** The model and its included files: refused inside the output, which is replaced with it. */
  readonly modelFiles?: readonly string[];
}

/**
 * Inspect `outDir` (after recovering what an interrupted run left beside it); throws WriteError
 * naming every entry that stops idcgen from replacing it.
 */
export function inspectOutput(outDir: string, opts: InspectOptions = {}): OutputInspection {
  const abs = path.resolve(outDir);
  recoverInterruptedWrites(path.dirname(abs), path.basename(abs));
  const none: OutputInspection = { outDir, previous: { kind: 'none' }, working: [] };
  let st: fs.Stats;
  try {
    st = fs.statSync(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return none;
    throw e;
  }
  if (!st.isDirectory()) throw new WriteError(`output '${outDir}' exists and is not a directory; choose another --out`);
  const models = modelsInside(outDir, opts.modelFiles ?? []);
  if (models.size > 0) {
    throw new WriteError(
      `the model is inside the output directory '${outDir}', which idcgen replaces on every run; keep the model outside --out`,
      [...models.values()].map((file) => ({
        path: file,
        message: `model file inside the output directory '${outDir}'; move it out, or choose an --out that does not contain it`,
      })),
    );
  }
  const entries = fs.readdirSync(outDir);
  if (entries.length === 0) return none;
  if (!entries.includes(OUTPUT_MARKER)) {
    throw new WriteError(
      `output directory '${outDir}' is not empty and was not written by idcgen (no ${OUTPUT_MARKER} file); choose another --out or empty it`,
    );
  }
  const previous = readMarker(outDir);
  const working: WorkingEntry[] = [];
  const problems: OutputProblem[] = [];
  walk(outDir, '', previous, working, problems);
  if (problems.length > 0) {
    throw new WriteError(
      `output directory '${outDir}' holds ${problems.length === 1 ? 'an entry' : `${problems.length} entries`} that idcgen may not replace; idcgen never deletes or overwrites a file it did not write`,
      problems,
    );
  }
  return { outDir, previous, working };
}

function readMarker(outDir: string): PreviousOutput {
  const file = path.join(outDir, OUTPUT_MARKER);
  const st = fs.lstatSync(file);
  const parsed = st.isFile() ? parseManifest(fs.readFileSync(file, 'utf8')) : undefined;
  if (parsed === undefined) {
    throw new WriteError(
      `output directory '${outDir}' has a ${OUTPUT_MARKER} that idcgen cannot read, so it cannot tell which files it wrote; choose another --out or empty it`,
    );
  }
  return parsed;
}

/** Classify every entry below `dir` (relative `rel`, `/`-separated); sorted, so messages are stable. */
function walk(outDir: string, rel: string, previous: PreviousOutput, working: WorkingEntry[], problems: OutputProblem[]): void {
  const entries = fs.readdirSync(path.join(outDir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    const shown = path.join(outDir, r);
    if (r === OUTPUT_MARKER) continue;
    if (e.name === '.git') {
      problems.push({
        path: shown,
        message:
          'a git repository (or worktree link) inside the output directory; point --out at a directory inside the checkout, such as generated/, never at the checkout itself',
      });
    } else if (TERRAFORM_WORKING_DIRS.includes(e.name) && (e.isDirectory() || e.isSymbolicLink())) {
      working.push({ rel: r, kind: e.isDirectory() ? 'dir' : 'symlink' });
    } else if (e.isDirectory()) {
      walk(outDir, r, previous, working, problems);
    } else if (e.name === TERRAFORM_RUNNING_LOCK) {
      problems.push({
        path: shown,
        message:
          'terraform is running in this directory (its state lock); wait for it to finish, or delete the file if terraform was killed, then generate again',
      });
    } else if (isTerraformWorkingFile(e.name) && e.isFile()) {
      working.push({ rel: r, kind: 'file' });
    } else if (!writtenByIdcgen(previous, r, e)) {
      problems.push({ path: shown, message: `not written by idcgen (not listed in ${OUTPUT_MARKER}); move it out of the output directory` });
    }
  }
}

function writtenByIdcgen(previous: PreviousOutput, rel: string, e: fs.Dirent): boolean {
  if (!e.isFile()) return false;
  if (previous.kind === 'manifest') return previous.files.has(rel);
  return previous.kind === 'legacy';
}

/** Model files that lie inside the output directory (on real paths), as the user named them. */
function modelsInside(outDir: string, modelFiles: readonly string[]): Map<string, string> {
  const out = fs.realpathSync(outDir);
  const inside = new Map<string, string>();
  for (const file of modelFiles) {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      continue;
    }
    const rel = path.relative(out, real);
    if (rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) inside.set(real, file);
  }
  return inside;
}
