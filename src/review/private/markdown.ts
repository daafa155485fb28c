/** Small Markdown helpers shared by the review and explain renderers (GitHub-flavoured). */
import type { StatementJson } from '../../policy/types';
import type { AccountRef, FieldChange, FieldValue } from '../types';
import { formatStatement, valueList } from './canonical';
import { lineDiff } from './line-diff';

/** An inline code span that survives backticks in the value. */
export function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${s}${fence.length > 1 ? ' ' : ''}${fence}`;
}

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
  if (f.before === undefined) return `${f.field}: ${valueText(f.after)}`;
  return `${f.field}: ${valueText(f.before)} → ${valueText(f.after)}`;
}

export function accountText(a: AccountRef): string {
  return `${a.name} (${a.id})${a.production ? ' **[production]**' : ''}`;
}

/** A fenced block indented under a list item at `indent` spaces. */
export function fenced(lang: string, text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return [`${pad}\`\`\`${lang}`, ...text.split('\n').map((l) => `${pad}${l}`), `${pad}\`\`\``];
}

export function statementBlock(before: StatementJson | undefined, after: StatementJson | undefined, indent: number): string[] {
  if (before && after) return fenced('diff', lineDiff(formatStatement(before), formatStatement(after)), indent);
  return fenced('json', formatStatement((after ?? before)!), indent);
}

/** One line: `Allow kms:Decrypt, kms:Encrypt`. */
export function statementSummary(s: StatementJson): string {
  const actions = s.Action !== undefined ? valueList(s.Action) : valueList(s.NotAction).map((a) => `all except ${a}`);
  return `${s.Effect} ${actions.join(', ')}`;
}
