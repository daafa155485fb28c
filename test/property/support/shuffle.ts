/**
 * A copy of a model in which every list is permuted and every mapping's keys are reordered:
 * nothing in idcgen's output may depend on the order the YAML happens to use. Policy documents
 * (`inlinePolicy`, a customer managed policy's `policy`) are copied as they are: they are the
 * user's own JSON, rendered as written.
 */
import fc from 'fast-check';

const OPAQUE = new Set(['inlinePolicy', 'policy']);

/** A shuffled copy of `model`, driven by an integer fast-check chooses (and reports on failure). */
export function shuffledCopy<T>(model: T): fc.Arbitrary<T> {
  return fc.integer({ min: 1, max: 0x7fffffff }).map((seed) => shuffle(model, prng(seed)) as T);
}

function shuffle(value: unknown, rnd: () => number): unknown {
  if (Array.isArray(value))
    return permute(
      value.map((v) => shuffle(v, rnd)),
      rnd,
    );
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]): [string, unknown] => [k, OPAQUE.has(k) ? structuredClone(v) : shuffle(v, rnd)]);
    return Object.fromEntries(permute(entries, rnd));
  }
  return value;
}

/** Fisher–Yates. */
function permute<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** mulberry32: small and identical on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
