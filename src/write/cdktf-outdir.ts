/**
 * The CDKTF stacks of generated output written where cdktf reads them (`CDKTF_OUTDIR`), for
 * `idcgen synth` and main.ts: `cdktf/manifest.json` → `<outdir>/manifest.json`, and so on. Only
 * those files are replaced, each atomically: cdktf's output directory also holds Terraform's working
 * files and local state, which must survive.
 */
import * as path from 'node:path';
import { writeFilesAtomically } from './write-file';

const PREFIX = 'cdktf/';

export function writeCdktfOutdir(outdir: string, files: ReadonlyMap<string, string>): void {
  const stacks = [...files]
    .filter(([rel]) => rel.startsWith(PREFIX))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rel, content]) => ({ file: path.join(outdir, rel.slice(PREFIX.length)), content }));
  writeFilesAtomically(stacks);
}
