/**
 * Small Markdown helpers shared by the review and explain renderers (GitHub-flavoured). Every
 * string from a model goes through `text` or `code` (src/review/markdown-escape.ts).
 */
import type { StatementJson } from '../../model';
import { mdCode, mdText } from '../markdown-escape';
import type { AccountRef, FieldChange, FieldValue } from '../types';
import { formatStatement, valueList } from '../../policy';
import { lineDiff } from './line-diff';

/** A model value as an inline code span. */
export const code = mdCode;

/** A model value (or a sentence built from model values) as plain text. */
export const text = mdText;

/** Table cells: a `|` would end the cell (GitHub honours `\|` even inside code spans), a newline the row. */
export function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function valueText(v: FieldValue | undefined): string {
  if (v === undefined) return '(unset)';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map((x) => code(x)).join(', ');
  return code(String(v));
}

/** `field: before → after`; a field set where there was none reads `field: value`. */
export function fieldLine(f: FieldChange): string {
  // A field name can carry model text (an attribute key for access control): escaped like any.
  const field = mdText(f.field);
  if (f.before === undefined) return `${field}: ${valueText(f.after)}`;
  return `${field}: ${valueText(f.before)} → ${valueText(f.after)}`;
}

export function accountText(a: AccountRef): string {
  return `${mdText(a.name)} (${mdText(a.id)})${a.production ? ' **[production]**' : ''}`;
}

/** A fenced block indented under a list item at `indent` spaces; its fence is longer than any backtick run inside. */
export function fenced(lang: string, body: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const longest = (body.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${pad}${fence}${lang}`, ...body.split('\n').map((l) => `${pad}${l}`), `${pad}${fence}`];
}

export function statementBlock(before: StatementJson | undefined, after: StatementJson | undefined, indent: number): string[] {
  if (before && after) return fenced('diff', lineDiff(formatStatement(before), formatStatement(after)), indent);
  return fenced('json', formatStatement((after ?? before)!), indent);
}

/** One line: ``Allow `kms:Decrypt`, `kms:Encrypt` ``. */
export function statementSummary(s: StatementJson): string {
  const actions = s.Action !== undefined ? valueList(s.Action).map(mdCode) : valueList(s.NotAction).map((a) => `all except ${mdCode(a)}`);
  return `${mdText(String(s.Effect))} ${actions.join(', ')}`;
}
