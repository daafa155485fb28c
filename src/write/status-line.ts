/**
 * One self-overwriting status line on stderr, for a person at a terminal: `idcgen import` counts
 * its requests, `idcgen encryption` says how long it has waited. Nothing is drawn when the stream
 * is not a terminal, so logs, pipes and CI output stay clean (and stdout is never touched).
 */

/** What the status line and the CLI's stage lines write to: stderr, or a test's stand-in. */
export interface TerminalStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface StatusLine {
  /** Replace the line with `text`. */
  update(text: string): void;
  /** Clear the line (when one was drawn) so the next output starts clean. */
  done(): void;
}

/** Carriage return, then erase to the end of the line. */
const CLEAR = '\r\x1b[K';

/** A status line on `stream`, or undefined when it is not a terminal. */
export function statusLine(stream: TerminalStream): StatusLine | undefined {
  if (stream.isTTY !== true) return undefined;
  let drawn = false;
  return {
    update: (text) => {
      drawn = true;
      stream.write(`${CLEAR}${text}`);
    },
    done: () => {
      if (drawn) stream.write(CLEAR);
      drawn = false;
    },
  };
}
