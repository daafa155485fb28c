/**
 * Identity and ordering of policy values (strings and PolicyRefs), shared by statements, merging
 * and rendering so that "the same value" means the same thing everywhere.
 */
import { compareKeys, isPolicyRef, type PolicyValue, type PolicyValues } from '../../model';

/** A string that identifies a value: literal strings and refs can never collide. */
export function valueKey(v: PolicyValue): string {
  return isPolicyRef(v) ? `ref:${v.ref}:${v.key ?? ''}` : `str:${v}`;
}

/** Literal strings first (sorted), then refs (sorted by kind and key). */
export function compareValues(a: PolicyValue, b: PolicyValue): number {
  const ra = isPolicyRef(a);
  const rb = isPolicyRef(b);
  if (ra !== rb) return ra ? 1 : -1;
  return compareKeys(valueKey(a), valueKey(b));
}

/** One value stays scalar, as AWS writes single values; several become an array. */
export function toWire(values: readonly PolicyValue[]): PolicyValues {
  return values.length === 1 ? values[0] : [...values];
}

export function uniqueValues(values: readonly PolicyValue[]): PolicyValue[] {
  const seen = new Set<string>();
  const out: PolicyValue[] = [];
  for (const v of values) {
    const k = valueKey(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}
