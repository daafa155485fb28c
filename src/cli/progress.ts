/**
 * Progress on stderr for long runs: one line per stage as it starts, with its size, e.g.
 * `idcgen: [ 4.1 s] CDKTF: 369 stacks`.
 *
 * - Only for a person at a terminal: nothing when stderr is not a TTY (a pipe, a file, a CI log)
 *   or when `CI` is set (most CI systems set CI=true and some give jobs a pseudo-terminal).
 * - Only for long runs: nothing is shown until a stage starts QUIET_MS or more after the run
 *   began; then the stages already past are shown first, so the lines tell the whole story.
 * - `--progress` (force) shows every line at once, wherever stderr goes: CI logs want them.
 * - A long stage reports how far it is (`HCL: 120/369 roots`) at most every TICK_MS: the work is
 *   synchronous, so the emitters call `count` as they go (stderr to a pipe or file is synchronous).
 */
import type { TerminalStream } from '../write';

/** Runs shorter than this print nothing (unless forced). */
export const QUIET_MS = 500;

/** At most one count line per stage this often. */
export const TICK_MS = 3000;

export type ProgressStream = TerminalStream;

export interface Progress {
  /** A stage starts: its name and what it works on, e.g. `('CDKTF', '369 stacks')`. */
  stage(name: string, detail?: string): void;
  /** Within a stage: `done` of `total` `what` finished, e.g. `('HCL', 120, 369, 'roots')`. */
  count(name: string, done: number, total: number, what: string): void;
  /** The run has finished (a last line, when any was shown). */
  done(): void;
}

/** Whether `CI` asks for plain output: set to anything but an empty string, `0` or `false`. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export interface ProgressOptions {
  /** `--progress`: show every line, at once, even in CI or a pipe. */
  readonly force?: boolean;
}

export function progress(
  stream: ProgressStream,
  env: NodeJS.ProcessEnv = process.env,
  now: () => number = () => performance.now(),
  opts: ProgressOptions = {},
): Progress {
  if (!opts.force && (!stream.isTTY || inCi(env))) return { stage: () => undefined, count: () => undefined, done: () => undefined };
  const start = now();
  const pending: string[] = [];
  let showing = opts.force === true;
  let lastLine = start;
  const line = (at: number, text: string): string => `idcgen: [${((at - start) / 1000).toFixed(1).padStart(4)} s] ${text}\n`;
  const emit = (text: string): void => {
    const at = now();
    if (!showing && at - start >= QUIET_MS) {
      showing = true;
      for (const earlier of pending) stream.write(earlier);
    }
    if (showing) stream.write(line(at, text));
    else pending.push(line(at, text));
    lastLine = at;
  };
  return {
    stage: (name, detail) => emit(detail === undefined ? name : `${name}: ${detail}`),
    count: (name, done, total, what) => {
      if (done < total && now() - lastLine >= TICK_MS) emit(`${name}: ${done}/${total} ${what}`);
    },
    done: () => {
      if (showing) emit('done');
    },
  };
}
