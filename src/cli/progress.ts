/**
 * Progress on stderr for long runs: one line per stage as it starts, with its size, e.g.
 * `idcgen: [ 4.1 s] CDKTF: 369 stacks`.
 *
 * - Only for a person at a terminal: nothing when stderr is not a TTY (a pipe, a file, a CI log)
 *   or when `CI` is set (most CI systems set CI=true and some give jobs a pseudo-terminal).
 * - Only for long runs: nothing is shown until a stage starts QUIET_MS or more after the run
 *   began; then the stages already past are shown first, so the lines tell the whole story.
 * The work is synchronous, so a line can only appear between stages, never during one.
 */

/** Runs shorter than this print nothing. */
export const QUIET_MS = 500;

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** A stage starts: its name and what it works on, e.g. `('CDKTF', '369 stacks')`. */
  stage(name: string, detail?: string): void;
  /** The run has finished (a last line, when any was shown). */
  done(): void;
}

/** Whether `CI` asks for plain output: set to anything but an empty string, `0` or `false`. */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export function progress(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env, now: () => number = () => performance.now()): Progress {
  if (!stream.isTTY || inCi(env)) return { stage: () => undefined, done: () => undefined };
  const start = now();
  const pending: string[] = [];
  let showing = false;
  const line = (at: number, text: string): string => `idcgen: [${((at - start) / 1000).toFixed(1).padStart(4)} s] ${text}\n`;
  const emit = (text: string): void => {
    const at = now();
    if (!showing && at - start >= QUIET_MS) {
      showing = true;
      for (const earlier of pending) stream.write(earlier);
    }
    if (showing) stream.write(line(at, text));
    else pending.push(line(at, text));
  };
  return {
    stage: (name, detail) => emit(detail === undefined ? name : `${name}: ${detail}`),
    done: () => {
      if (showing) emit('done');
    },
  };
}
