/**
 * Units to plan, in batches that fit a CI job matrix (GitHub runs at most 256 jobs from one
 * matrix, and a one-line change to a large model can touch hundreds of units).
 *
 * Order is the model's apply order: the waves of `unitOrder` (model/unit-graph.ts), the one source
 * of apply order that `hcl/units.json`, Atlantis and the CDKTF stack dependencies also use (with a
 * delegated administrator, that account's member unit comes before the units it runs). Units of
 * one wave keep the review's order (by name). While the units fit, each batch is one unit; beyond
 * that consecutive units share a batch, sizes differing by one at most.
 */
import type { TouchedUnit } from '../types';
import { MAX_BATCHES } from '../types';

/**
 * The units sorted by `rank` (a unit's wave; the review's order within one), cut into at most `max`
 * batches of near-equal size.
 */
export function batchUnits(units: readonly TouchedUnit[], rank: (unitName: string) => number, max = MAX_BATCHES): string[][] {
  const names = units
    .map((u, i) => ({ name: u.name, rank: rank(u.name), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ name }) => name);
  const count = Math.min(max, names.length);
  const out: string[][] = [];
  for (let b = 0, start = 0; b < count; b++) {
    const end = start + Math.floor(names.length / count) + (b < names.length % count ? 1 : 0);
    out.push(names.slice(start, end));
    start = end;
  }
  return out;
}
