/** Validate model text with the project's own pipeline: load, schema, semantic checks and resolve. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedModel } from '../../../src/model/ir';
import { loadResolved } from '../../../src/pipeline';

/** Resolve model text as the CLI would; throws ModelError (with every issue) when it is not valid. */
export function resolveText(yamlText: string): ResolvedModel {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-import-'));
  try {
    const file = path.join(dir, 'org.yaml');
    fs.writeFileSync(file, yamlText);
    return loadResolved(file).ir;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
