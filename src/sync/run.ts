/**
 * `idcgen accounts sync`: read the organization (read-only, paginated, paced and retried when
 * throttled, through the import's Caller), plan the changes to the model's account entries and
 * apply them to the files that hold them. Files come in and go out as text: the command reads and
 * writes them.
 */
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { createTwoFilesPatch } from 'diff';
import { Caller, readOrganization } from '../import';
import { applyPlan, readAccounts, readOrganizationalUnits, type EditedFile, type SourceText } from './accounts-file';
import { planSync, type SyncPlan } from './plan';

export interface SyncInput {
  /** Every file of the model, main first, as loaded. */
  readonly sources: readonly SourceText[];
  readonly organizationId: string;
}

export interface SyncDeps {
  readonly organizations: OrganizationsClient;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told about each throttled request before it is retried. */
  readonly onThrottle?: (operation: string, attempt: number, waitMs: number) => void;
}

export interface SyncResult {
  readonly plan: SyncPlan;
  readonly edited: readonly EditedFile[];
  /** Unified diff of every edited file (`--- a/<file>` / `+++ b/<file>`), empty when nothing changes. */
  readonly diff: string;
  readonly accounts: number;
}

/** Requests in flight while reading the OU tree and tags; pacing keeps Organizations below its rate either way. */
const CONCURRENCY = 4;

export async function syncAccounts(input: SyncInput, deps: SyncDeps): Promise<SyncResult> {
  const caller = new Caller({ sleep: deps.sleep, onThrottle: (_s, op, attempt, wait) => deps.onThrottle?.(op, attempt, wait) });
  const org = await readOrganization({ organizations: deps.organizations }, caller, CONCURRENCY);
  const plan = planSync(readAccounts(input.sources), org, input.organizationId, readOrganizationalUnits(input.sources));
  const edited = applyPlan(input.sources, plan);
  const diff = edited
    .map((e) => createTwoFilesPatch(`a/${e.file}`, `b/${e.file}`, e.before, e.after, '', '', { context: 3 }).replace(/^(?:Index:.*\n)?=+\n/, ''))
    .join('');
  return { plan, edited, diff, accounts: org.accounts.length };
}
