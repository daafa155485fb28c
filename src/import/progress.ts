/**
 * The status line of `idcgen import` while it reads AWS (write/status-line.ts: only on a terminal):
 * requests per service and throttling.
 */
import { statusLine, type StatusLine, type TerminalStream } from '../write';
import type { Service } from './aws';

export type ProgressStream = TerminalStream;

/** Redraw at most this often: a large estate makes tens of thousands of requests. */
const REDRAW_MS = 100;

export class Progress {
  private readonly counts = new Map<Service, number>();
  private throttled = 0;
  private lastDraw = -Infinity;
  private readonly status: StatusLine | undefined;

  constructor(
    stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.status = statusLine(stream);
  }

  request(service: Service): void {
    this.counts.set(service, (this.counts.get(service) ?? 0) + 1);
    this.draw(false);
  }

  throttle(): void {
    this.throttled++;
    this.draw(true);
  }

  /** Clear the line so the next output starts clean. */
  done(): void {
    this.status?.done();
  }

  /** The line's text (without terminal control characters). */
  line(): string {
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    const parts = [...this.counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, n]) => `${s} ${n}`);
    const throttled = this.throttled > 0 ? `, throttled ${this.throttled}x (backing off)` : '';
    return `idcgen import: ${total} requests (${parts.join(', ')})${throttled}`;
  }

  private draw(force: boolean): void {
    if (!this.status) return;
    const t = this.now();
    if (!force && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.status.update(this.line());
  }
}
