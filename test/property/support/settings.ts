/**
 * Run settings shared by the property tests: a fixed seed, so a failure in CI reproduces exactly
 * (fast-check prints the seed and path to replay), and modest run counts that keep each property
 * within about 20 s on a loaded two-core machine. `npm run test:deep` (IDCGEN_DEEP=1) runs many
 * more cases with the same seed.
 */
export const SEED = 20260917;

export const DEEP = process.env.IDCGEN_DEEP !== undefined && process.env.IDCGEN_DEEP !== '' && process.env.IDCGEN_DEEP !== '0';
// The CLI reads IDCGEN_* variables as options (yargs .env('IDCGEN')), and its strict parser would
// refuse IDCGEN_DEEP as the unknown option --deep: read once, then hide it from the in-process CLI.
delete process.env.IDCGEN_DEEP;

/** `ci` runs normally, `deep` under IDCGEN_DEEP=1. */
export function runs(ci: number, deep: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: DEEP ? deep : ci };
}
