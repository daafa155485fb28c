/** Account references for reviews, with the production marker (model/production.ts says which accounts are production). */
import { type ResolvedAccount, isProduction } from '../../model';
import type { AccountRef } from '../types';

/** Account references by name; head data wins over base so a re-tagged account reads as it will be. */
export function accountIndex(...models: { readonly accounts: readonly ResolvedAccount[] }[]): Map<string, AccountRef> {
  const out = new Map<string, AccountRef>();
  for (const m of models) {
    for (const a of m.accounts) out.set(a.name, { name: a.name, id: a.id, production: isProduction(a) });
  }
  return out;
}
