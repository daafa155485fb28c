/**
 * The IR as the CDKTF emitter hands it to cdktf: every string of it with `{` and `}` replaced by
 * stand-ins from the Unicode private use area.
 *
 * Why: cdktf scans every string it is given for its own token syntax (`${TfToken[…]}`, `#{…}`,
 * `&{…}`) and for Terraform's (`${`, which it treats as an escape and which changes how it renders
 * references later in the same string). Model text with braces would be read as either: a group
 * description `${TfToken[TOKEN.1]}` became whatever token 1 was. Without braces there is nothing for
 * cdktf to read, and every `${` left in a synthesized string is a reference cdktf rendered itself —
 * which is what lets GeneratedStack (generated-stack.ts) restore and escape model text when the
 * JSON is produced, and interpolate only references.
 *
 * The stand-in for a brace is a private use mark and a letter, and the mark itself is doubled
 * letter-wise too, so the mapping is reversible for every string, including ones that hold the mark.
 */
import type { DeploymentUnit, ResolvedModel } from '../../../model';

const MARK = '\uE000';
const TO_STAND_IN: Readonly<Record<string, string>> = { [MARK]: `${MARK}m`, '{': `${MARK}o`, '}': `${MARK}c` };
const FROM_STAND_IN: Readonly<Record<string, string>> = { m: MARK, o: '{', c: '}' };
const NEEDS_STAND_IN = /[{}\uE000]/;

/** Model text with its braces (and marks) replaced: text cdktf cannot read as syntax. */
export function toLiteralText(text: string): string {
  return NEEDS_STAND_IN.test(text) ? text.replace(/[{}\uE000]/g, (c) => TO_STAND_IN[c]) : text;
}

/** The model text a literal-text string stands for. */
export function fromLiteralText(text: string): string {
  return text.includes(MARK) ? text.replace(/\uE000([moc])/g, (_m, c: string) => FROM_STAND_IN[c]) : text;
}

const views = new WeakMap<object, unknown>();

/**
 * `value` with every string (object keys included) in literal text. Copy-on-write: objects and
 * arrays without such text are returned as they are, so the common model costs one walk and no
 * copy; a view is built once per object (WeakMap), so per-IR caches (ir-index.ts) keep working.
 */
export function inLiteralText<T>(value: T): T {
  if (typeof value === 'string') return toLiteralText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  const cached = views.get(value);
  if (cached !== undefined) return cached as T;
  let changed = false;
  let out: unknown;
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) => {
      const l = inLiteralText(v);
      if (l !== v) changed = true;
      return l;
    });
    out = changed ? items : value;
  } else {
    const entries = Object.entries(value).map(([k, v]): [string, unknown] => {
      const lk = toLiteralText(k);
      const lv = inLiteralText(v);
      if (lk !== k || lv !== v) changed = true;
      return [lk, lv];
    });
    out = changed ? Object.fromEntries(entries) : value;
  }
  views.set(value, out);
  return out as T;
}

/** What a stack is built from: the model and its unit, in literal text. */
export function literalView<U extends DeploymentUnit>(ir: ResolvedModel, unit: U): { ir: ResolvedModel; unit: U } {
  return { ir: inLiteralText(ir), unit: inLiteralText(unit) };
}
