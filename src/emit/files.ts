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
