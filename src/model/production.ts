/**
 * Which accounts count as production, for the `production-affected` risk flag and the markers in
 * reviews. The rule, documented in examples/ci/README.md:
 *
 * an account is production when
 * - it has a tag `env` or `environment` (key compared ignoring case) whose value is `prod` or
 *   `production` (ignoring case), or
 * - a segment of its OU path is `Prod` or `Production` (ignoring case), e.g. `Workloads/Prod`.
 *
 * Whole segments, not substrings, so an OU called `Products` is not production.
 */
import type { ResolvedAccount } from './ir';

const PROD_TAG_KEYS = new Set(['env', 'environment']);
const PROD_VALUES = new Set(['prod', 'production']);

export function isProduction(account: Pick<ResolvedAccount, 'ou' | 'tags'>): boolean {
  for (const [k, v] of Object.entries(account.tags)) {
    if (PROD_TAG_KEYS.has(k.toLowerCase()) && PROD_VALUES.has(v.toLowerCase())) return true;
  }
  return account.ou.split('/').some((segment) => PROD_VALUES.has(segment.toLowerCase()));
}
