/**
 * A small HCL expression tree and its renderer. View models hold these trees instead of text, so
 * every string leaf is escaped by the one escaping function and templates only place them.
 *
 * Rendering produces canonical spacing but no indentation: `format()` indents and aligns the whole
 * file afterwards, exactly as `terraform fmt` would.
 */
import { templateBody } from '../../template-text';
import { commentText, hclString, hclStringBody } from './escape';

/** A Terraform expression written by idcgen itself (a reference such as `module.x.key_arn`). */
export interface RefExpr {
  readonly kind: 'ref';
  readonly expr: string;
}

export type TemplatePart = string | RefExpr;

export type Expr =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  | RefExpr
  /** A quoted template: literal parts escaped, references interpolated. */
  | { readonly kind: 'template'; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'list'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly entries: readonly ObjectEntry[] }
  /** A function call with one argument, e.g. `jsonencode({ ... })`. */
  | { readonly kind: 'call'; readonly fn: string; readonly arg: Expr };

export interface ObjectEntry {
  readonly key: string;
  readonly value: Expr;
  /** Always quote the key: used for maps keyed by model names, so every entry looks alike. */
  readonly quoteKey?: boolean;
  /** A `#` comment line written above the entry. */
  readonly comment?: string;
  /** A blank line before the entry (and its comment), to set a long value apart. */
  readonly gap?: boolean;
}

export const str = (value: string): Expr => ({ kind: 'string', value });
export const num = (value: number): Expr => ({ kind: 'number', value });
export const bool = (value: boolean): Expr => ({ kind: 'bool', value });
export const ref = (expr: string): RefExpr => ({ kind: 'ref', expr });
export const list = (items: readonly Expr[]): Expr => ({ kind: 'list', items });
export const obj = (entries: readonly ObjectEntry[]): Expr => ({ kind: 'object', entries });
export const call = (fn: string, arg: Expr): Expr => ({ kind: 'call', fn, arg });
export const template = (parts: readonly TemplatePart[]): Expr => ({ kind: 'template', parts });

/** Keys HCL would read as something other than a plain name. */
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

function renderKey(key: string, quote: boolean): string {
  return !quote && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !KEYWORDS.has(key) ? key : hclString(key);
}

function renderTemplate(parts: readonly TemplatePart[]): string {
  return `"${templateBody(
    parts.map((p) => (typeof p === 'string' ? p : { ref: p.expr })),
    hclStringBody,
  )}"`;
}

/** Scalars (and references) stay on one line; lists and objects with content span lines. */
function isInline(e: Expr): boolean {
  return e.kind !== 'list' && e.kind !== 'object' && e.kind !== 'call';
}

export function renderExpr(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return hclString(e.value);
    case 'number':
      if (!Number.isFinite(e.value)) throw new Error(`number ${e.value} cannot be written to HCL`);
      return JSON.stringify(e.value);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'ref':
      return e.expr;
    case 'template':
      return renderTemplate(e.parts);
    case 'call':
      return `${e.fn}(${renderExpr(e.arg)})`;
    case 'list':
      if (e.items.length === 0) return '[]';
      if (e.items.length === 1 && isInline(e.items[0])) return `[${renderExpr(e.items[0])}]`;
      return `[\n${e.items.map((item) => `${renderExpr(item)},\n`).join('')}]`;
    case 'object':
      if (e.entries.length === 0) return '{}';
      return `{\n${renderBody(e.entries)}}`;
  }
}

/** Entries as `key = value` lines: the inside of an object, or the body of a block. */
export function renderBody(entries: readonly ObjectEntry[]): string {
  return entries
    .map((entry) => {
      const gap = entry.gap ? '\n' : '';
      const comment = entry.comment === undefined ? '' : `# ${commentText(entry.comment)}\n`;
      return `${gap}${comment}${renderKey(entry.key, entry.quoteKey ?? false)} = ${renderExpr(entry.value)}\n`;
    })
    .join('');
}
