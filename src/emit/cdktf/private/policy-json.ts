/**
 * Policy documents from the IR → the JSON text of a Terraform string attribute.
 *
 * cdktf writes plain strings into cdk.tf.json as they are, and Terraform reads every JSON string
 * as a template: an IAM policy variable such as `${aws:ResourceAccount}` would be interpolated (and
 * fail). So every literal string is escaped here (`${` → `$${`, `%{` → `%%{`), while PolicyRefs
 * become cdktf tokens that resolve to Terraform references in the same string. `Fn.rawString`
 * does not fit: it escapes quotes again and breaks the JSON.
 */
import type { PolicyDocumentJson, PolicyRef } from '../../../policy/types';
import { isPolicyRef } from '../../../policy/types';

/** A Terraform expression (a cdktf string token) for each apply-time value. */
export type PolicyRefResolver = (ref: PolicyRef) => string;

/**
 * Escape a literal for a Terraform template string. A function replacer, because in a replacement
 * string `$$` means a single `$`.
 */
export function escapeTemplate(s: string): string {
  return s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function render(value: unknown, resolve: PolicyRefResolver): unknown {
  if (typeof value === 'string') return escapeTemplate(value);
  if (isPolicyRef(value)) return resolve(value);
  if (Array.isArray(value)) return value.map((v) => render(v, resolve));
  if (typeof value === 'object' && value !== null) {
    // Keys keep the IR's order: the IR is already deterministic, and reordering would make the
    // CDKTF text differ from the HCL text of the same policy.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[escapeTemplate(k)] = render(v, resolve);
    return out;
  }
  return value;
}

/** Compact JSON text of `doc`, ready for a `policy` attribute. */
export function policyJson(doc: PolicyDocumentJson, resolve: PolicyRefResolver): string {
  return JSON.stringify(render(doc, resolve));
}
