// https://yaml.org/spec/1.2.2/#1032-tag-resolution
/**
 * Values of a policy document that YAML reads as something other than what was written. A policy
 * is JSON written as YAML, and YAML resolves unquoted scalars: `011111111111` becomes the number
 * 11111111111 (an account id loses its leading zero), `12345678901234567890` is rounded past 2^53,
 * `1e3` is 1000, `True` is true. The policy would then say something else than the model, silently.
 * A non-string scalar (key or value) whose JSON form is not its text as written is refused at its
 * position, with the quoted form to write instead. Strings are never affected.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { ModelPath } from '../load';
import type { CheckContext } from './context';

/** Check every scalar of the document at `path`; `what` names it in messages (`inlinePolicy`). */
export function checkPolicyScalars(ctx: CheckContext, path: ModelPath, what: string): void {
  const visit = (node: Node | null | undefined, at: ModelPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key : undefined;
        const sub = [...at, key ? String(key.value) : '?'];
        if (key) check(ctx, key, sub, what, true);
        visit(pair.value as Node | null, sub);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node | null, [...at, i]));
    } else if (isScalar(node)) {
      check(ctx, node, at, what, false);
    }
  };
  visit(ctx.loaded.node(path), path);
}

function check(ctx: CheckContext, node: Scalar, at: ModelPath, what: string, key: boolean): void {
  const { value } = node;
  if (typeof value === 'string') return;
  const written = node.source ?? String(value);
  const read = typeof value === 'number' && !Number.isFinite(value) ? undefined : JSON.stringify(value);
  if (read === written) return;
  const as =
    typeof value === 'number'
      ? `the number ${String(value)}${read === undefined ? ', which json cannot hold' : ''}`
      : value === null
        ? 'null'
        : `the ${typeof value} ${String(value)}`;
  ctx.error(at, `${what} ${key ? 'key' : 'value'} ${written} is read by yaml as ${as}, not as written; quote it: ${JSON.stringify(written)}`, { key });
}
