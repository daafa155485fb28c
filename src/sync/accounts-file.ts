/**
 * The model's account entries, read from and written back to the YAML files that hold `accounts:`
 * (the main file or an included one), with the yaml package's Document API: names, order,
 * comments and every other key stay as they are.
 *
 * Re-stringifying a Document normalizes spacing (`[a]` becomes `[ a ]`, aligned columns close up).
 * So that a sync changes only the lines it means to, the edited document's text is compared with
 * the unedited document's text (both stringified the same way), and only the lines that differ
 * are taken from it; every other line is kept byte for byte from the file. The result is parsed
 * again and must equal the edited document, else the edited document's text is used whole.
 */
import { diffArrays } from 'diff';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type ToStringOptions } from 'yaml';
import { AMBIGUOUS } from '../import';
import { isDeepStrictEqual } from 'node:util';
import type { OuEntry } from './ous';
import type { ModelAccount, SyncPlan } from './plan';

export interface SourceText {
  readonly file: string;
  readonly text: string;
}

export interface EditedFile {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

/** Every account entry of the model, in file order then list order. */
export function readAccounts(sources: readonly SourceText[]): ModelAccount[] {
  const out: ModelAccount[] = [];
  for (const s of sources) {
    const seq = accountsSeq(parseDocument(s.text));
    for (const item of seq?.items ?? []) {
      if (!isMap(item)) continue;
      const plain = item.toJSON() as { name?: unknown; id?: unknown; ou?: unknown; tags?: unknown };
      out.push({
        name: String(plain.name),
        id: String(plain.id),
        ...(typeof plain.ou === 'string' ? { ou: plain.ou } : {}),
        ...(plain.tags && typeof plain.tags === 'object' ? { tags: plain.tags as Record<string, string> } : {}),
      });
    }
  }
  return out;
}

/** `organizationalUnits` of the model (in the main file: included files hold list sections only), or undefined without one. */
export function readOrganizationalUnits(sources: readonly SourceText[]): OuEntry[] | undefined {
  for (const s of sources) {
    const map = ousMap(parseDocument(s.text));
    if (map)
      return map.items.map((pair) => ({
        path: String(isScalar(pair.key) ? pair.key.value : pair.key),
        id: String(isScalar(pair.value) ? pair.value.value : pair.value),
      }));
  }
  return undefined;
}

/** The files the plan changes, with their text before and after. */
export function applyPlan(sources: readonly SourceText[], plan: SyncPlan): EditedFile[] {
  const docs = sources.map((s) => parseDocument(s.text));
  const removed = new Set(plan.remove.map((r) => r.id));
  const updates = new Map(plan.update.map((u) => [u.id, u]));
  for (const doc of docs) {
    const seq = accountsSeq(doc);
    if (!seq) continue;
    seq.items = seq.items.filter((item) => !(isMap(item) && removed.has(String(item.get('id')))));
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const u = updates.get(String(item.get('id')));
      if (u?.ou !== undefined) item.set('ou', u.ou);
      if (u?.tags !== undefined) {
        if (Object.keys(u.tags).length === 0) item.delete('tags');
        else item.set('tags', tagsNode(doc, u.tags));
      }
    }
  }
  if (plan.organizationalUnits) setOrganizationalUnits(docs, plan.organizationalUnits.entries);
  if (plan.add.length > 0) {
    const target = docs.find((d) => accountsSeq(d) !== undefined) ?? docs[0];
    let seq = accountsSeq(target);
    if (!seq) {
      seq = new YAMLSeq();
      target.set('accounts', seq);
    }
    const flowItems = seq.items.length === 0 || seq.items.some((i) => isMap(i) && i.flow);
    if (seq.items.length === 0) seq.flow = false;
    for (const a of plan.add) {
      const item = new YAMLMap();
      item.flow = flowItems;
      item.set('name', a.name);
      const id = new Scalar(a.id);
      id.type = Scalar.QUOTE_DOUBLE;
      item.set('id', id);
      item.set('ou', a.ou);
      if (Object.keys(a.tags).length > 0) item.set('tags', tagsNode(target, a.tags));
      seq.items.push(item);
    }
  }
  const out: EditedFile[] = [];
  sources.forEach((s, i) => {
    const after = keepLayout(s.text, docs[i]);
    if (after !== s.text) out.push({ file: s.file, before: s.text, after });
  });
  return out;
}

function ousMap(doc: Document): YAMLMap | undefined {
  const map = isMap(doc.contents) ? doc.get('organizationalUnits', true) : undefined;
  return isMap(map) ? map : undefined;
}

/** The section's entries, in order: kept pairs are edited in place, so their comments stay. */
function setOrganizationalUnits(docs: readonly Document[], entries: readonly OuEntry[]): void {
  const doc = docs.find((d) => ousMap(d) !== undefined);
  const map = doc && ousMap(doc);
  if (!doc || !map) return;
  const byId = new Map(map.items.map((pair) => [String(isScalar(pair.value) ? pair.value.value : pair.value), pair]));
  // `organizationalUnits: {}` filled for the first time becomes a block mapping, one OU a line.
  if (map.items.length === 0) map.flow = false;
  map.items = entries.map((e) => {
    const pair = byId.get(e.id) ?? map.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === e.path);
    if (pair && isScalar(pair.key) && isScalar(pair.value)) {
      pair.key.value = e.path;
      pair.value.value = e.id;
      return pair;
    }
    return doc.createPair(e.path, e.id);
  });
}

function accountsSeq(doc: Document): YAMLSeq | undefined {
  const seq = isMap(doc.contents) ? doc.get('accounts', true) : undefined;
  return isSeq(seq) ? seq : undefined;
}

function tagsNode(doc: Document, tags: Readonly<Record<string, string>>): YAMLMap {
  const node = new YAMLMap();
  node.flow = true;
  for (const [k, v] of Object.entries(tags)) {
    const value = new Scalar(v);
    // A YAML 1.1 reader (some editors) would take `yes` or `2024-01-01` for something else.
    if (AMBIGUOUS.test(v)) value.type = Scalar.QUOTE_DOUBLE;
    node.set(doc.createNode(k), value);
  }
  return node;
}

/** The edited document's text with every line it did not change kept from the original. */
function keepLayout(original: string, edited: Document): string {
  const orig = original.split('\n');
  // The way of stringifying that reproduces the most original lines exactly (indented lists or not).
  const styles: ToStringOptions[] = [
    { lineWidth: 0, indentSeq: true },
    { lineWidth: 0, indentSeq: false },
  ];
  const scored = styles.map((opts) => {
    const lines = parseDocument(original).toString(opts).split('\n');
    return { opts, lines, same: lines.filter((l, i) => l === orig[i]).length };
  });
  const { opts, lines: base } = scored.reduce((a, b) => (b.same > a.same ? b : a));
  const next = edited.toString(opts);
  const squash = (l: string): string => l.replace(/\s+/g, '');
  const aligned = base.length === orig.length && base.every((l, i) => squash(l) === squash(orig[i]));
  if (!aligned) return next;
  const out: string[] = [];
  let i = 0;
  for (const part of diffArrays(base, next.split('\n'))) {
    if (part.added) out.push(...part.value);
    else {
      if (!part.removed) out.push(...orig.slice(i, i + part.value.length));
      i += part.value.length;
    }
  }
  const text = out.join('\n');
  return isDeepStrictEqual(parseDocument(text).toJS(), edited.toJS()) ? text : next;
}
