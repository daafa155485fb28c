/**
 * Markdown built within a size budget: lines that must appear are always added; sections add
 * their items while they fit, then say how many did not ("N more … — see review.json"); sections
 * that do not fit at all are named at the end. A fixed reserve keeps room for those notes, so the
 * result never exceeds the budget (unless the lines that must appear do on their own).
 */
import { count } from './counts';

export interface Section {
  readonly title: string;
  /** Lines before the items (a table's header). */
  readonly preamble?: readonly string[];
  /** Each item is kept whole or left out. */
  readonly items: readonly (readonly string[])[];
  /** What the items are, for the note: `grants`, `units`. */
  readonly what: string;
}

/** Room kept for the notes: one per truncated section and the closing list of sections left out. */
const NOTES_RESERVE = 1000;

export class MarkdownBudget {
  private readonly lines: string[] = [];
  private used = 0;
  private readonly skipped: string[] = [];

  constructor(private readonly maxChars: number) {}

  private add(lines: readonly string[]): void {
    for (const l of lines) {
      this.lines.push(l);
      this.used += l.length + 1;
    }
  }

  private fits(lines: readonly string[]): boolean {
    return this.used + lines.reduce((x, l) => x + l.length + 1, 0) + NOTES_RESERVE <= this.maxChars;
  }

  always(lines: readonly string[]): void {
    this.add(lines);
  }

  section(s: Section): void {
    const head = [`### ${s.title}`, '', ...(s.preamble ?? [])];
    if (!this.fits([...head, ...(s.items[0] ?? [])])) {
      this.skipped.push(`${s.title} (${count(s.items.length)})`);
      return;
    }
    this.add(head);
    let shown = 0;
    for (const item of s.items) {
      if (!this.fits(item)) break;
      this.add(item);
      shown++;
    }
    if (shown < s.items.length) this.add(['', `${count(s.items.length - shown)} more ${s.what} — see review.json`]);
    this.add(['']);
  }

  toString(): string {
    if (this.skipped.length > 0) {
      this.add([`Not shown, to keep this under ${count(this.maxChars)} characters (see review.json): ${this.skipped.join(', ')}.`]);
    }
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return `${this.lines.join('\n')}\n`;
  }
}
