/**
 * Units to plan, in batches that fit a CI job matrix (GitHub runs at most 256 jobs from one
 * matrix, and a one-line change to a large model can touch hundreds of units).
 *
 * Order is apply order (README "Deploying"): management; then permission-set, user and group units
 * (users before groups: groups look their members up); then member accounts; then assignment
 * shards. Units of one kind keep the review's order (by name). While the units fit, each batch is
 * one unit; beyond that consecutive units share a batch, sizes differing by one at most.
 */
import type { TouchedUnit } from '../types';
import { MAX_BATCHES } from '../types';

function applyRank(u: TouchedUnit): number {
  if (u.kind === 'management') return 0;
  if (u.kind === 'permission-sets') return 1;
  if (u.kind === 'identity-store') return u.name.startsWith('users') ? 2 : 3;
  if (u.kind === 'member') return 4;
  return 5;
}

/** The units in apply order, cut into at most `max` batches of near-equal size. */
export function batchUnits(units: readonly TouchedUnit[], max = MAX_BATCHES): string[][] {
  const names = units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => applyRank(a.u) - applyRank(b.u) || a.i - b.i)
    .map(({ u }) => u.name);
  const count = Math.min(max, names.length);
  const out: string[][] = [];
  for (let b = 0, start = 0; b < count; b++) {
    const end = start + Math.floor(names.length / count) + (b < names.length % count ? 1 : 0);
    out.push(names.slice(start, end));
    start = end;
  }
  return out;
}
