/**
 * What `idcgen accounts sync` does to `organizationalUnits` (OU path → OU id, which lets targets
 * name OUs by id): when the model has the section (even empty, `organizationalUnits: {}`), it is
 * made to list every OU of the organization and the root, as Organizations does. A model without
 * the section is left without it: a sync never adds a section nobody asked for.
 *
 * - An entry whose id still exists keeps its place; its path follows Organizations (an OU renamed
 *   or moved), unless the entry spells the same path another way (`Root/Workloads`).
 * - An entry whose id is gone but whose path now has another id (the OU was recreated) takes the
 *   new id; an entry with neither is removed, with a note.
 * - OUs the section lacks are appended, the root first, then by path.
 */
import { type EstateOrganization, ouString } from '../import';
import { compareKeys, normOu } from '../model';

export interface OuEntry {
  /** The key as it is (or will be) written. */
  readonly path: string;
  readonly id: string;
}

export interface OuPlan {
  /** The section after the sync, in order. */
  readonly entries: readonly OuEntry[];
  /** One line per change, for the summary. */
  readonly changes: readonly string[];
}

/** The section after the sync; undefined when the model has no `organizationalUnits`, or when AWS listed no OU tree. */
export function planOrganizationalUnits(model: readonly OuEntry[] | undefined, org: EstateOrganization, notes: string[]): OuPlan | undefined {
  if (model === undefined || org.rootId === undefined || org.organizationalUnits === undefined) return undefined;
  // Organizations' tree as the model writes paths ('Root' for the root).
  const wanted = new Map<string, string>([[org.rootId, 'Root']]);
  for (const ou of org.organizationalUnits) wanted.set(ou.id, ouString({ ouPath: ou.path }, notes));
  const idByPath = new Map([...wanted].map(([id, p]) => [normOu(p), id]));

  const entries: OuEntry[] = [];
  const changes: string[] = [];
  const placed = new Set<string>();
  for (const e of model) {
    const at = wanted.get(e.id);
    if (at !== undefined && !placed.has(e.id)) {
      const path = normOu(e.path) === normOu(at) ? e.path : at;
      if (path !== e.path) changes.push(`ou ${e.id} is now ${at} (was ${e.path})`);
      entries.push({ path, id: e.id });
      placed.add(e.id);
      continue;
    }
    const recreated = idByPath.get(normOu(e.path));
    if (recreated !== undefined && !placed.has(recreated)) {
      changes.push(`ou ${e.path} now has id ${recreated} (was ${e.id})`);
      entries.push({ path: e.path, id: recreated });
      placed.add(recreated);
      continue;
    }
    changes.push(`ou ${e.path} (${e.id}) is not in organization ${org.id}`);
    notes.push(`ou ${e.path} (${e.id}) is not in organization ${org.id}: removed from organizationalUnits`);
  }
  const missing = [...wanted]
    .filter(([id]) => !placed.has(id))
    .map(([id, path]) => ({ path, id }))
    .sort((a, b) => (a.path === 'Root' ? -1 : b.path === 'Root' ? 1 : compareKeys(a.path, b.path)));
  for (const e of missing) {
    changes.push(`ou ${e.path} (${e.id}) added`);
    entries.push(e);
  }
  return { entries, changes };
}
