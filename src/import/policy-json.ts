/** Policy documents as AWS returns them (JSON text) → plain objects for the model. */

/** Parse a policy document; throws naming the policy when the text is not a JSON object. */
export function parsePolicy(text: string, what: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through to the error below, which names the policy
  }
  throw new Error(`${what} is not a json policy document: ${text.slice(0, 80)}`);
}
