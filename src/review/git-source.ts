/**
 * The base model of a review read from git (`--base <rev>:<path>`, `--base-ref <rev>`), with the
 * files it includes, written into a temporary directory so the normal loader reads it like any
 * model. This is the review's only file-system and process access; `reviewModels` stays pure.
 *
 * Everything is read through git, never from the working tree: a pull request controls the working
 * tree, so a file in it named `origin/main:org.yaml` must not stand in for the base. Paths follow
 * git's rule for `<rev>:<path>`: relative to the repository root, or to the current directory when
 * they start with `./` or `../`. The files get the checks files on disk get (src/model/load.ts):
 * regular files only (symbolic links are followed inside the repository, includes' links only
 * below the model's directory), the size limit read from git before any content, and tree entries
 * listed NUL-separated so names outside ASCII are read as they are.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, isScalar, isSeq, LineCounter } from 'yaml';
import { LIMITS, type Issue, ModelError, parseGuarded } from '../model';

export interface GitSpec {
  readonly ref: string;
  /** As given: repository-relative, or `./`/`../` relative to the current directory. */
  readonly path: string;
}

/** Where the model before a change comes from: git (`<rev>:<path>`, read only through git) or a file. */
export type BaseSource = { readonly git: GitSpec } | { readonly file: string };

export interface GitModel {
  /** The main model file inside the temporary directory. */
  readonly file: string;
  /** How to name it to the user: `<rev>:<path>` as given. */
  readonly label: string;
  /** Issues name temporary files; this maps them back to `<rev>:<path>`. */
  relabel(issue: Issue): Issue;
  /** Removes the temporary directory. */
  dispose(): void;
}

/**
 * The `<rev>:<path>` form of an argument, or undefined when it has none. A rev may not start with
 * `-`, so git can never read it as an option. Whether the argument also names a file is the
 * caller's question (the CLI refuses an argument that could be both).
 */
export function parseGitSpec(arg: string): GitSpec | undefined {
  const m = /^([^:]+):(.+)$/.exec(arg);
  if (!m || m[1].startsWith('-')) return undefined;
  return { ref: m[1], path: m[2] };
}

/** Symbolic links followed before giving up (as the kernel's own limit, far below it). */
const MAX_LINK_HOPS = 8;
const REGULAR_MODES = new Set(['100644', '100755']);
const LINK_MODE = '120000';

/** Pathspecs taken literally: a path with `*` or `:(glob)` names that file, nothing else. */
export const GIT_ENV = { ...process.env, GIT_LITERAL_PATHSPECS: '1' };

function failure(file: string, message: string): ModelError {
  return new ModelError([{ file, line: 0, col: 0, path: '', message, severity: 'error' }], file);
}

