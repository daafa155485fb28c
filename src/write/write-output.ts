/**
 * The one writer of generated output. Every run writes the complete tree into a temporary directory
 * beside the target, then renames it into place, so readers see the old tree or the new one, never
 * a mixture, and a failure at any point leaves the previous output as it was.
 *
 * Rules:
 * - the target is replaced only when it is idcgen's: it holds the marker `.idcgen-output`, which
 *   lists the files the previous run wrote (manifest.ts), or it is empty;
 * - idcgen never deletes or overwrites a file it did not write: Terraform working files (state,
 *   lock file, `.terraform/`) are carried into the new tree in place (carry.ts); anything else not
 *   in the marker, a `.git`, the model itself or a running Terraform stops the run, naming each
 *   entry (inspect-output.ts);
 * - paths in the file map are relative, use `/`, stay inside the output (no `..`, no absolute) and
 *   never name a Terraform working file;
 * - content gets LF line endings and exactly what the emitter gave otherwise;
 * - on any error the temporary directory is removed and the target is untouched. The only moment
 *   the target is absent is between the two renames of the swap; a crash right there leaves the
 *   previous tree in `.<name>.idcgen-old-<pid>-*` beside it, and the next run moves it back
 *   (src/write/interrupted-output.ts, which also removes a killed run's half-written tree).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempPrefix } from './interrupted-output';
import { carryWorkingFiles } from './carry';
import { inspectOutput } from './inspect-output';
import { isTerraformWorkingFile, OUTPUT_MARKER, renderManifest, TERRAFORM_RUNNING_LOCK, TERRAFORM_WORKING_DIRS } from './manifest';
import { WriteError } from './write-error';

export interface WriteOptions {
  /** The model and its included files: refused inside the output directory. */
  readonly modelFiles?: readonly string[];
  /** Recorded in the marker for the next run (generate: the keys it generated). */
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** Write `files` as the complete content of `outDir`; see the module comment for the rules. */
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>, opts: WriteOptions = {}): void {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(path.resolve(outDir));
  // Recovers what a killed run left beside the output, then refuses what idcgen may not replace.
  const inspection = inspectOutput(outDir, { modelFiles: opts.modelFiles });
  fs.mkdirSync(parent, { recursive: true });
  const tmp = fs.mkdtempSync(tempPrefix(parent, base, 'new'));
  try {
    const written: string[] = [];
    for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const safe = safeRelative(rel);
      const target = path.join(tmp, safe);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content.replace(/\r\n?/g, '\n'), { flag: 'wx' });
      written.push(safe);
    }
    carryWorkingFiles(outDir, tmp, inspection.working);
    fs.writeFileSync(path.join(tmp, OUTPUT_MARKER), renderManifest(written, opts.facts ?? {}));
    swapInto(tmp, outDir, parent, base);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Replace the target with the finished temporary tree: move the old tree aside, move the new one
 * in, then delete the old one. If the second rename fails the old tree is moved back.
 */
function swapInto(tmp: string, outDir: string, parent: string, base: string): void {
  if (!fs.existsSync(outDir)) {
    fs.renameSync(tmp, outDir);
    return;
  }
  const old = fs.mkdtempSync(tempPrefix(parent, base, 'old'));
  const aside = path.join(old, base);
  fs.renameSync(outDir, aside);
  try {
    fs.renameSync(tmp, outDir);
  } catch (e) {
    fs.renameSync(aside, outDir);
    fs.rmSync(old, { recursive: true, force: true });
    throw e;
  }
  fs.rmSync(old, { recursive: true, force: true });
}

/** A map key as a relative path inside the output; anything else is an emitter bug. */
function safeRelative(rel: string): string {
  const norm = path.posix.normalize(rel);
  if (rel === '' || path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel) || norm.startsWith('..') || rel.includes('\\') || norm === OUTPUT_MARKER) {
    throw new WriteError(`generated file path '${rel}' is not a relative path inside the output directory`);
  }
  const names = norm.split('/');
  const name = names[names.length - 1];
  if (isTerraformWorkingFile(name) || name === TERRAFORM_RUNNING_LOCK || names.some((n) => TERRAFORM_WORKING_DIRS.includes(n) || n === '.git')) {
    throw new WriteError(`generated file path '${rel}' names a terraform working file or a git directory, which idcgen never writes`);
  }
  return norm;
}

/**
 * Create one new file (idcgen init); refuses to overwrite an existing file. The exclusive create
 * makes the check and the write one step, so no race can clobber a file created meanwhile.
 */
export function writeNewFile(file: string, content: string): void {
  try {
    fs.writeFileSync(file, content.replace(/\r\n?/g, '\n'), { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteError(`'${file}' already exists; idcgen init never overwrites a file, choose another --out`);
    if (code === 'ENOENT') throw new WriteError(`cannot create '${file}': its directory does not exist`);
    throw e;
  }
}
