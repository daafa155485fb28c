/** Measuring and comparing policy documents as AWS does: by content, not by YAML layout. */

/**
 * Bytes that count against the IAM and Identity Center size quotas: AWS counts the policy text
 * without whitespace, so the JSON is measured with every whitespace character removed.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html
 */
export function nonWhitespaceBytes(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc).replace(/\s+/g, ''), 'utf8');
}
