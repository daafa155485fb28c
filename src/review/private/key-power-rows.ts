/**
 * The Markdown rows of "Effective key power": one row per change, however many accounts it
 * reaches. A permission set provisioned in 1,000 accounts that gains `decrypt` everywhere for the
 * same reason is one row with the count and the first accounts (review.json keeps one entry per
 * account). Changes that differ in key, principal, levels or the policies they come through stay
 * apart, so a row never hides a stronger power behind a weaker one.
 */
import type { KeyPower, KeyPowerChange } from '../types';

/** `administer`, or `administer (possibly)` when it depends on policies or values idcgen cannot see. */
export function powerText(p: KeyPower): string {
  return p.certain ? p.power : `${p.power} (possibly)`;
}

/** The principal in the model's words with its account: `permission set Admin in management`. */
export function powerWho(p: KeyPower): string {
  return p.kind === 'account' ? `account root of ${p.accountName}` : p.kind === 'permission-set' ? `${p.principal} in ${p.accountName}` : p.principal;
}

export interface KeyPowerRow {
  readonly key: string;
  /** `permission set Admin` (its accounts are listed apart), or the role, deployer or account root. */
  readonly principal: string;
  readonly before: string;
  readonly after: string;
  readonly through: readonly string[];
  /** Sorted as the changes are (by account name within a permission set). */
  readonly accounts: readonly { readonly name: string; readonly id: string }[];
}

const level = (p: KeyPower | undefined): string => (p ? powerText(p) : 'none');

export function keyPowerRows(changes: readonly KeyPowerChange[]): KeyPowerRow[] {
  const rows = new Map<string, { row: Omit<KeyPowerRow, 'accounts'>; accounts: { name: string; id: string }[] }>();
  for (const c of changes) {
    const p = (c.after ?? c.before)!;
    const principal = p.kind === 'permission-set' ? p.principal : powerWho(p);
    const row = { key: p.key, principal, before: level(c.before), after: level(c.after), through: p.through };
    const id = JSON.stringify([row.key, p.kind, principal, row.before, row.after, row.through]);
    const entry = rows.get(id);
    if (entry) entry.accounts.push({ name: p.accountName, id: p.accountId });
    else rows.set(id, { row, accounts: [{ name: p.accountName, id: p.accountId }] });
  }
  return [...rows.values()].map(({ row, accounts }) => ({ ...row, accounts }));
}
