/**
 * One self-overwriting progress line on stderr while `idcgen import` reads AWS, only when stderr
 * is a terminal: logs and CI output stay clean, and stdout is never touched.
 */
import type { Service } from './aws';

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Redraw at most this often: a large estate makes tens of thousands of requests. */
const REDRAW_MS = 100;

export class Progress {
  private readonly counts = new Map<Service, number>();
  private throttled = 0;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {}

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
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The line's text (without terminal control characters). */
  line(): string {
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    const parts = [...this.counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, n]) => `${s} ${n}`);
    const throttled = this.throttled > 0 ? `, throttled ${this.throttled}x (backing off)` : '';
    return `idcgen import: ${total} requests (${parts.join(', ')})${throttled}`;
  }

  private draw(force: boolean): void {
    if (this.stream.isTTY !== true) return;
    const t = this.now();
    if (!force && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.drawn = true;
    this.stream.write(`\r\x1b[K${this.line()}`);
  }
}
