/**
 * Statement-level diff of two policy documents.
 *
 * Rules:
 * - statements with a Sid are matched by Sid; a matched pair whose canonical content differs is
 *   `changed`, so a reviewer sees which documented statement moved;
 * - statements without a Sid are matched by their canonical JSON: they can only be added or
 *   removed, since nothing else says which old statement a new one replaces;
 * - a Sid used twice in one document cannot identify a statement, so those statements are
 *   matched by Sid plus content;
 * - statement order is not meaning: reordered statements, actions or condition values are no change.
 * The result is sorted by Sid, then (statements without a Sid) by canonical JSON.
 */
import { compareKeys, type PolicyDocumentJson, type StatementJson } from '../../model';
import type { StatementChange } from '../types';
import { canonicalJson, canonicalStatement, statementKey } from '../../policy';

interface Keyed {
  readonly key: string;
  readonly sid?: string;
  readonly statement: StatementJson;
  readonly canonical: string;
}

function keyed(doc: PolicyDocumentJson | undefined): Map<string, Keyed> {
  const statements = doc?.Statement ?? [];
  const sidCount = new Map<string, number>();
  for (const s of statements) if (s.Sid) sidCount.set(s.Sid, (sidCount.get(s.Sid) ?? 0) + 1);
  const out = new Map<string, Keyed>();
  for (const s of statements) {
    const content = statementKey(s);
    const canonical = canonicalJson(canonicalStatement(s));
    // '0' sorts Sid keys before '1' content keys, so Sid'd statements come first.
    const key = s.Sid ? (sidCount.get(s.Sid) === 1 ? `0${s.Sid}` : `0${s.Sid}\u0000${content}`) : `1${content}`;
    out.set(key, { key, sid: s.Sid || undefined, statement: s, canonical });
  }
  return out;
}

/** The documented source of a statement (by identity, in the document it came from). */
export type SourceLookup = (statement: StatementJson, side: 'before' | 'after') => { useCase: string; docUrl: string } | undefined;

export function diffStatements(before: PolicyDocumentJson | undefined, after: PolicyDocumentJson | undefined, sources?: SourceLookup): StatementChange[] {
  const a = keyed(before);
  const b = keyed(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(compareKeys);
  const out: StatementChange[] = [];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && x.canonical === y.canonical) continue;
    const change = x && y ? 'changed' : x ? 'removed' : 'added';
    const sid = (y ?? x)?.sid;
    const source = y ? sources?.(y.statement, 'after') : x ? sources?.(x.statement, 'before') : undefined;
    out.push({
      change,
      ...(sid !== undefined ? { sid } : {}),
      ...(x ? { before: x.statement } : {}),
      ...(y ? { after: y.statement } : {}),
      ...(source ? { useCase: source.useCase, docUrl: source.docUrl } : {}),
    });
  }
  return out;
}
