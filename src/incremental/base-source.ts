/**
 * What `generate --changed-since <arg>` compares with: a model file, a git revision (the head
 * model's path at that revision), or `<rev>:<path>`. Git bases are read only through git
 * (src/review/git-source.ts). An argument that could be both a file in the working tree and a git
 * revision is refused, as review refuses such a --base: the working tree is the pull request's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitSpecForHead, isGitRevision, parseGitSpec, type BaseSource, type GitSpec } from '../review';

interface Reading {
  readonly onDisk: boolean;
  /** `<rev>:<path>` whose rev git knows. */
  readonly spec?: GitSpec;
  /** A revision git knows, read at the head model's path. */
  readonly revision: boolean;
}

function read(arg: string, cwd: string): Reading {
  const onDisk = fs.lstatSync(path.resolve(cwd, arg), { throwIfNoEntry: false }) !== undefined;
  const spec = parseGitSpec(arg);
  if (spec) return { onDisk, spec: isGitRevision(spec.ref, cwd) ? spec : undefined, revision: false };
  return { onDisk, revision: isGitRevision(arg, cwd) };
}

/** Why `arg` cannot name a base, or undefined when it can (for the CLI's usage check). */
export function changedSinceProblem(arg: string, cwd: string): string | undefined {
  const r = read(arg, cwd);
  if (r.onDisk && (r.spec || r.revision)) {
    const asGit = r.spec ? `the git revision ${r.spec.ref} (path ${r.spec.path})` : `the git revision ${arg}`;
    return `--changed-since '${arg}' could be both ${asGit} and a file in the working tree; say which: ./${arg.replace(/^\.\//, '')} for the file, or rename that file to give the revision`;
  }
  if (r.onDisk || r.spec || r.revision) return undefined;
  return `--changed-since '${arg}' is neither a model file nor a git revision; allowed: a model file, a branch, tag or commit (the model's path at that revision), or <rev>:<path>`;
}

/** The base `arg` names (changedSinceProblem found none). */
export function changedSinceSource(arg: string, headFile: string, cwd: string): BaseSource {
  const r = read(arg, cwd);
  if (r.spec) return { git: r.spec };
  if (r.onDisk) return { file: arg };
  return { git: gitSpecForHead(arg, headFile, cwd) };
}
