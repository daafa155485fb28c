/**
 * Terraform working files carried from the previous tree into the new one, at the same paths.
 *
 * Files are hard-linked, not moved: until the new tree is renamed into place the previous tree
 * keeps every file, so a crash or Ctrl-C at any moment leaves the previous output whole (with its
 * state) and the half-written new tree holds only second links to the same data. After the swap
 * the new tree's link is the only one left. Where the file system refuses hard links the file is
 * copied, which is as safe and only slower. Symbolic links (`.terraform/providers/...` into a
 * plugin cache) are recreated with the same target.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkingEntry } from './inspect-output';

/** Link (or copy) every working entry of `fromDir` to the same relative path below `toDir`. */
export function carryWorkingFiles(fromDir: string, toDir: string, entries: readonly WorkingEntry[]): void {
  for (const e of entries) {
    const from = path.join(fromDir, e.rel);
    const to = path.join(toDir, e.rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (e.kind === 'dir') carryTree(from, to);
    else if (e.kind === 'symlink') fs.symlinkSync(fs.readlinkSync(from), to);
    else linkOrCopy(from, to);
  }
}

function carryTree(from: string, to: string): void {
  fs.mkdirSync(to);
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const f = path.join(from, e.name);
    const t = path.join(to, e.name);
    if (e.isDirectory()) carryTree(f, t);
    else if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(f), t);
    else if (e.isFile()) linkOrCopy(f, t);
    // Sockets and pipes are not data: Terraform keeps none in its working directories.
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw e;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  }
}
