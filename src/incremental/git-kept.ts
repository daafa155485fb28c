/**
 * When the base is a git revision and --out is committed there, every kept file must be the file
 * that revision holds: a pull request controls the working tree, and a hand edit to a generated
 * file of an unchanged unit would otherwise survive --changed-since (a full generate replaces it).
 * Files are compared by git's blob id (sha1 of `blob <size>\0<content>`), read from the revision's
 * tree, never its contents.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GIT_ENV } from '../review';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, env: GIT_ENV, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
  } catch {
    return undefined;
  }
}

function blobId(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
}

/**
 * The first kept file (output-relative path) that differs from `ref`'s copy, or undefined when all
 * match or `ref` holds no file of `out` (an output that is not committed cannot be compared).
 */
export function keptFileDifferingFromGit(ref: string, out: string, kept: ReadonlyMap<string, string>, cwd: string): string | undefined {
  const top = git(['rev-parse', '--show-toplevel'], cwd)?.trim();
  if (!top || !fs.existsSync(out)) return undefined;
  const rel = path
    .relative(fs.realpathSync(top), fs.realpathSync(path.resolve(cwd, out)))
    .split(path.sep)
    .join('/');
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', ref, '--', rel === '' ? '.' : rel], cwd);
  if (listing === undefined) return undefined;
  const blobs = new Map<string, string>();
  for (const record of listing.split('\0').filter((r) => r !== '')) {
    const tab = record.indexOf('\t');
    const [, type, object] = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    if (type === 'blob') blobs.set(rel === '' ? file : file.slice(rel.length + 1), object);
  }
  if (blobs.size === 0) return undefined;
  for (const [file, content] of kept) if (blobs.get(file) !== blobId(content)) return file;
  return undefined;
}
