/**
 * The CDKTF app behind `cdktf synth | diff | deploy` (cdktf.json runs `node dist/main.js`): one
 * stack per deployment unit of the model named by IDCGEN_MODEL, else by the cdktf context
 * `idcgenModel`, else the bundled example. The App only says what cdktf asked for (the context and
 * the output directory); generate() builds the stacks, behind the same safety rails and with the
 * same import blocks as `idcgen generate` and `idcgen synth`, and they are written where cdktf reads.
 */
import { App } from './src/emit/cdktf/cdktf';
import { generate } from './src/generate';
import { writeCdktfOutdir } from './src/write';

const DEFAULT_MODEL = 'examples/typical.yaml';

async function main(): Promise<void> {
  const app = new App({ stackTraces: false });
  const context: unknown = app.node.tryGetContext('idcgenModel');
  const file = process.env.IDCGEN_MODEL || (typeof context === 'string' && context) || DEFAULT_MODEL;
  const { files } = await generate(file, { format: 'cdktf' });
  writeCdktfOutdir(app.outdir, files);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
