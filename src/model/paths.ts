/**
 * Slash-separated paths as models write them: OU paths (`/Root/Workloads/Prod/`) and the S3 state
 * key prefix (`/idcgen/`). Leading and trailing slashes carry no meaning in either.
 */

/** `a/b` for `/a/b/`. */
export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** True when a written path has no segments or an empty one (`Workloads//Prod`, `/`, `a/ /b`). */
export function hasEmptySegment(path: string): boolean {
  const trimmed = trimSlashes(path);
  return trimmed === '' || trimmed.split('/').some((seg) => seg.trim() === '');
}
