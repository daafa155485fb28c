/**
 * The last step of every generated stack's `cdk.tf.json`: each string (object keys included) made
 * into the template Terraform must read.
 *
 * Stacks are built from the literal view of the IR (literal-view.ts), so model text holds no brace
 * while cdktf works; the only `${…}` in a synthesized string are references cdktf rendered (or the
 * assignment blocks wrote) for idcgen. Each string is therefore split into those references, which
 * stay interpolations, and literal text, which gets its braces back and goes through the template
 * rule both emitters share (src/emit/template-text.ts): `${` → `$${`, `%{` → `%%{`. Escaping is a
 * property of producing the JSON, not of each place that passes a string to cdktf.
 */
import { templateBody, type TemplatePart } from '../../template-text';
import { fromLiteralText } from './literal-view';

/** What idcgen interpolates: attribute references, optionally through `one(...)`. */
const REFERENCE = /^(?:[A-Za-z_][\w-]*(?:\.[\w-]+)+|one\([A-Za-z_][\w-]*(?:\.[\w-]+)+\))$/;
/** Strings without any of these characters are the same text in the finished JSON. */
const MAY_CHANGE = /[{}$%\uE000]/;

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
    const close = text.indexOf('}', open);
    const ref = close === -1 ? '' : text.slice(open + 2, close);
    if (!REFERENCE.test(ref)) {
      throw new Error(`${where}: '\${${ref}' in ${JSON.stringify(text)} is not a reference idcgen wrote; model text must reach cdktf in literal text`);
    }
    literal += text.slice(i, open);
    if (literal !== '') parts.push(fromLiteralText(literal));
    literal = '';
    parts.push({ ref });
    i = close + 1;
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
