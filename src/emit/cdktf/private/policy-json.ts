/**
 * Policy documents from the IR → the JSON text of a Terraform string attribute: PolicyRefs become
 * cdktf tokens that resolve to Terraform references inside the same string, everything else is the
 * document's own text. Like every string of a stack, it is escaped when the stack's JSON is produced
 * (GeneratedStack), so an IAM policy variable such as `${aws:ResourceAccount}` is written `$${…}`
 * and reaches AWS unchanged. `Fn.rawString` does not fit: it escapes quotes again and breaks the JSON.
 */
import { type PolicyDocumentJson, type PolicyRef, isPolicyRef } from '../../../model';

/** A Terraform expression (a cdktf string token) for each apply-time value. */
export type PolicyRefResolver = (ref: PolicyRef) => string;

function render(value: unknown, resolve: PolicyRefResolver): unknown {
  if (isPolicyRef(value)) return resolve(value);
  if (Array.isArray(value)) return value.map((v) => render(v, resolve));
  if (typeof value === 'object' && value !== null) {
    // Keys keep the IR's order: the IR is already deterministic, and reordering would make the
    // CDKTF text differ from the HCL text of the same policy.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = render(v, resolve);
    return out;
  }
  return value;
}

/** Compact JSON text of `doc`, ready for a `policy` attribute. */
export function policyJson(doc: PolicyDocumentJson, resolve: PolicyRefResolver): string {
  return JSON.stringify(render(doc, resolve));
}
