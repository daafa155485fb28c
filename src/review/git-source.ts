/**
 * `idcgen review --base <git-ref>:<path>`: the base model read from git, with the files it
 * includes, written into a temporary directory so the normal loader reads it like any model.
 *
 * This is the review's only file-system and process access; `reviewModels` itself stays pure.
 * Paths follow git's own rule for `<ref>:<path>`: relative to the repository root, or to the
 * current directory when they start with `./` or `../`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { LIMITS } from '../model/limits';
import { type Issue, ModelError } from '../model/issues';

export interface GitSpec {
  readonly ref: string;
  readonly path: string;
}

export interface GitModel {
  /** The main model file inside the temporary directory. */
  readonly file: string;
  /** How to name it to the user: `<ref>:<path>` as given. */
  readonly label: string;
  /** Issues name temporary files; this maps them back to `<ref>:<path>`. */
  relabel(issue: Issue): Issue;
  /** Removes the temporary directory. */
  dispose(): void;
}

/**
 * A `<ref>:<path>` argument, or undefined for a plain file. An existing file wins, so a model
 * whose name contains a colon still loads; a ref may not start with `-`, so it can never be read
 * by git as an option.
 */
export function parseGitSpec(arg: string, cwd: string): GitSpec | undefined {
  if (fs.existsSync(path.resolve(cwd, arg))) return undefined;
  const m = /^([^:]+):(.+)$/.exec(arg);
  if (!m || m[1].startsWith('-')) return undefined;
  return { ref: m[1], path: m[2] };
}

function git(args: string[], cwd: string, what: string): Buffer {
  try {
    // No shell: the ref and path are arguments, never command text.
    return execFileSync('git', args, { cwd, maxBuffer: LIMITS.modelFileBytes.max + 1, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    const detail =
      err.code === 'ENOENT'
        ? 'git is not installed or not on PATH'
        : err.code === 'ENOBUFS'
          ? `file is over ${LIMITS.modelFileBytes.max} bytes (${LIMITS.modelFileBytes.why})`
          : (err.stderr?.toString('utf8').trim().split('\n')[0] ?? String(e)).replace(/^fatal: /, '');
    throw new ModelError([{ file: what, line: 0, col: 0, path: '', message: `cannot read ${what} from git: ${detail}`, severity: 'error' }], what);
  }
}

function objectType(object: string, cwd: string): string | undefined {
  try {
    return execFileSync('git', ['cat-file', '-t', object], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** Repository-relative path of `p` as git reads `<ref>:<p>`. */
function repoPath(p: string, cwd: string): string {
  const posix = p.split(path.sep).join('/');
  if (!posix.startsWith('./') && !posix.startsWith('../')) return path.posix.normalize(posix);
  const prefix = git(['rev-parse', '--show-prefix'], cwd, 'the repository').toString('utf8').trim();
  return path.posix.normalize(path.posix.join(prefix, posix));
}

/** Included entries of a model (files or directories), resolved against the model's directory. */
function includesOf(text: string, modelPath: string): string[] {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: LIMITS.yamlAliasCount.max });
  } catch {
    return []; // the loader reports the syntax error with its position
  }
  const inc = (data as { include?: unknown } | null)?.include;
  if (!Array.isArray(inc)) return [];
  return inc.filter((x): x is string => typeof x === 'string' && x !== '').map((x) => path.posix.normalize(path.posix.join(path.posix.dirname(modelPath), x)));
}

export function readGitModel(spec: GitSpec, cwd: string): GitModel {
  const label = `${spec.ref}:${spec.path}`;
  const rel = repoPath(spec.path, cwd);
  if (rel.startsWith('../') || rel === '..') {
    throw new ModelError([{ file: label, line: 0, col: 0, path: '', message: `path '${spec.path}' is outside the repository`, severity: 'error' }], label);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-review-'));
  const write = (repoRel: string, content: Buffer) => {
    const target = path.join(dir, ...repoRel.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  };
  try {
    const main = git(['cat-file', 'blob', `${spec.ref}:${rel}`], cwd, label);
    write(rel, main);
    for (const inc of includesOf(main.toString('utf8'), rel)) {
      // Paths outside the repository are left for the loader to reject with the include's position.
      if (inc.startsWith('../') || inc === '..') continue;
      const object = `${spec.ref}:${inc}`;
      const type = objectType(object, cwd);
      // A missing include is left for the loader, which reports it at the include's position.
      if (type === undefined) continue;
      if (type === 'tree') {
        const names = git(['ls-tree', '--name-only', object], cwd, object).toString('utf8').split('\n');
        for (const name of names.filter((n) => /\.ya?ml$/.test(n))) write(`${inc}/${name}`, git(['cat-file', 'blob', `${object}/${name}`], cwd, `${object}/${name}`));
      } else {
        write(inc, git(['cat-file', 'blob', object], cwd, object));
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
