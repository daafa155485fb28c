/**
 * Turns a policy statement into a flat map `field → set of values` so two statements can be
 * compared for meaning, not text:
 * - a string and a one-element list are the same; lists are sets (order and repeats ignored);
 * - action names and condition keys are case-insensitive in IAM, so they compare lowercased;
 * - `"Principal": "*"` equals `{ "AWS": "*" }`, and an account id equals its `:root` ARN;
 * - condition values compare as strings (`true` equals `"true"`).
 * Field names keep the spelling of the first document that mentions them, for messages.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
import { ACCOUNT_ROOT_ARN } from '../../model';
import { toArray } from '../../policy';

export interface NormalValue {
  /** What comparison uses. */
  readonly key: string;
  /** What messages show. */
  readonly text: string;
}

export interface NormalField {
  readonly label: string;
  readonly values: ReadonlyMap<string, NormalValue>;
}

/** Lowercased field path → field. */
export type NormalStatement = ReadonlyMap<string, NormalField>;

const ACCOUNT_ID = /^\d{12}$/;

type ValueKind = 'plain' | 'action' | 'principal';

function keyOf(text: string, kind: ValueKind): string {
  if (kind === 'action') return text.toLowerCase();
  if (kind === 'principal') {
    const account = ACCOUNT_ID.test(text) ? text : ACCOUNT_ROOT_ARN.exec(text)?.[2];
    if (account) return `account:${account}`;
  }
  return text;
}

function addField(out: Map<string, NormalField>, label: string, raw: unknown, kind: ValueKind, field = label.toLowerCase()): void {
  const values = new Map<string, NormalValue>();
  for (const v of toArray(raw)) {
    const text = typeof v === 'string' ? v : kind === 'plain' && typeof v !== 'object' ? String(v) : JSON.stringify(v);
    const key = keyOf(text, kind);
    if (!values.has(key)) values.set(key, { key, text });
  }
  out.set(field, { label, values });
}

function addPrincipal(out: Map<string, NormalField>, element: string, raw: unknown): void {
  if (raw === '*') {
    addField(out, `${element}.AWS`, '*', 'principal');
    return;
  }
  if (typeof raw !== 'object' || raw === null) {
    addField(out, element, raw, 'plain');
    return;
  }
  for (const [type, v] of Object.entries(raw)) addField(out, `${element}.${type}`, v, 'principal');
}

/** Flatten one statement (as parsed JSON). Unknown elements are compared as JSON text. */
export function normalizeStatement(statement: Record<string, unknown>): NormalStatement {
  const out = new Map<string, NormalField>();
  for (const [element, raw] of Object.entries(statement)) {
    if (element === 'Sid') continue;
    if (element === 'Principal' || element === 'NotPrincipal') addPrincipal(out, element, raw);
    else if (element === 'Action' || element === 'NotAction') addField(out, element, raw, 'action');
    else if (element === 'Condition' && typeof raw === 'object' && raw !== null) {
      for (const [operator, keys] of Object.entries(raw)) {
        for (const [conditionKey, v] of Object.entries(keys as Record<string, unknown>)) {
          // Operator names are case-sensitive, condition keys are not.
          const field = `condition.${operator}.${conditionKey.toLowerCase()}`;
          addField(out, `Condition.${operator}.${conditionKey}`, v, 'plain', field);
        }
      }
    } else addField(out, element, raw, 'plain');
  }
  return out;
}

export interface FieldDiff {
  readonly label: string;
  /** In the expected statement, not in the live one. */
  readonly missing: readonly string[];
  /** In the live statement, not in the expected one. */
  readonly unexpected: readonly string[];
}

/** Field-by-field set difference; empty when the statements mean the same. Sorted by field. */
export function diffStatements(expected: NormalStatement, live: NormalStatement): FieldDiff[] {
  const fields = [...new Set([...expected.keys(), ...live.keys()])].sort();
  const out: FieldDiff[] = [];
  for (const f of fields) {
    const e = expected.get(f);
    const l = live.get(f);
    const missing = [...(e?.values.values() ?? [])].filter((v) => !l?.values.has(v.key)).map((v) => v.text);
    const unexpected = [...(l?.values.values() ?? [])].filter((v) => !e?.values.has(v.key)).map((v) => v.text);
    if (missing.length > 0 || unexpected.length > 0) {
      out.push({ label: (e ?? l)!.label, missing: missing.sort(), unexpected: unexpected.sort() });
    }
  }
  return out;
}
