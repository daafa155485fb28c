/**
 * Turn zod issues into positioned model issues in the model's own terms.
 *
 * - unknown keys are positioned at the key itself and list the keys allowed there;
 * - wrong types say what was expected and what was found (a number where a string is expected
 *   suggests quoting, the usual cause being an unquoted account id);
 * - a missing key is positioned at the mapping that lacks it;
 * - unions (principals, use cases, backends, tag values) report the errors of the one option the
 *   value was evidently meant to be: the option sharing a literal discriminator or the most keys
 *   with it; when no option fits, the message lists every form allowed.
 */
import type { z } from 'zod';
import { reportedIssues, type Issue } from '../issues';
import type { LoadedModel, ModelPath } from '../load';
import { describeValue, didYouMean, quote, where } from './describe';

type ZodIssue = z.core.$ZodIssue;

/** The parts of a zod 4 schema definition this module reads. */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, Schema>;
  readonly element?: Schema;
  readonly innerType?: Schema;
  readonly options?: readonly Schema[];
  readonly valueType?: Schema;
  readonly values?: readonly unknown[];
}
interface Schema {
  readonly _zod: { readonly def: Def };
}

/** Optional, nullable and default wrappers say nothing about the value's shape. */
function unwrap(s: Schema): Schema {
  let cur = s;
  while (cur._zod.def.innerType && ['optional', 'nullable', 'default', 'readonly'].includes(cur._zod.def.type)) {
    cur = cur._zod.def.innerType;
  }
  return cur;
}

/**
 * The schema at a (relative) path; unions on the way are resolved against the data found there,
 * and so is a union at the end unless `keepUnion`.
 */
function schemaAt(root: Schema, path: ModelPath, data: unknown, keepUnion = false): Schema | undefined {
  let s: Schema | undefined = unwrap(root);
  let d = data;
  for (const seg of path) {
    if (!s) return undefined;
    if (s._zod.def.type === 'union') s = pickOption(s, d);
    if (!s) return undefined;
    const def: Def = s._zod.def;
    if (def.type === 'object' && typeof seg === 'string') s = def.shape?.[seg];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    d = d !== null && typeof d === 'object' ? (d as Record<string | number, unknown>)[seg] : undefined;
    s = s ? unwrap(s) : undefined;
  }
  return s && s._zod.def.type === 'union' && !keepUnion ? pickOption(s, d) : s;
}

function keysOf(s: Schema): string[] {
  const def = unwrap(s)._zod.def;
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The union option whose keys overlap the value's keys most (first on ties); for schemaAt only. */
function pickOption(union: Schema, data: unknown): Schema | undefined {
  const options = union._zod.def.options ?? [];
  if (!isMapping(data)) return options.map(unwrap).find((o) => o._zod.def.type !== 'object') ?? options[0];
  let best: Schema | undefined;
  let bestScore = -1;
  for (const o of options) {
    const score = keysOf(o).filter((k) => k in data).length;
    if (score > bestScore) {
      best = unwrap(o);
      bestScore = score;
    }
  }
  return best;
}

function valueAt(data: unknown, path: ModelPath): unknown {
  let d = data;
  for (const seg of path) {
    if (d === null || typeof d !== 'object') return undefined;
    d = (d as Record<string | number, unknown>)[seg];
  }
  return d;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
  literal: 'a fixed value',
  enum: 'one of a fixed set of values',
};

function expectedOf(s: Schema): string {
  const def = unwrap(s)._zod.def;
  if (def.type === 'literal' && def.values) return def.values.map((v) => JSON.stringify(v)).join(' or ');
  return EXPECTED[def.type] ?? def.type;
}

/** Map every zod issue to positioned issues; `root` is the schema the issue paths start from. */
export function schemaIssues(loaded: LoadedModel, issues: readonly ZodIssue[], root: Schema, base: ModelPath = []): Issue[] {
  return reportedIssues(issues, (i) => mapIssue(loaded, i, root, base));
}

function mapIssue(loaded: LoadedModel, issue: ZodIssue, root: Schema, base: ModelPath): Issue[] {
  const rel = issue.path as (string | number)[];
  const path = [...base, ...rel];
  const value = valueAt(loaded.data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const target = schemaAt(root, rel, valueAt(loaded.data, base));
      const allowed = target ? keysOf(target) : [];
      return issue.keys.map((k) =>
        loaded.issue(
          [...path, k],
          `unknown key '${k}' ${path.length === 0 ? 'at' : 'in'} ${where(path)}${didYouMean(k, allowed)}; allowed keys: ${allowed.join(', ')}`,
          { key: true },
        ),
      );
    }
    case 'invalid_type': {
      if (value === undefined) {
        const parent = path.slice(0, -1);
        const key = String(path[path.length - 1]);
        const msg = parent.length === 0 ? `missing required key '${key}'` : `${where(parent)} is missing required key '${key}'`;
        return [loaded.issue(parent, msg)];
      }
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const hint = issue.expected === 'string' && typeof value === 'number' ? '; put the value in quotes' : '';
      return [loaded.issue(path, `${where(path)} must be ${expected}, found ${describeValue(value)}${hint}`)];
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      const found = typeof value === 'string' ? quote(value) : describeValue(value);
      if (allowed.length === 1) return [loaded.issue(path, `${where(path)} must be ${allowed[0]}, found ${found}`)];
      return [loaded.issue(path, `${where(path)} ${found} is not valid; allowed: ${allowed.join(', ')}`)];
    }
    case 'too_small':
      if (typeof value === 'string' && value.length === 0) return [loaded.issue(path, `${where(path)} must not be empty`)];
      return [loaded.issue(path, `${where(path)} is too small: found ${describeValue(value)}, minimum ${String(issue.minimum)}`)];
    case 'invalid_union':
      return mapUnion(loaded, issue, root, base, path, value);
    default:
      return [loaded.issue(path, `${where(path)}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`)];
  }
}

