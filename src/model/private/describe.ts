/**
 * Wording shared by every model message: how a found value is shown, "did you mean" hints and
 * unknown-reference messages. One place, so all issues read alike.
 */
import { formatPath } from '../issues';
import type { Limit } from '../limits';
import type { ModelPath } from '../load';

/** `string 'x'`, `number 5`, `a list`, `a mapping`, `null (an empty value)` */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return `string ${quote(v)}`;
    case 'number':
    case 'bigint':
      return `number ${String(v)}`;
    case 'boolean':
      return `boolean ${String(v)}`;
    case 'object':
      return 'a mapping';
    default:
      return typeof v;
  }
}

/** Single-quoted, shortened to keep one message on one line. */
export function quote(s: string): string {
  const oneLine = s.replace(/\s+/g, ' ');
  return `'${oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine}'`;
}

/** The one message for an OU path with an empty segment, wherever an OU path is written. */
export function emptySegmentMessage(what: string, written: string): string {
  return `${what} ${quote(written)} has an empty path segment; write ou paths like Workloads/Prod`;
}

/** `accounts[0].id`, or `the top level` for the root. */
export function where(path: ModelPath): string {
  return path.length === 0 ? 'the top level' : formatPath(path);
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate: same name in another case first, then at most 2 edits away. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDist = 3;
  for (const c of candidates) {
    if (c.toLowerCase() === lower) return c;
    const d = distance(lower, c.toLowerCase(), 2);
    if (d < bestDist || (d === bestDist && best !== undefined && c < best)) {
      best = c;
      bestDist = d;
    }
  }
  return bestDist <= 2 ? best : undefined;
}

/** ` (did you mean 'x'?)` or '' */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const c = closest(value, candidates);
  return c === undefined ? '' : ` (did you mean '${c}'?)`;
}

const LIST_AT_MOST = 10;

/**
 * `<kind> 'x' is not defined in <section> (did you mean 'y'?)`, or with the defined names when
 * there are few of them, so the message always says what is allowed.
 */
export function unknownRef(kind: string, value: string, section: string, defined: readonly string[]): string {
  const head = `${kind} '${value}' is not defined in ${section}`;
  const hint = didYouMean(value, defined);
  if (hint) return head + hint;
  if (defined.length === 0) return `${head}; ${section} is empty`;
  if (defined.length <= LIST_AT_MOST) return `${head}; defined: ${[...defined].sort().join(', ')}`;
  return `${head}; none of its ${defined.length} names is close`;
}

/** `<what> 'x' is not valid; expected <what the pattern allows>`: the one message of a value that does not match its pattern. */
export function patternMessage(what: string, value: string, pattern: { readonly expected: string }): string {
  return `${what} ${quote(value)} is not valid; expected ${pattern.expected}`;
}

/** `<what> 'x' is 40 characters long; allowed 1..32 (<why>)` */
export function lengthMessage(what: string, value: string, limit: Limit): string {
  const range = limit.min !== undefined ? `${limit.min}..${limit.max}` : `at most ${limit.max}`;
  return `${what} ${quote(value)} is ${value.length} characters long; allowed ${range} (${limit.why})`;
}

/** True when the length is outside the limit. */
export function outOfLength(value: string, limit: Limit): boolean {
  return value.length > limit.max || (limit.min !== undefined && value.length < limit.min);
}
