/**
 * Names made from other names (model names for new AWS accounts, AWS CLI profile names) must be
 * unique and must not depend on the order things were listed in. The rule, used everywhere:
 * every item whose name is taken, or shared with another item (compared ignoring case, as AWS and
 * the model compare names), gets `<name>-<suffix>` instead, where the suffix is unique to the
 * item (an account id). Then no item keeps a shared name by being first.
 */
export interface NamedItem {
  readonly base: string;
  /** Unique per item, e.g. an account id. */
  readonly suffix: string;
}

/**
 * Final names in input order. In the rare case where a suffixed name equals another item's name
 * (`a-b` with suffix `1` beside a plain `a-b-1`), a counter follows, in input order.
 */
export function uniqueNames(items: readonly NamedItem[], taken: Iterable<string> = [], maxLength = Infinity): string[] {
  const fold = (s: string): string => s.toLowerCase();
  const takenSet = new Set([...taken].map(fold));
  const counts = new Map<string, number>();
  for (const it of items) counts.set(fold(it.base), (counts.get(fold(it.base)) ?? 0) + 1);
  const out = items.map((it) => {
    const clash = takenSet.has(fold(it.base)) || (counts.get(fold(it.base)) ?? 0) > 1;
    if (!clash) return it.base;
    const tail = `-${it.suffix}`;
    return `${it.base.slice(0, Math.max(0, maxLength - tail.length)).replace(/[-._]+$/, '')}${tail}`;
  });
  const seen = new Set(takenSet);
  return out.map((name) => {
    let unique = name;
    for (let k = 2; seen.has(fold(unique)); k++) unique = `${name}-${k}`;
    seen.add(fold(unique));
    return unique;
  });
}
