/**
 * Construct ids from model names: the path components cdktf derives Terraform addresses from
 * (`makeUniqueId`: the components, minus any named `Default`, joined for a readable prefix, plus a
 * hash of the path). Two model names must never give one id, yet ids of names that were always safe
 * must stay what they were, because an address change moves state.
 *
 * Where the old ids went wrong: constructs writes `/` and a newline inside an id as `--` (so `A/B`
 * and `A--B` were one construct), and cdktf leaves out a component named `Default` (so group Default
 * with permission set ReadOnly and group ReadOnly with permission set Default were one resource).
 *
 * The rule:
 * - a *plain* name — not `Default`; none of `%`, newline, `{`, `}` or the literal-text mark; no `--`
 *   and no `-` next to `/` — keeps its old id, `/` written as `--`. On plain names that is one to one:
 *   in the id a lone `-` is a `-` and every pair of dashes a `/`;
 * - any other name is percent-encoded (`%`, `/`, `-`, newline, braces and the mark as `%XX`, and the
 *   `D` of `Default` as `%44`), so its id holds a `%`, which no plain id does.
 * So the id is a one-to-one function of the name, and nothing else in a path (fixed words, Regions,
 * ARNs) holds a `%` either. Names that are not plain changed address once; GeneratedStack writes
 * `moved` blocks from their old addresses (see previousLogicalId).
 */
import { makeUniqueId } from '../cdktf';
import { fromLiteralText } from './literal-view';

/** cdktf leaves a component with this id out of logical ids (cdktf/lib/private/unique.ts). */
const HIDDEN = 'Default';

function isPlain(name: string): boolean {
  return name !== HIDDEN && !/[%\n{}\uE000]/.test(name) && !/--|-\/|\/-/.test(name);
}

function percent(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : `%u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The construct id of a model name given in literal text (the form stacks are built from). */
export function constructId(literalName: string): string {
  const name = fromLiteralText(literalName);
  if (isPlain(name)) return name.replace(/\//g, '--');
  if (name === HIDDEN) return `${percent('D')}${name.slice(1)}`;
  return name.replace(/[%/\-\n{}\uE000]/g, percent);
}

/** The model name of a construct id that constructId wrote with `%` escapes. */
function decodePercent(id: string): string {
  return id.replace(/%u([0-9A-F]{4})|%([0-9A-F]{2})/g, (_m, u: string | undefined, b: string | undefined) =>
    String.fromCharCode(parseInt(u ?? (b as string), 16)),
  );
}

/**
 * The logical id cdktf gave the same path before construct ids were made one to one: each encoded
 * component back to its name as constructs wrote it (`/` and newline as `--`), then cdktf's own
 * makeUniqueId (which drops `Default`). Equal to the current id for every path of plain names.
 */
export function previousLogicalId(components: readonly string[]): string {
  return makeUniqueId(components.map((c) => (c.includes('%') ? decodePercent(c).replace(/[/\n]/g, '--') : c)));
}