function git(args: string[], cwd: string, what: string, maxBuffer = LIMITS.modelFileBytes.max + 1): Buffer {
  try {
    // No shell: the rev and path are arguments, never command text.
    return execFileSync('git', args, { cwd, env: GIT_ENV, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    const detail =
      err.code === 'ENOENT'
        ? 'git is not installed or not on PATH'
        : err.code === 'ENOBUFS'
          ? `output is over ${maxBuffer - 1} bytes`
          : (err.stderr?.toString('utf8').trim().split('\n')[0] ?? String(e)).replace(/^fatal: /, '');
    throw failure(what, `cannot read ${what} from git: ${detail}`);
  }
}

interface TreeEntry {
  readonly mode: string;
  readonly object: string;
  /** Repository-relative path. */
  readonly path: string;
}

/** `git ls-tree -z` output: `<mode> <type> <object>\t<name>` records ended by NUL. */
function treeEntries(out: Buffer): { mode: string; object: string; name: string }[] {
  return out
    .toString('utf8')
    .split('\0')
    .filter((r) => r !== '')
    .map((r) => {
      const tab = r.indexOf('\t');
      const [mode, , object] = r.slice(0, tab).split(' ');
      return { mode, object, name: r.slice(tab + 1) };
    });
}

/** The tree entry at a repository path, or undefined when the revision has none there. */
function entryAt(ref: string, repoRel: string, cwd: string, what: string): TreeEntry | undefined {
  const found = treeEntries(git(['ls-tree', '-z', '--full-tree', ref, '--', repoRel], cwd, what)).find((e) => e.name === repoRel);
  return found && { mode: found.mode, object: found.object, path: repoRel };
}

/** Whether `p` (normalized, repository-relative) lies at or below `dir` ('' is the root). */
function below(dir: string, p: string): boolean {
  if (p === '..' || p.startsWith('../') || path.posix.isAbsolute(p)) return false;
  return dir === '' || dir === '.' || p === dir || p.startsWith(`${dir}/`);
}

/**
 * The entry at `repoRel` with symbolic links followed, as long as every target stays below
 * `within`; `outside` names the first target that does not.
 */
function resolveEntry(ref: string, repoRel: string, within: string, cwd: string, what: string): { entry?: TreeEntry; outside?: string } {
  let p = repoRel;
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    const entry = entryAt(ref, p, cwd, what);
    if (!entry || entry.mode !== LINK_MODE) return { entry };
    const target = git(['cat-file', 'blob', entry.object], cwd, what, 4097).toString('utf8');
    const next = path.posix.normalize(path.posix.join(path.posix.dirname(p), target));
    if (path.posix.isAbsolute(target) || !below(within, next)) return { outside: path.posix.isAbsolute(target) ? target : next };
    p = next;
  }
  throw failure(what, `${ref}:${repoRel} has more than ${MAX_LINK_HOPS} symbolic links in a row`);
}

/** A regular file's content, after checking its size in git (no content is read past the limit). */
function readBlob(ref: string, entry: TreeEntry, cwd: string, what: string): Buffer {
  if (!REGULAR_MODES.has(entry.mode)) throw failure(what, `${ref}:${entry.path} is not a regular file (git mode ${entry.mode}); expected a yaml model file`);
  const size = Number(git(['cat-file', '-s', entry.object], cwd, what).toString('utf8').trim());
  if (size > LIMITS.modelFileBytes.max)
    throw failure(what, `file is ${size} bytes; the limit is ${LIMITS.modelFileBytes.max} bytes (${LIMITS.modelFileBytes.why})`);
  return git(['cat-file', 'blob', entry.object], cwd, what);
}

/** Repository-relative path of `p` as git reads `<rev>:<p>`. */
function repoPath(p: string, cwd: string): string {
  const posix = p.split(path.sep).join('/');
  if (!posix.startsWith('./') && !posix.startsWith('../')) return path.posix.normalize(posix);
  const prefix = git(['rev-parse', '--show-prefix'], cwd, 'the repository').toString('utf8').trim();
  return path.posix.normalize(path.posix.join(prefix, posix));
}

/** Whether `ref` names a commit in the repository at `cwd` (false outside a repository or without git). */
export function isGitRevision(ref: string, cwd: string): boolean {
  if (ref === '' || ref.startsWith('-')) return false;
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
      cwd,
      env: GIT_ENV,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return true;
  } catch {
    return false;
  }
}

/** `--base-ref <rev>`: the head model's own path, as `./`-relative spec git resolves like any other. */
export function gitSpecForHead(ref: string, headFile: string, cwd: string): GitSpec {
  const top = fs.realpathSync(git(['rev-parse', '--show-toplevel'], cwd, 'the repository').toString('utf8').trim());
  const abs = path.join(fs.realpathSync(path.dirname(path.resolve(cwd, headFile))), path.basename(headFile));
  const rel = path.relative(top, abs).split(path.sep).join('/');
  if (rel.startsWith('../') || path.isAbsolute(rel))
    throw failure(`${ref}:${headFile}`, `head model ${headFile} is outside the git repository ${top}; give --base <rev>:<path> or --base-file`);
  return { ref, path: rel };
}

/**
 * Included entries of a model (files or directories), resolved against the model's directory.
 * Parsed under the loader's guards (a hostile base must not fill memory here either), and only
 * when the text can have an `include` key: a model without one is not parsed twice.
 */
