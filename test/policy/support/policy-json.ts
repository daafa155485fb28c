/**
 * Compare policies as AWS reads them: a single value equals a one-element array, and the values
 * of Action, Resource, Principal and condition keys are sets (order-insensitive). Statements are
 * compared as a set too (AWS evaluates all of them), ordered by Sid for readable diffs.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const SET_VALUED = new Set(['Action', 'NotAction', 'Resource', 'NotResource', 'AWS', 'Service']);

export function normalizePolicyJson(value: unknown): Json {
  return normalize(value, undefined) as Json;
}

function normalize(v: unknown, key: string | undefined, inCondition = false): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => normalize(x, undefined, inCondition));
    if (key === 'Statement') return [...items].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    return [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      const cond = inCondition || k === 'Condition';
      // Inside Condition every key's value is a set of strings; elsewhere only the set-valued elements.
      const asSet = (inCondition && typeof x !== 'object') || (SET_VALUED.has(k) && typeof x === 'string');
      out[k] = normalize(asSet ? [x] : x, k, cond);
    }
    return out;
  }
  return v;
}

function sortKey(statement: unknown): string {
  const s = statement as { Sid?: string };
  return `${s.Sid ?? ''}|${JSON.stringify(statement)}`;
}
