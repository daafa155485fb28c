/** Counts and shortened lists as review.md writes them (one spelling for every section). */

/** `1,234`. */
export function count(x: number): string {
  return x.toLocaleString('en-US');
}

/** `1 account`, `1,234 accounts` (or the given plural). */
export function plural(x: number, one: string, many = `${one}s`): string {
  return `${count(x)} ${x === 1 ? one : many}`;
}

/** `a, b, c and 594 more`: the first `shown` items, then how many are left. */
export function firstAndMore(items: readonly string[], shown: number): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} and ${count(items.length - shown)} more` : head;
}
