/**
 * Terraform reads every quoted HCL string and every JSON string of a `.tf.json` file as a template:
 * `${ … }` interpolates and `%{ … }` is a directive. Model text is never meant as either, so both
 * emitters write it through the one rule here — `${` becomes `$${` and `%{` becomes `%%{`, which
 * Terraform reads back as the literal text — and only references idcgen builds itself are
 * interpolated. IAM policy variables such as `${aws:username}` reach AWS unchanged this way.
 * @see https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 * @see https://developer.hashicorp.com/terraform/language/syntax/json#expression-mapping
 */

/**
 * Model text as template text that means exactly that text. Replacements are functions: in a
 * replacement string `$$` would mean a single `$`.
 */
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The text a template without interpolations means: the inverse of escapeTemplate. */
export function unescapeTemplate(template: string): string {
  return template.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
}

/** An expression idcgen wrote itself (a reference such as `aws_kms_key.x.arn`), to interpolate. */
export interface TemplateRef {
  readonly ref: string;
}

export type TemplatePart = string | TemplateRef;

/**
 * Literal parts (escaped by `literal`, escapeTemplate by default) and interpolated references as
 * one template body. A literal `$` or `%` right before an interpolation would turn `${` into the
 * `$${` escape, so that one character is written as an interpolation of itself (`${"$"}`).
 */
export function templateBody(parts: readonly TemplatePart[], literal: (text: string) => string = escapeTemplate): string {
  let out = '';
  parts.forEach((part, i) => {
    if (typeof part !== 'string') {
      out += `\${${part.ref}}`;
      return;
    }
    const next = parts[i + 1];
    const last = part.slice(-1);
    if (next !== undefined && typeof next !== 'string' && (last === '$' || last === '%')) {
      out += `${literal(part.slice(0, -1))}\${"${last}"}`;
    } else {
      out += literal(part);
    }
  });
  return out;
}
