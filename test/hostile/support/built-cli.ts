/**
 * The built CLI (`node dist/src/cli/index.js`), for tests that must run idcgen as its own process
 * (signals). CI builds dist/ through `npm ci` (the prepare script); a dist/ older than any source
 * (a developer's tree) is not trusted: the sources are compiled into a private directory beside
 * it instead (`.idcgen-tmp-dist-<pid>`, git-ignored, removed by `cleanup`), at the same depth, so
 * the CLI finds templates/ and modules/ the same way.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export interface BuiltCli {
  /** Absolute path of the CLI entry to run with `node`. */
  readonly entry: string;
  /** Absolute path of the compiled bench/synthetic.js next to it. */
  readonly synthetic: string;
  /** Remove the private build, if one was made. */
  cleanup(): void;
}

export function builtCli(): BuiltCli {
  const dist = path.join(ROOT, 'dist');
  if (isFresh(dist)) return { entry: path.join(dist, 'src/cli/index.js'), synthetic: path.join(dist, 'bench/synthetic.js'), cleanup: () => undefined };
  const outDir = path.join(ROOT, `.idcgen-tmp-dist-${process.pid}`);
  // Type errors elsewhere in a working tree do not stop tsc from emitting; the entry must exist.
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', outDir], { stdio: 'pipe' });
  const entry = path.join(outDir, 'src/cli/index.js');
  if (!fs.existsSync(entry)) throw new Error(`tsc did not produce ${entry}`);
  return { entry, synthetic: path.join(outDir, 'bench/synthetic.js'), cleanup: () => fs.rmSync(outDir, { recursive: true, force: true }) };
}

/** Every src/ and bench/ source has a compiled file at least as new. */
function isFresh(dist: string): boolean {
  for (const dir of ['src', 'bench']) {
    for (const ts of walk(path.join(ROOT, dir))) {
      const js = path.join(dist, path.relative(ROOT, ts)).replace(/\.ts$/, '.js');
      if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(ts).mtimeMs) return false;
    }
  }
  return true;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}
