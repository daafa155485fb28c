/**
 * The one escaping function for strings in generated HCL. Every string literal the HCL emitter
 * writes — through the `q` template helper or inside an expression tree — goes through here.
 *
 * JSON string syntax is almost HCL string syntax; the differences handled here:
 * - `${` and `%{` start template sequences: they become `$${` and `%%{` (src/emit/template-text.ts,
 *   the rule the CDKTF emitter shares), so `${aws:username}` reaches the planned JSON unchanged;
 * - HCL has no `\b` and `\f` escapes: they become `\u0008` and `\u000c`.
 * @see https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 */
import { escapeTemplate } from '../../template-text';

export function hclString(value: string): string {
  return `"${hclStringBody(value)}"`;
}

/** The escaped characters of `value` without the surrounding quotes (for template parts). */
export function hclStringBody(value: string): string {
  // JSON's escapes, except the two HCL lacks; one pass, so an escaped backslash is never read as the
  // start of another escape. Then the template rule every emitter shares.
  const json = JSON.stringify(value)
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|.)/g, (match: string, escaped: string) => (escaped === 'b' ? '\\u0008' : escaped === 'f' ? '\\u000c' : match));
  return escapeTemplate(json);
}

/**
 * Text for a `#` comment line: control characters (newlines included) become spaces, so model
 * text can never end the comment and start configuration.
 */
export function commentText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ').trim();
}
