/**
 * Wildcard matching without regular expressions, for every pattern that comes from a model: IAM
 * action patterns (`kms:Put*`, `s3:Get?bject`) and OU globs (`Workloads/*`, `**` for any depth).
 *
 * Patterns written by a pull request must not be able to stall idcgen. A wildcard compiled to a
 * backtracking RegExp (`^.*a.*a.*a…b$`) takes time exponential in its number of stars on a text
 * that almost matches; here a pattern is cut at its stars into fixed-length pieces and each piece
 * is searched for once, left to right (the leftmost place a piece fits always leaves the most room
 * for the pieces after it, so no other place needs trying). Cost: at most text length × pattern
 * length character comparisons, whatever the pattern.
 */

/** One element of a text (a character, or a path segment) against one element of a piece. */
type Eq<P, T> = (p: P, t: T) => boolean;

/** Fixed-length pieces between stars; `starred` is false for a pattern without any star. */
interface Split<P> {
  readonly pieces: readonly (readonly P[])[];
  readonly starred: boolean;
}

function split<P>(pattern: readonly P[], isStar: (p: P) => boolean): Split<P> {
  const pieces: P[][] = [[]];
  for (const p of pattern) {
    if (isStar(p)) pieces.push([]);
    else pieces[pieces.length - 1].push(p);
  }
  return { pieces, starred: pieces.length > 1 };
}

function fitsAt<P, T>(piece: readonly P[], text: readonly T[], at: number, eq: Eq<P, T>): boolean {
  for (let i = 0; i < piece.length; i++) if (!eq(piece[i], text[at + i])) return false;
  return true;
}

/** Leftmost start ≥ from where `piece` fits entirely before `end`, or -1. */
function find<P, T>(piece: readonly P[], text: readonly T[], from: number, end: number, eq: Eq<P, T>): number {
  for (let at = from; at + piece.length <= end; at++) if (fitsAt(piece, text, at, eq)) return at;
  return -1;
}

/** Whether the whole text matches pieces joined by stars (a star matches any run, even empty). */
function matchPieces<P, T>({ pieces, starred }: Split<P>, text: readonly T[], eq: Eq<P, T>): boolean {
  const first = pieces[0];
  if (!starred) return first.length === text.length && fitsAt(first, text, 0, eq);
  const last = pieces[pieces.length - 1];
  const end = text.length - last.length;
  if (end < first.length || !fitsAt(first, text, 0, eq) || !fitsAt(last, text, end, eq)) return false;
  let pos = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const at = find(pieces[i], text, pos, end, eq);
    if (at < 0) return false;
    pos = at + pieces[i].length;
  }
  return true;
}

const charEq = (p: string, t: string): boolean => p === '?' || p === t;
const literalEq = (p: string, t: string): boolean => p === t;

export interface WildcardOptions {
  /** `?` matches exactly one character (IAM); otherwise it is literal (OU globs). */
  readonly question?: boolean;
  /** Compare ignoring case (IAM action names). */
  readonly ignoreCase?: boolean;
}

/** A compiled wildcard: `*` matches any run of characters, including none. */
export function wildcard(pattern: string, opts: WildcardOptions = {}): (text: string) => boolean {
  const norm = (s: string): string[] => [...(opts.ignoreCase ? s.toLowerCase() : s)];
  const compiled = split(norm(pattern), (c) => c === '*');
  const eq = opts.question ? charEq : literalEq;
  return (text) => matchPieces(compiled, norm(text), eq);
}

/** IAM's rule for `Action`/`NotAction` entries: `*` and `?` wildcards, case-insensitive. */
export function iamActionPattern(pattern: string): (action: string) => boolean {
  return wildcard(pattern, { question: true, ignoreCase: true });
}

/**
 * A path pattern matched segment by segment: `**` is any number of whole segments (none
 * included), every other segment is a wildcard for exactly one segment.
 */
export function segmentWildcard(segments: readonly string[]): (path: readonly string[]) => boolean {
  const compiled = split(
    segments.map((s) => (s === '**' ? '**' : wildcard(s))),
    (s) => s === '**',
  );
  return (path) => matchPieces(compiled, path, (p, t: string) => p !== '**' && p(t));
}
