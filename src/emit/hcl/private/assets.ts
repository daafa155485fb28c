/**
 * Files idcgen ships next to its code: the Handlebars templates and the Terraform modules copied
 * into every output. Read-only, cached, located from this file whether it runs from src/ (ts-jest,
 * ts-node) or dist/src/ (the built CLI).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareKeys } from '../../../model';

let root: string | undefined;

/** The package directory: the nearest ancestor holding both templates/ and modules/. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'templates')) && fs.existsSync(path.join(dir, 'modules'))) {
      root = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`templates/ and modules/ not found above ${__dirname}`);
  }
}

/** Files under `dir` (relative, `/`-separated, sorted), skipping dot entries such as `.terraform`. */
export function listFiles(dir: string, keep: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && keep(child)) out.push(child);
    }
  };
  walk('');
  return out.sort(compareKeys);
}

let modules: ReadonlyMap<string, string> | undefined;

/**
 * Every module file keyed `<module>/<path>`: Terraform sources and READMEs only, so local state,
 * lock files or editor files in a working copy never reach the output.
 */
export function moduleFiles(): ReadonlyMap<string, string> {
  if (modules) return modules;
  const dir = path.join(packageRoot(), 'modules');
  const files = listFiles(dir, (rel) => /\.(tf|md)$/.test(rel) && !rel.endsWith('.tftest.hcl'));
  modules = new Map(files.map((rel) => [rel, fs.readFileSync(path.join(dir, rel), 'utf8')]));
  return modules;
}
