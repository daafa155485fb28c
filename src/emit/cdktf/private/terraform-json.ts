/**
 * The last step of every generated stack's `cdk.tf.json`: each string (object keys included) made
 * into the template Terraform must read.
 *
 * Stacks are built from the literal view of the IR (literal-view.ts), so model text holds no brace
 * while cdktf works; the only `${…}` in a synthesized string are expressions cdktf rendered (or the
 * assignment blocks wrote) for idcgen. Each string is therefore split into those expressions, which
 * stay interpolations, and literal text, which gets its braces back and goes through the template
 * rule both emitters share (src/emit/template-text.ts): `${` → `$${`, `%{` → `%%{`. Escaping is a
 * property of producing the JSON, not of each place that passes a string to cdktf.
 */
import { escapeTemplate, templateBody, type TemplatePart } from '../../template-text';
import { fromLiteralText } from './literal-view';

/**
 * What an interpolation may hold outside its string literals: references (`aws_x.name.attr`),
 * `one(...)` and conditionals (`var.idcgen_plan ? "a" : "b"`), nothing else.
 */
const EXPRESSION = /^[\w.\-()[\]?:!=<>&|,*+ ]*$/;
const FUNCTIONS = new Set(['one']);

function isExpression(bare: string): boolean {
  return bare.trim() !== '' && EXPRESSION.test(bare) && [...bare.matchAll(/([\w-]+)\s*\(/g)].every((m) => FUNCTIONS.has(m[1]));
}
/** Strings without any of these characters are the same text in the finished JSON. */
const MAY_CHANGE = /[{}$%\uE000]/;

/**
 * The interpolation that starts at `text[open]` (`${`), up to its closing brace. String literals
 * inside it (a conditional's role ARNs) are templates too: their text is restored and escaped like
 * any literal text.
 */
function interpolation(text: string, open: number, where: string): { expr: string; end: number } {
  let expr = '';
  let bare = '';
  let depth = 0;
  let i = open + 2;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      let literal = '';
      while (j < text.length && text[j] !== '"') {
        const step = text[j] === '\\' ? 2 : 1;
        literal += text.slice(j, j + step);
        j += step;
      }
      expr += `"${escapeTemplate(fromLiteralText(literal))}"`;
      i = j + 1;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && depth-- === 0) {
      if (!isExpression(bare)) break;
      return { expr, end: i };
    }
    expr += c;
    bare += c;
    i++;
  }
  throw new Error(`${where}: '\${${expr}' in ${JSON.stringify(text)} is not an expression idcgen wrote; model text must reach cdktf in literal text`);
}

function template(text: string, where: string): string {
  if (!MAY_CHANGE.test(text)) return text;
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    const directive = text.indexOf('%{', i);
    if (directive !== -1 && (open === -1 || directive < open)) {
      throw new Error(`${where}: '%{' outside model text in ${JSON.stringify(text)}; only references may be template sequences`);
    }
    if (open === -1) {
      literal += text.slice(i);
      break;
    }
    const { expr, end } = interpolation(text, open, where);
    literal += text.slice(i, open);
    if (literal !== '') parts.push(fromLiteralText(literal));
    literal = '';
    parts.push({ ref: expr });
    i = end + 1;
  }
  if (literal !== '') parts.push(fromLiteralText(literal));
  return templateBody(parts);
}

/** `value` (a synthesized stack, resolved by cdktf) with every string as Terraform must read it. */
export function terraformJson<T>(value: T, where = ''): T {
  if (typeof value === 'string') return template(value, where) as T;
  if (Array.isArray(value)) return value.map((v, i) => terraformJson(v, `${where}[${i}]`)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[template(k, where)] = terraformJson(v, `${where}.${k}`);
    return out as T;
  }
  return value;
}
