/**
 * How much an alias brings in. yaml's own guard (maxAliasCount) counts alias uses, weighted by the
 * aliases inside the anchored node, so 99 uses of one anchored list of 60,000 names pass it: yaml
 * shares one copy, but every later stage (schema, references, targets) walks and copies each use,
 * which took gigabytes. Here every alias counts the nodes it stands for (nested aliases expanded),
 * and the first alias that takes the document past the limit is reported.
 */
import { isAlias, isCollection, isPair, visit, type Document, type Node } from 'yaml';

/** Nodes a value stands for, aliases expanded; memoized per node, cycles counted once. */
function sizer(doc: Document): (n: unknown) => number {
  const memo = new Map<unknown, number>();
  const size = (n: unknown): number => {
    if (n === null || n === undefined) return 0;
    const known = memo.get(n);
    if (known !== undefined) return known;
    memo.set(n, 1); // a recursive alias (an anchor used inside itself) counts once
    let total = 1;
    if (isAlias(n)) total = size(n.resolve(doc));
    else if (isPair(n)) total = size(n.key) + size(n.value);
    else if (isCollection(n)) for (const item of n.items) total += size(item);
    memo.set(n, total);
    return total;
  };
  return size;
}

/** Offset of the first alias at which the nodes brought in by aliases exceed `max`; undefined if none. */
export function aliasExpansionExcess(doc: Document, max: number): number | undefined {
  const size = sizer(doc);
  let total = 0;
  let at: number | undefined;
  visit(doc, {
    Alias: (_key, alias) => {
      total += size(alias);
      if (total <= max) return undefined;
      at = (alias as Node).range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}
