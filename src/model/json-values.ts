/**
 * Two facts about JSON values that every stage needs, kept in the bottom layer so the model can
 * use them without importing policy: IAM's one-or-many (a scalar or a list means a list) and the
 * canonical text of a value (object keys sorted), which makes equal documents equal strings, and
 * string maps in key order.
 * policy/json re-exports both as part of reading policy JSON.
 */
import { compareKeys } from './ir';

/** One-or-many as IAM writes it (a scalar, a list, or absent) → a list. */
export function toArray<T>(v: T | readonly T[] | undefined): T[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? [...(v as readonly T[])] : [v as T];
}

/**
 * JSON text with object keys sorted at every level and undefined members left out: two values
 * are identical exactly when their canonical texts are equal. Array order is kept (it is the
 * caller's to normalise).
 */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => compareKeys(a, b));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** A string map with its keys in sorted order (tags, attributes): insertion order never reaches output. */
export function sortedRecord(r: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r ?? {}).sort(compareKeys)) out[k] = (r as Record<string, string>)[k];
  return out;
}
