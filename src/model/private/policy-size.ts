/** Measuring and comparing policy documents as AWS does: by content, not by YAML layout. */

/**
 * Bytes that count against the IAM and Identity Center size quotas: AWS counts the policy text
 * without whitespace, so the JSON is measured with every whitespace character removed.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
 */
export function nonWhitespaceBytes(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc).replace(/\s+/g, ''), 'utf8');
}

/** JSON with object keys sorted at every level: equal documents give equal text. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
}
