/**
 * Scenario 2's change to a model, made to the YAML document (comments and layout kept), the way a
 * user edits the file: add an assignment, narrow another so one triple is revoked, change a session
 * duration, add a replica Region.
 */
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';

export interface ModelChange {
  /** The assignment to add (a user, so user look-ups are exercised too). */
  readonly add: { user: string; permissionSet: string; accounts: string[] };
  /** The assignment of this group and permission set keeps only these accounts. */
  readonly narrow: { group: string; permissionSet: string; accounts: string[] };
  readonly sessionDuration: { permissionSet: string; value: string };
  readonly replicaRegion: { key: string; region: string };
}

export function changeModel(text: string, change: ModelChange): string {
  const doc = parseDocument(text);
  const items = (path: string): YAMLMap[] => {
    const seq = doc.get(path, true);
    if (!isSeq(seq)) throw new Error(`model has no ${path} list`);
    return seq.items.filter(isMap);
  };
  const find = (path: string, match: Record<string, string>): YAMLMap => {
    const found = items(path).filter((m) => Object.entries(match).every(([k, v]) => m.get(k) === v));
    if (found.length !== 1) throw new Error(`expected one ${path} entry with ${JSON.stringify(match)}, found ${found.length}`);
    return found[0];
  };

  const add = doc.createNode(change.add, { flow: true });
  (doc.get('assignments', true) as { items: unknown[] }).items.push(add);

  const narrowed = find('assignments', { group: change.narrow.group, permissionSet: change.narrow.permissionSet });
  for (const selector of ['accounts', 'ous', 'tags', 'exclude']) narrowed.delete(selector);
  narrowed.set('accounts', doc.createNode(change.narrow.accounts, { flow: true }));

  find('permissionSets', { name: change.sessionDuration.permissionSet }).set('sessionDuration', change.sessionDuration.value);

  const key = find('keys', { name: change.replicaRegion.key });
  const regions = key.get('replicaRegions', true);
  if (isSeq(regions)) regions.items.push(doc.createNode(change.replicaRegion.region));
  else key.set('replicaRegions', doc.createNode([change.replicaRegion.region], { flow: true }));
  return doc.toString();
}
