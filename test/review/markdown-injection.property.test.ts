/**
 * No text from a model can change the structure of the Markdown idcgen writes (review comments,
 * review.md, explain): whatever a name, description or policy value holds, it cannot open an HTML
 * tag, a heading, a list, a link (GitHub-style bare URLs included), an emphasis or a code block, or
 * leave the line or table cell it is in. Checked by parsing with a real CommonMark parser
 * (markdown-it with tables, raw HTML and linkify on) and comparing the token structure with the
 * same document written with a harmless name.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { loadResolved } from '../../src/pipeline';
import { explainModel, mdCode, mdText, renderExplainMarkdown, renderReviewMarkdown, reviewModels, type Review } from '../../src/review';
import * as path from 'node:path';

const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** Hostile pieces: HTML, headings, fences, links, emphasis, tables, entities, mentions, line breaks. */
const PIECES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '# ',
  '\n# heading\n',
  '```',
  '~~~',
  '`',
  '``',
  '[a](https://evil.example)',
  '![i](x)',
  'https://evil.example',
  'www.evil.example',
  'a@b.example',
  '*',
  '_',
  '**',
  '~~',
  '|',
  '\\',
  '&amp;',
  '&#60;',
  '@team',
  '#12',
  '$x$',
  '- ',
  '1. ',
  '> ',
  '    ',
  '\t',
  '\r\n',
  '\u2028',
  '---',
  '===',
  '<!--',
  '-->',
  ':smile:',
  '<https://x.example>',
  '[^1]',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''))
  // Names are never empty (validation); an empty value would only leave an empty list item.
  // eslint-disable-next-line no-control-regex -- control characters are what this property injects
  .filter((v) => v.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029 ]/g, '') !== '');

/** Block token types in order, and the inline token types of each inline block. */
function structure(src: string): string[] {
  const out: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'inline')
        out.push(
          `inline[${(t.children ?? [])
            .filter((c: Token) => c.type !== 'text')
            .map((c: Token) => c.type)
            .join(',')}]`,
        );
      else out.push(t.type);
    }
  };
  walk(md.parse(src, {}));
  return out;
}

/** Text of every inline token's children, so a value can be checked to show literally. */
function inlineTexts(src: string): string[] {
  return md
    .parse(src, {})
    .filter((t) => t.type === 'inline')
    .map((t) => (t.children ?? []).map((c: Token) => (c.type === 'text' || c.type === 'code_inline' ? c.content : `<${c.type}>`)).join(''));
}

/** Token types none of the renderers writes: only model text could have made them. */
const FORBIDDEN = /\b(html_inline|html_block|link_open|image|fence|code_block|em_open|s_open|hr|blockquote_open)\b/;

describe('one value in every place the renderers put one', () => {
  const doc = (v: string) =>
    [
      `- ${mdText(v)}`,
      `- user **${mdText(v)}** gains ${mdCode(v)}`,
      '',
      `### Key ${mdCode(v)}`,
      '',
      '| a | b |',
      '|---|---|',
      `| ${mdText(v).replace(/\|/g, '\\|')} | ${mdCode(v).replace(/\|/g, '\\|')} |`,
      '',
      `Base ${mdCode(v)} → ${mdText(v)}`,
      '',
    ].join('\n');

  test('cannot change the document structure', () => {
    const expected = structure(doc('x'));
    fc.assert(
      fc.property(hostile, (v) => {
        const out = structure(doc(v));
        expect(out.join(' ')).not.toMatch(FORBIDDEN);
        expect(out).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('shows the value itself: code spans literally, text with line breaks and space runs folded', () => {
    fc.assert(
      fc.property(hostile, (v) => {
        // eslint-disable-next-line no-control-regex -- control characters are what this property injects
        const oneLine = v.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
        const [line] = inlineTexts(`${mdCode(v)}\n`);
        expect(line).toBe(oneLine === '' ? '(empty)' : oneLine);
        const [text] = inlineTexts(`x ${mdText(v)}\n`);
        expect(text).toBe(`x ${oneLine.trim().replace(/ {2,}/g, ' ')}`.trimEnd());
      }),
      { numRuns: 500 },
    );
  });
});

describe('whole reviews and explanations', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const base = loadResolved(path.join(ROOT, 'test/fixtures/review/base.yaml')).ir;
  const head = loadResolved(path.join(ROOT, 'test/fixtures/review/access/head.yaml')).ir;
  const review = reviewModels(base, head);
  const explanation = explainModel(head);

  /** Fields the renderers take from idcgen itself (enumerations, documentation links, model terms). */
  const FIXED = new Set(['change', 'severity', 'rule', 'kind', 'principalType', 'docUrl', 'useCase']);

  /** Every string from the model replaced by `f(original)`. */
  function replaceStrings<T>(v: T, f: (s: string) => string): T {
    const go = (x: unknown, key?: string): unknown => {
      if (typeof x === 'string') return key !== undefined && FIXED.has(key) ? x : f(x);
      if (Array.isArray(x)) return x.map((y) => go(y, key));
      if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, go(y, k)]));
      return x;
    };
    return go(v) as T;
  }

  test('a review with hostile text in every model string has the structure of the plain one', () => {
    const expected = structure(renderReviewMarkdown(replaceStrings(review, () => 'x')));
    fc.assert(
      fc.property(hostile, (v) => {
        const r: Review = replaceStrings(review, (s) => `${s}${v}`);
        const out = structure(renderReviewMarkdown(r));
        expect(out.join(' ')).not.toMatch(FORBIDDEN);
        expect(out).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  test('an explanation with hostile text in every model string has the structure of the plain one', () => {
    const expected = structure(renderExplainMarkdown(replaceStrings(explanation, () => 'x')));
    fc.assert(
      fc.property(hostile, (v) => {
        const out = structure(renderExplainMarkdown(replaceStrings(explanation, (s) => `${s}${v}`)));
        expect(out.join(' ')).not.toMatch(FORBIDDEN);
        expect(out).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