function includesOf(text: string, modelPath: string): { entry: string; repoRel: string }[] {
  if (!/\binclude["']?\s*:/.test(text)) return [];
  const budget = { maxLevels: LIMITS.yamlNestingLevels.max, maxNodes: LIMITS.yamlNodes.max, nodes: 0 };
  const doc = parseGuarded(text, new LineCounter(), budget);
  // The loader reports syntax errors and exceeded limits with their positions.
  if (!(doc instanceof Document) || doc.errors.length > 0) return [];
  const inc = doc.get('include');
  if (!isSeq(inc)) return [];
  return inc.items
    .map((x) => (isScalar(x) && typeof x.value === 'string' ? x.value : ''))
    .filter((x) => x !== '')
    .map((entry) => ({ entry, repoRel: path.posix.normalize(path.posix.join(path.posix.dirname(modelPath), entry)) }));
}

export function readGitModel(spec: GitSpec, cwd: string): GitModel {
  const label = `${spec.ref}:${spec.path}`;
  const rel = repoPath(spec.path, cwd);
  if (!below('', rel)) throw failure(label, `path '${spec.path}' is outside the repository`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-'));
  const write = (repoRel: string, content: Buffer | undefined) => {
    const target = path.join(dir, ...repoRel.split('/'));
    if (path.relative(dir, target).startsWith('..')) throw failure(label, `${spec.ref}:${repoRel} is not a path inside the repository`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // An entry that is not a file is written as a directory: the loader refuses it at its include.
    if (content === undefined) fs.mkdirSync(target, { recursive: true });
    else fs.writeFileSync(target, content);
  };
  try {
    const main = resolveEntry(spec.ref, rel, '', cwd, label);
    if (main.outside !== undefined) throw failure(label, `${label} is a symbolic link to ${main.outside}, outside the repository; name the model file itself`);
    if (!main.entry) throw failure(label, `cannot read ${label} from git: path '${rel}' does not exist in '${spec.ref}'`);
    const text = readBlob(spec.ref, main.entry, cwd, label);
    write(rel, text);
    const modelDir = path.posix.dirname(rel);
    for (const inc of includesOf(text.toString('utf8'), rel)) {
      // Paths outside the model's directory, and missing includes, are left for the loader to
      // report at the include's position.
      if (!below(modelDir, inc.repoRel)) continue;
      const what = `${spec.ref}:${inc.repoRel}`;
      const found = resolveEntry(spec.ref, inc.repoRel, modelDir, cwd, what);
      if (found.outside !== undefined) {
        throw failure(
          label,
          `include '${inc.entry}' leads to ${found.outside} through a symbolic link in ${spec.ref}, outside the model's directory; includes must stay below ${modelDir}`,
        );
      }
      if (!found.entry) continue;
      if (found.entry.mode !== '040000') {
        write(inc.repoRel, REGULAR_MODES.has(found.entry.mode) ? readBlob(spec.ref, found.entry, cwd, what) : undefined);
        continue;
      }
      // A directory: its *.yaml and *.yml entries, NUL-separated so every name is read as it is.
      const listing = treeEntries(git(['ls-tree', '-z', found.entry.object], cwd, what, 16 * 1024 * 1024));
      for (const e of listing.filter((x) => /\.ya?ml$/.test(x.name))) {
        const child = `${found.entry.path}/${e.name}`;
        const resolved = resolveEntry(spec.ref, child, modelDir, cwd, `${spec.ref}:${child}`);
        if (resolved.outside !== undefined) {
          throw failure(
            label,
            `include '${inc.entry}' leads to ${resolved.outside} through a symbolic link in ${spec.ref}, outside the model's directory; includes must stay below ${modelDir}`,
          );
        }
        const ok = resolved.entry && REGULAR_MODES.has(resolved.entry.mode);
        write(`${inc.repoRel}/${e.name}`, ok ? readBlob(spec.ref, resolved.entry!, cwd, `${spec.ref}:${child}`) : undefined);
      }
    }
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const prefix = `${dir}${path.sep}`;
  return {
    file: path.join(dir, ...rel.split('/')),
    label,
    relabel: (issue) =>
      issue.file.startsWith(prefix) ? { ...issue, file: `${spec.ref}:${issue.file.slice(prefix.length).split(path.sep).join('/')}` } : issue,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
