/**
 * The one way text from a model reaches Markdown (review comments, review.md, explain). Names,
 * descriptions, policy values and messages built from them are written by whoever edits the
 * model, so none of them may open an HTML tag, a heading, a list, a link (including GitHub's bare
 * `www.`/`https://` autolinks), an emphasis or a code block, or end the line or table cell they
 * sit in. `mdText` renders a value as plain text, `mdCode` as an inline code span; test/review
 * property-tests both through a real Markdown parser.
 */

/** Line breaks and other control characters end blocks or hide text: each run becomes one space. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ');
}

/**
 * Characters that open inline syntax anywhere in a line: emphasis and strikethrough (`*_~`), code
 * (`` ` ``), links and images (`[]`), HTML and autolinks (`<`), entities (`&`), math (`$`), the
 * backslash itself, and what GitHub turns into links on its own: `www.` and `https:` URLs and
 * e-mail addresses (`.:@`), `@mentions` and `#123` references. `|` is left to table cells, which
 * escape it themselves (`cell()` in private/markdown.ts).
 */
const INLINE = /[\\`*_~[\]<&$.:@#]/g;

/** What opens a block when it starts a line: list items, quotes, rules (headings start with `#`, escaped above). */
const BLOCK_START = /^(?:[-+=>]|\d+\))/;

/**
 * Plain text: inline syntax backslash-escaped, a block marker at its start escaped, line breaks
 * and runs of spaces folded (leading spaces would start an indented code block).
 */
export function mdText(s: string): string {
  const escaped = oneLine(s).trim().replace(/ {2,}/g, ' ').replace(INLINE, '\\$&');
  const m = BLOCK_START.exec(escaped);
  return m ? `${escaped.slice(0, m[0].length - 1)}\\${escaped.slice(m[0].length - 1)}` : escaped;
}

/**
 * An inline code span, which shows its content literally: on one line, fenced by one more
 * backtick than the longest run inside it, padded so content that starts or ends with a backtick
 * or a space keeps it.
 */
export function mdCode(s: string): string {
  const content = oneLine(s);
  if (content === '') return '(empty)';
  const longest = (content.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each side of a span that has other characters.
  const pad = /[^ ]/.test(content) && /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
