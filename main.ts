/**
 * The CDKTF app behind `cdktf synth | diff | deploy` (cdktf.json runs `node dist/main.js`): one
 * stack per deployment unit of the model named by IDCGEN_MODEL, else by the cdktf context
 * `idcgenModel`, else the bundled example. It only builds the App; the pipeline and the emitter
 * do the work.
 */
import { App } from './src/emit/cdktf/cdktf';
import { synthApp } from './src/emit/cdktf';
import { formatIssue } from './src/model/issues';
import { loadResolved } from './src/pipeline';

const DEFAULT_MODEL = 'examples/typical.yaml';

function main(): void {
  // No stack traces in metadata: they hold absolute paths, and output must not depend on the machine.
  const app = new App({ stackTraces: false });
  const context: unknown = app.node.tryGetContext('idcgenModel');
  const file = process.env.IDCGEN_MODEL || (typeof context === 'string' && context) || DEFAULT_MODEL;
  const { ir, warnings } = loadResolved(file);
  for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
  synthApp(app, ir);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