function mapUnion(
  loaded: LoadedModel,
  issue: Extract<ZodIssue, { code: 'invalid_union' }>,
  root: Schema,
  base: ModelPath,
  path: ModelPath,
  value: unknown,
): Issue[] {
  const union = schemaAt(root, issue.path as (string | number)[], valueAt(loaded.data, base), true);
  const options = (union?._zod.def.options ?? []).map(unwrap);
  if (options.length === 0 || options.length !== issue.errors.length) {
    return [loaded.issue(path, `${where(path)} is not valid: found ${describeValue(value)}`)];
  }
  const recurse = (i: number): Issue[] => schemaIssues(loaded, issue.errors[i], options[i], path);

  const kind = (s: Schema): string => (['object', 'record'].includes(s._zod.def.type) ? 'object' : s._zod.def.type);
  const valueKind = isMapping(value) ? 'object' : Array.isArray(value) ? 'array' : typeof value;
  const sameKind = options.map((o, i) => [o, i] as const).filter(([o]) => kind(o) === valueKind);
  if (sameKind.length === 0) {
    const expected = [...new Set(options.map(expectedOf))].join(' or ');
    return [loaded.issue(path, `${where(path)} must be ${expected}, found ${describeValue(value)}`)];
  }
  if (sameKind.length === 1 || !isMapping(value)) return recurse(sameKind[0][1]);

  // A key whose schema is a literal in every option is a discriminator (backend `type:`).
  const firstKeys = keysOf(options[0]);
  const disc = firstKeys.find((k) => options.every((o) => unwrap(o)._zod.def.shape?.[k]?._zod.def.type === 'literal'));
  if (disc !== undefined && disc in value) {
    const values = options.flatMap((o) => unwrap(o)._zod.def.shape?.[disc]._zod.def.values ?? []);
    const hit = options.findIndex((o) => (unwrap(o)._zod.def.shape?.[disc]._zod.def.values ?? []).includes(value[disc]));
    if (hit >= 0) return recurse(hit);
    const found = typeof value[disc] === 'string' ? quote(value[disc] as string) : describeValue(value[disc]);
    return [loaded.issue([...path, disc], `${where([...path, disc])} ${found} is not valid; allowed: ${values.join(', ')}`)];
  }

  const allKeys = [...new Set(options.flatMap(keysOf))];
  const given = Object.keys(value);
  const overlap = options.map((o) => keysOf(o).filter((k) => given.includes(k)).length);
  const most = Math.max(...overlap);
  if (most === 0) {
    if (given.length === 0) return [loaded.issue(path, `${where(path)} is empty; it needs one of the keys: ${allKeys.join(', ')}`)];
    return given.map((k) =>
      loaded.issue([...path, k], `unknown key '${k}' in ${where(path)}${didYouMean(k, allKeys)}; allowed keys: ${allKeys.join(', ')}`, {
        key: true,
      }),
    );
  }
  let best = -1;
  for (let i = 0; i < options.length; i++) {
    if (overlap[i] === most && (best < 0 || issue.errors[i].length < issue.errors[best].length)) best = i;
  }
  return recurse(best);
}
