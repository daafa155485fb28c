/**
 * Containment of included model files, judged on real paths.
 *
 * Comparing the written path (`include: accounts.yaml`) with the model's directory is not enough:
 * a symbolic link inside the directory can point anywhere (`accounts.yaml -> /etc/...`,
 * `shared -> ../..`, `zero.yaml -> /dev/zero`). Resolving both sides with realpath first makes the
 * check about the file that will actually be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The real path of `file` when it lies outside `dir` (after following links); undefined when inside. */
export function realPathOutside(dir: string, file: string): string | undefined {
  const realDir = fs.realpathSync(dir);
  const real = fs.realpathSync(file);
  const rel = path.relative(realDir, real);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? real : undefined;
}

/** One identity per file however it is reached (links, `./`, `a/../`): for "included twice" checks. */
export function fileIdentity(file: string): string {
  return fs.realpathSync(file);
}
