/**
 * Synthesize through the cdktf library, not the CLI (ten times faster, no Terraform needed), into a
 * temporary directory that is read back and removed: the caller gets files, and only the writer
 * puts them anywhere.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../model';
import { keptFiles, type FileMap, type KeptUnits } from '../files';
import { buildStacks, type BuildOptions } from './build';
import { App } from './cdktf';
import { withoutCreationStacks } from './private/creation-stacks';

/**
 * Builds one stack per deployment unit into `app` and synthesizes it into the app's outdir. The
 * one way to synthesize (the CLI through synthCdktf, `cdktf synth` through main.ts), so both run
 * without cdktf's creation stack traces (private/creation-stacks.ts).
 */
export function synthApp(app: App, ir: ResolvedModel, opts: BuildOptions = {}): void {
  withoutCreationStacks(() => {
    buildStacks(app, ir, opts);
    app.synth();
  });
}

export interface SynthOptions extends Pick<BuildOptions, 'onStack'> {
  /** Units whose stacks are not built: their files are these, from the previous output. */
  readonly keep?: KeptUnits;
}

/** `cdktf/manifest.json` and `cdktf/stacks/<unit>/cdk.tf.json`, one per deployment unit. */
export function synthCdktf(ir: ResolvedModel, opts: SynthOptions = {}): FileMap {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cdktf-'));
  try {
    // No stack traces in metadata: they hold absolute paths of this machine.
    const skip = new Set(opts.keep?.keys());
    synthApp(new App({ outdir, stackTraces: false }), ir, { onStack: opts.onStack, skip });
    const files: FileMap = new Map();
    files.set('cdktf/manifest.json', fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    for (const unit of ir.units) {
      const kept = opts.keep?.get(unit.name);
      if (kept) {
        for (const [rel, content] of keptFiles(kept, `cdktf/stacks/${unit.name}/`)) files.set(rel, content);
        continue;
      }
      const rel = `stacks/${unit.name}/cdk.tf.json`;
      files.set(`cdktf/${rel}`, fs.readFileSync(path.join(outdir, rel), 'utf8'));
    }
    return files;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
