/**
 * YAML parsing with resource guards, in one pass: the lexer's tokens are counted and fed to the CST
 * parser one at a time, and the composer builds the document from that same stream.
 *
 * - Nesting: yaml's composer recurses once per nesting level, and its parser keeps every open
 *   collection in memory. A file of a few megabytes of `[` or `- - - …` (well inside the file size
 *   limit) either overflows the call stack or exhausts the heap before any error can be reported.
 *   Watching the parser's stack of open nodes stops at the first node past the limit.
 * - Size: each node costs hundreds of bytes in the parser and the document (two million empty list
 *   items, `-` on each line of a 4 MB file, took over a gigabyte before any check ran). Scalars,
 *   aliases, collections and collection entries are counted as the lexer meets them, across every
 *   file of a model, and parsing stops at the first one past the limit, so memory stays bounded by
 *   the limit whatever the file holds.
 * Refusals are reported at the token that crossed the limit.
 */
import { Composer, CST, Lexer, LineCounter, Parser, YAMLParseError, type Document } from 'yaml';

/** What was exceeded, at which token (1-based line and column). */
export interface YamlExcess {
  readonly kind: 'nesting' | 'nodes';
  readonly line: number;
  readonly col: number;
}

/**
 * The parser's stack holds the document token plus one token per open collection, so `maxLevels`
 * nested collections fill `maxLevels + 1` entries (flow, block and compact `- - x` alike; the
 * hostile tests pin the first refused token of each).
 */
const STACK_OVERHEAD = 1;

/** Lexer tokens that begin a node or an entry of a collection (an entry may be an empty node). */
const NODE_TOKENS = new Set<string>([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'alias',
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'map-value-ind',
  'explicit-key-ind',
  'comma',
]);

export interface YamlBudget {
  readonly maxLevels: number;
  readonly maxNodes: number;
  /** Nodes counted so far, shared by every file of one model. */
  nodes: number;
}

class Excess extends Error {
  constructor(readonly excess: YamlExcess) {
    super(excess.kind);
  }
}

function* guardedTokens(text: string, parser: Parser, lines: LineCounter, budget: YamlBudget): Generator<CST.Token> {
  // Parser.parse() records the first line's start itself; feeding tokens through next() does not.
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    if (NODE_TOKENS.has(CST.tokenType(lexeme) ?? '') && ++budget.nodes > budget.maxNodes) throw new Excess({ kind: 'nodes', ...lines.linePos(offset) });
    yield* parser.next(lexeme);
    if (parser.stack.length > budget.maxLevels + STACK_OVERHEAD) throw new Excess({ kind: 'nesting', ...lines.linePos(offset) });
  }
  yield* parser.end();
}

/**
 * `parseDocument(text, { lineCounter, uniqueKeys: true, strict: true })`, or the first limit the
 * text crosses. Like parseDocument, a second document in the text is an error of the first.
 */
export function parseGuarded(text: string, lines: LineCounter, budget: YamlBudget): Document.Parsed | YamlExcess {
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer({ uniqueKeys: true, strict: true });
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(guardedTokens(text, parser, lines, budget), true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(
          new YAMLParseError(
            next.range.slice(0, 2) as [number, number],
            'MULTIPLE_DOCS',
            'Source contains multiple documents; please use YAML.parseAllDocuments()',
          ),
        );
        break;
      }
    }
  } catch (e) {
    if (e instanceof Excess) return e.excess;
    throw e;
  }
  // compose(…, forceDoc: true) always yields a document
  return doc!;
}
