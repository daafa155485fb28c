/**
 * What every emitter returns: output-relative path → file content. Only the writer
 * (src/write/) touches the file system, so a failed run leaves nothing half-written.
 */
export type FileMap = Map<string, string>;

/** Merge file maps; two emitters writing one path is a bug, never silently resolved. */
export function mergeFileMaps(...maps: ReadonlyMap<string, string>[]): FileMap {
  const out: FileMap = new Map();
  for (const m of maps) {
    for (const [p, content] of m) {
      if (out.has(p)) throw new Error(`two emitters write ${p}`);
      out.set(p, content);
    }
  }
  return out;
}

/** The directories holding one deployment unit's files: its HCL root and its CDKTF stack. */
const UNIT_DIRS = ['hcl/', 'cdktf/stacks/'] as const;

/**
 * The deployment unit an output path belongs to (`hcl/<unit>/…`, `cdktf/stacks/<unit>/…`), or
 * undefined for a file of the whole output (modules, apply order, manifest, review.md). A unit is
 * never named `modules` (the HCL emitter refuses it), so `hcl/modules/…` is never a unit's.
 */
export function unitOfPath(rel: string): string | undefined {
  for (const dir of UNIT_DIRS) {
    if (!rel.startsWith(dir)) continue;
    const rest = rel.slice(dir.length).split('/');
    if (rest.length >= 2 && rest[0] !== 'modules') return rest[0];
  }
  return undefined;
}

/**
 * Files kept from the previous output instead of generated again (generate --changed-since), by
 * unit name: each unit's files under both of its directories. An emitter given them writes a kept
 * unit's files as they are, in the place the unit's generated files would take.
 */
export type KeptUnits = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** A kept unit's files under one directory (`hcl/<unit>/`, `cdktf/stacks/<unit>/`), sorted by path. */
export function keptFiles(kept: ReadonlyMap<string, string>, dir: string): [string, string][] {
  return [...kept].filter(([rel]) => rel.startsWith(dir)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
