/**
 * Synthesize through the cdktf library, not the CLI (ten times faster, no Terraform needed), into a
 * temporary directory that is read back and removed: the caller gets files, and only the writer
 * puts them anywhere.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../model';
import type { FileMap } from '../files';
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

/** `cdktf/manifest.json` and `cdktf/stacks/<unit>/cdk.tf.json`, one per deployment unit. */
export function synthCdktf(ir: ResolvedModel, opts: Pick<BuildOptions, 'onStack'> = {}): FileMap {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-cdktf-'));
  try {
    // No stack traces in metadata: they hold absolute paths of this machine.
    synthApp(new App({ outdir, stackTraces: false }), ir, opts);
    const files: FileMap = new Map();
    files.set('cdktf/manifest.json', fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    for (const unit of ir.units) {
      const rel = `stacks/${unit.name}/cdk.tf.json`;
      files.set(`cdktf/${rel}`, fs.readFileSync(path.join(outdir, rel), 'utf8'));
    }
    return files;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
