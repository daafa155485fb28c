/**
 * Formats generated HCL the way `terraform fmt` (hclwrite) does, synchronously, so the emitter can
 * stay a pure function. It applies hclwrite's two whitespace passes that generated text needs:
 * - indentation: two spaces per open bracket level, counted per line (`formatIndent`);
 * - alignment: the `=` of consecutive single-line attributes lines up (`formatCells`), columns
 *   counted in grapheme clusters.
 * Spacing inside a line is already canonical in what the renderer writes. Blank lines are
 * normalised (none doubled, none after an opening or before a closing bracket). Tests hold the
 * output against @cdktf/hcl-tools `format()` and `terraform fmt -check`.
 * @see https://github.com/hashicorp/hcl/blob/main/hclwrite/format.go
 */

interface Line {
  /** Text without leading or trailing whitespace. */
  readonly text: string;
  /** Net change of bracket depth over the line (`{ [ ( ${ %{` open, `} ] )` close). */
  readonly net: number;
  /** Index in `text` of the `=` of a single-line attribute, or -1. */
  readonly assign: number;
  /** Index of the first attribute `=` even when its value spans lines (`x = {`), or -1. */
  readonly eq: number;
}

/**
 * Scans one line of HCL and returns its bracket balance and the position of a single-line
 * attribute's `=`. Quoted strings cannot span lines, so a line is scanned on its own.
 */
function scanLine(text: string): Line {
  let net = 0;
  let tokens = 0;
  let eq = -1;
  let netAtEq = 0;
  // Each frame is a quoted string ('str') or an interpolation inside one, with its own brace depth.
  const stack: { kind: 'str' | 'interp'; depth: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const top = stack[stack.length - 1];
    const c = text[i];
    if (top?.kind === 'str') {
      if (c === '\\') i += 2;
      else if (text.startsWith('$${', i) || text.startsWith('%%{', i)) i += 3;
      else if (text.startsWith('${', i) || text.startsWith('%{', i)) {
        stack.push({ kind: 'interp', depth: 0 });
        net++;
        i += 2;
      } else {
        if (c === '"') stack.pop();
        i++;
      }
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#' || text.startsWith('//', i)) break;
    if (text.startsWith('/*', i) || text.startsWith('<<', i)) {
      throw new Error(`format() does not handle block comments or heredocs: ${text}`);
    }
    tokens++;
    if (c === '"') {
      stack.push({ kind: 'str', depth: 0 });
      i++;
    } else if (c === '{' || c === '[' || c === '(') {
      if (top) top.depth++;
      net++;
      i++;
    } else if (c === '}' || c === ']' || c === ')') {
      if (top?.kind === 'interp' && top.depth === 0 && c === '}') stack.pop();
      else if (top) top.depth--;
      net--;
      i++;
    } else if (/^(==|!=|<=|>=|=>)/.test(text.slice(i, i + 2))) {
      i += 2;
    } else if (c === '=') {
      // hclwrite: the first `=` that is not the line's first token starts the "assign" cell.
      if (eq === -1 && tokens > 1 && stack.length === 0) {
        eq = i;
        netAtEq = net;
      }
      i++;
    } else {
      i++;
    }
  }
  if (stack.length > 0) throw new Error(`unterminated string in generated HCL: ${text}`);
  // Only a whole expression after `=` (balanced brackets) is aligned with its neighbours.
  const assign = eq !== -1 && net - netAtEq === 0 ? eq : -1;
  return { text, net, assign, eq };
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Printable ASCII: one grapheme cluster per character. */
const ASCII = /^[\x20-\x7e]*$/;

function columns(text: string): number {
  // Segmenting is slow (most of the HCL emitter's time at enterprise size); generated lines are
  // almost always ASCII, where the answer is the length.
  if (ASCII.test(text)) return text.length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Drops doubled blank lines and blank lines at the edges of a file or of a bracketed body. */
function normaliseBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (line === '' && (prev === undefined || prev === '' || /[{[(]$/.test(prev))) continue;
    if (/^[}\])]/.test(line) && prev === '') out.pop();
    out.push(line);
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** `lead = rhs` with `spaces` before the `=` (lead is `text` up to `eq`) and one space after it. */
function equals(text: string, eq: number, spaces: number, assign = text.slice(eq)): string {
  const rhs = assign.slice(1).trimStart();
  return `${text.slice(0, eq).trimEnd()}${' '.repeat(spaces)}=${rhs === '' ? '' : ` ${rhs}`}`;
}

export function format(src: string): string {
  const lines = normaliseBlankLines(src.split('\n').map((l) => l.trim())).map(scanLine);

  // Indentation (hclwrite formatIndent): a line that opens brackets is indented at the current
  // level and pushes one level, however many brackets it opens; closing pops whole levels.
  const indents: number[] = [];
  const levels = lines.map((line) => {
    if (line.text === '') return 0;
    if (line.net > 0) {
      const level = indents.length;
      indents.push(line.net);
      return level;
    }
    let closed = -line.net;
    while (closed > 0 && indents.length > 0) {
      const top = indents[indents.length - 1];
      if (closed >= top) {
        closed -= top;
        indents.pop();
      } else {
        indents[indents.length - 1] = top - closed;
        closed = 0;
      }
    }
    return indents.length;
  });

  // Spacing (hclwrite formatSpaces): one space on each side of an attribute's `=`.
  const out = lines.map((line, i) => ' '.repeat(2 * levels[i]) + (line.eq === -1 ? line.text : equals(line.text, line.eq, 1)));
  // Alignment (hclwrite formatCells): each run of consecutive assign lines shares one `=` column.
  let start = 0;
  while (start < lines.length) {
    if (lines[start].assign === -1) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end].assign !== -1) end++;
    const leads = lines.slice(start, end).map((l, k) => ' '.repeat(2 * levels[start + k]) + l.text.slice(0, l.assign).trimEnd());
    const width = Math.max(...leads.map(columns));
    leads.forEach((lead, k) => {
      const line = lines[start + k];
      out[start + k] = equals(lead, lead.length, width - columns(lead) + 1, line.text.slice(line.assign));
    });
    start = end;
  }
  return `${out.join('\n')}\n`;
}
