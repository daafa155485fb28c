/** Field-by-field comparison of plain model values, and list additions/removals. */
import type { Tags } from '../../model';
import type { FieldChange, FieldValue, ListChange } from '../types';
import { canonicalJson, sortedUnique } from '../../policy';

/** Pairs of model term and value; undefined means "not set". */
export type Fields = readonly (readonly [string, FieldValue | undefined])[];

/** Changes between two field lists with the same terms in the same order. */
export function diffFields(before: Fields | undefined, after: Fields | undefined): FieldChange[] {
  const terms = (after ?? before ?? []).map(([t]) => t);
  const b = new Map(before ?? []);
  const a = new Map(after ?? []);
  const out: FieldChange[] = [];
  for (const field of terms) {
    const x = b.get(field);
    const y = a.get(field);
    if (canonicalJson(x) === canonicalJson(y)) continue;
    // An empty list on the side of an entity that is added or removed says nothing.
    if ((x === undefined && isEmptyArray(y)) || (y === undefined && isEmptyArray(x))) continue;
    out.push({ field, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
  }
  return out;
}

function isEmptyArray(v: FieldValue | undefined): boolean {
  return Array.isArray(v) && v.length === 0;
}

export function diffList(before: readonly string[] | undefined, after: readonly string[] | undefined): ListChange {
  const b = new Set(before ?? []);
  const a = new Set(after ?? []);
  return {
    added: sortedUnique([...a].filter((x) => !b.has(x))),
    removed: sortedUnique([...b].filter((x) => !a.has(x))),
  };
}

export function isEmptyList(c: ListChange): boolean {
  return c.added.length === 0 && c.removed.length === 0;
}

/** Tags as sorted `key=value` strings, so a tag change reads as one removed and one added pair. */
export function tagList(tags: Tags): string[] {
  return sortedUnique(Object.entries(tags).map(([k, v]) => `${k}=${v}`));
}
