/**
 * A model from YAML text, through the real pipeline (load → schema → validate → resolve → lint):
 * test fixtures are written as models, not as hand-built IR that has to be kept in step with
 * resolve.ts by hand. The text is written to a scratch file (the loader reads files) that is
 * removed at once; `source` is the name the caller gives, so no scratch path reaches output.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../src/model/ir';
import { loadResolved, type Loaded, type LoadOptions } from '../../src/pipeline';

export function loadYaml(text: string, source: string, opts: LoadOptions = {}): Loaded {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-model-'));
  try {
    const file = path.join(dir, path.basename(source));
    fs.writeFileSync(file, text);
    const loaded = loadResolved(file, opts);
    return { ...loaded, ir: { ...loaded.ir, source } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The resolved model (IR) of a YAML text; throws the model's issues when it does not load. */
export function resolveYaml(text: string, source: string, opts: LoadOptions = {}): ResolvedModel {
  return loadYaml(text, source, opts).ir;
}
