/** Validate model text with the project's own loader, schema and semantic checks. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Issue } from '../../../src/model/issues';
import { loadModel } from '../../../src/model/load';
import { parseModel, validateModel } from '../../../src/model/validate';

export function modelIssues(yamlText: string): Issue[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-import-'));
  try {
    const file = path.join(dir, 'org.yaml');
    fs.writeFileSync(file, yamlText);
    const loaded = loadModel(file);
    const model = parseModel(loaded);
    return validateModel(loaded, model).filter((i) => i.severity === 'error');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
