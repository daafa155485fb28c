/**
 * What an interrupted `generate` leaves behind, and how the next run clears it.
 *
 * The writer (src/write) builds the new tree in a sibling temporary directory and swaps it in by
 * rename, so the output directory always holds a complete tree. Generation is synchronous, so
 * Ctrl-C (SIGINT), SIGTERM or a crash ends the process at once, without running `finally` blocks
 * or signal handlers (a handler would only run after the write finished, making Ctrl-C useless on
 * a large model). What can be left is therefore only beside the output, never in it:
 *
 * - `.<name>.idcgen-new-<pid>-*`: a half-written new tree; the output still holds the previous one;
 * - `<name>` inside `.<name>.idcgen-old-<pid>-*`: the previous tree, moved aside in the instant
 *   between the swap's two renames; the output directory is missing.
 *
 * The next run that writes the same output calls `recoverInterruptedWrites` first: it moves such a
 * previous tree back when the output is missing, and removes the leftovers of runs whose process
 * is gone. Directories of a process still running (another `generate` at the same time) are left
 * alone; the pid in the name is what tells them apart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type TempKind = 'new' | 'old';

/** Prefix for `fs.mkdtempSync` of this process's temporary directory of `kind` beside `base`. */
export function tempPrefix(parent: string, base: string, kind: TempKind): string {
  return path.join(parent, `.${base}.idcgen-${kind}-${process.pid}-`);
}

/** Restore a previous tree left aside by a dead run, then remove every leftover of dead runs. */
export function recoverInterruptedWrites(parent: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const target = path.join(parent, base);
  const pattern = new RegExp(`^\\.${escapeRegExp(base)}\\.idcgen-(new|old)-(\\d+)-`);
  const leftovers = names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null && !isRunning(Number(e.match[2])))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, match } of leftovers) {
    const dir = path.join(parent, name);
    const aside = path.join(dir, base);
    if (match[1] === 'old' && !fs.existsSync(target) && fs.existsSync(aside)) fs.renameSync(aside, target);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** True unless the process is known to be gone (EPERM: alive, owned by someone else). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
