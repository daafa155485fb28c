/**
 * Tabs in indentation, reported once and where they are.
 *
 * yaml reports a tab used as indentation as TAB_AS_INDENT only when the tab comes first; after
 * spaces (`"  \tkey:"`) it reports "all mapping items must start at the same column" instead, and
 * either way the misread line cascades into several more syntax errors on later lines. When the
 * first error sits on a line whose indentation holds a tab, that tab is the cause: one message at
 * the tab says what to fix. Only failed parses come here, so a tab that yaml accepts (inside a
 * block scalar's content, or between a key and its value) is never reported.
 */

/** Offset of the indentation tab on the line of the earliest error, or undefined when there is none. */
export function indentationTabAtFirstError(text: string, errorOffsets: readonly number[]): number | undefined {
  if (errorOffsets.length === 0) return undefined;
  const first = errorOffsets.reduce((a, b) => Math.min(a, b));
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 4096))?.[0] ?? '';
  const tab = indent.indexOf('\t');
  return tab >= 0 ? lineStart + tab : undefined;
}
