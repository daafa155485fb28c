/**
 * Nesting-depth guard for YAML text, run before the document is composed.
 *
 * yaml's composer recurses once per nesting level, and its parser keeps every open collection in
 * memory. A file of a few megabytes of `[` or `- - - …` (well inside the file size limit) therefore
 * either overflows the call stack at a depth that depends on the machine, or, deep enough, exhausts
 * the heap before any error can be reported. Feeding the lexer's tokens to the CST parser one at a
 * time and watching its stack of open nodes stops at the first node past the limit, so memory stays
 * bounded by the limit, the refusal is reported at a fixed position, and the cost is one linear pass.
 */
import { Lexer, LineCounter, Parser } from 'yaml';

/** The token that opened one level too many: 1-based line and column. */
export interface DepthExcess {
  readonly line: number;
  readonly col: number;
}

/**
 * The parser's stack holds the document token plus one token per open collection, so `maxLevels`
 * nested collections fill `maxLevels + 1` entries (flow, block and compact `- - x` alike; the
 * hostile tests pin the first refused token of each).
 */
const STACK_OVERHEAD = 1;

/** Where `text` first nests deeper than `maxLevels`, or undefined when it never does. */
export function findExcessiveNesting(text: string, maxLevels: number): DepthExcess | undefined {
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  // Parser.parse() records the first line's start itself; feeding tokens through next() does not.
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    // Completed top-level tokens are dropped: only the depth matters here, the real parse follows.
    for (const _token of parser.next(lexeme));
    if (parser.stack.length > maxLevels + STACK_OVERHEAD) return lines.linePos(offset);
  }
  return undefined;
}
