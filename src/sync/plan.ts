/**
 * What `idcgen accounts sync` changes, decided from the model's account entries and the
 * organization as AWS Organizations lists it. Pure: same inputs, same plan.
 *
 * - Accounts are matched by id; a model account keeps its name (names are the model's addresses).
 * - `ou` and `tags` follow Organizations (the source of truth for both); an `ou` written another
 *   way for the same path (`Root/Workloads`, `/Workloads/`) is left as written.
 * - Accounts that are suspended, closing or closed, or no longer in the organization, are removed,
 *   each with a warning (assignments cannot reach them).
 * - New active accounts are added with a name made from their AWS name (lowercase letters, digits,
 *   `.`, `_`, `-`); a name that is taken, or shared by two new accounts, gets `-<account id>`, so
 *   the result does not depend on listing order. Accounts still being created are left for a
 *   later run.
 */
import { type EstateOrganization, ouString } from '../import';
import { type AccountInput, compareKeys, displayOu, LIMITS, sortedRecord, uniqueNames } from '../model';
import { planOrganizationalUnits, type OuEntry, type OuPlan } from './ous';

/** An entry of the model's accounts, as the schema reads it. */
export type ModelAccount = Readonly<AccountInput>;

export interface AccountUpdate {
  readonly name: string;
  readonly id: string;
  /** New OU path; absent when it did not change. */
  readonly ou?: string;
  /** New tags; absent when they did not change. */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface SyncPlan {
  /** Sorted by name. */
  readonly add: readonly {
    readonly name: string;
    readonly id: string;
    readonly ou: string;
    readonly tags: Readonly<Record<string, string>>;
    readonly awsName: string;
  }[];
  /** In model order. */
  readonly remove: readonly { readonly name: string; readonly id: string; readonly why: string }[];
  /** In model order. */
  readonly update: readonly AccountUpdate[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
  /** `organizationalUnits` after the sync, when the model has the section (sync/ous.ts). */
  readonly organizationalUnits?: OuPlan;
}

/** Account states in which assignments cannot be used: the account leaves the model. */
const GONE_STATES: Readonly<Record<string, string>> = { SUSPENDED: 'suspended', PENDING_CLOSURE: 'closing', CLOSED: 'closed' };

export function planSync(model: readonly ModelAccount[], org: EstateOrganization, modelOrganizationId: string, modelOus?: readonly OuEntry[]): SyncPlan {
  if (org.id !== modelOrganizationId) {
    throw new Error(
      `aws organizations answered for organization ${org.id}, but the model is organization ${modelOrganizationId}; use credentials of the model's organization`,
    );
  }
  const notes: string[] = [];
  const warnings: string[] = [];
  const aws = new Map(org.accounts.map((a) => [a.id, a]));
  const inModel = new Set(model.map((a) => a.id));
  const remove: SyncPlan['remove'][number][] = [];
  const update: AccountUpdate[] = [];

  for (const m of model) {
    const a = aws.get(m.id);
    const gone = a?.state !== undefined ? GONE_STATES[a.state] : undefined;
    if (a === undefined || gone !== undefined) {
      if (m.id === org.managementAccountId) continue;
      const why = a === undefined ? `is not in organization ${org.id}` : `is ${gone} in aws organizations`;
      remove.push({ name: m.name, id: m.id, why });
      warnings.push(`account '${m.name}' (${m.id}) ${why}: removed from the model; assignments can no longer reach it`);
      continue;
    }
    const ou = ouString(a, notes);
    const tags = sortedRecord(a.tags);
    const ouChanged = displayOu(m.ou ?? '') !== ou;
    const tagsChanged = JSON.stringify(sortedRecord(m.tags ?? {})) !== JSON.stringify(tags);
    if (ouChanged || tagsChanged) update.push({ name: m.name, id: m.id, ...(ouChanged ? { ou } : {}), ...(tagsChanged ? { tags } : {}) });
  }

  const fresh = org.accounts
    .filter((a) => !inModel.has(a.id))
    .filter((a) => {
      if (a.state === undefined || a.state === 'ACTIVE') return true;
      if (a.state === 'PENDING_ACTIVATION') notes.push(`account '${a.name}' (${a.id}) is still being created; it will be added once active`);
      return false;
    })
    .sort((x, y) => compareKeys(x.id, y.id));
  const kept = model.filter((m) => !remove.some((r) => r.id === m.id)).map((m) => m.name);
  const names = uniqueNames(
    fresh.map((a) => ({ base: accountHandle(a.name), suffix: a.id })),
    kept,
    LIMITS.accountName.max,
  );
  const add = fresh
    .map((a, i) => ({ name: names[i], id: a.id, ou: ouString(a, notes), tags: sortedRecord(a.tags), awsName: a.name }))
    .sort((x, y) => compareKeys(x.name, y.name));
  const organizationalUnits = planOrganizationalUnits(modelOus, org, notes);
  return { add, remove, update, warnings, notes: [...new Set(notes)], ...(organizationalUnits ? { organizationalUnits } : {}) };
}

/**
 * A model name from an AWS account name: `Payments Prod (EU)` → `payments-prod-eu`, `Zürich` →
 * `zurich`; `account` when nothing is left. At most the model's account name length.
 */
export function accountHandle(awsName: string): string {
  const ascii = awsName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const handle = ascii
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, LIMITS.accountName.max)
    .replace(/[-._]+$/, '');
  return handle === '' ? 'account' : handle;
}
