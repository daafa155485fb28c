/** Import a fixture's estate, then generate from the imported model with the import plan applied. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { synthCdktf } from '../../../src/emit/cdktf';
import { mergeFileMaps } from '../../../src/emit/files';
import { emitHcl } from '../../../src/emit/hcl';
import { applyImportPlan, type AppliedImports } from '../../../src/import/blocks';
import { runImport, type ImportOutput } from '../../../src/import/run';
import type { ResolvedModel } from '../../../src/model/ir';
import type { OrgModel } from '../../../src/model/schema';
import { estateFromModel } from './estates';
import { fakeAws } from './fake-aws';
import { resolveText } from './validate';

export const OPTS = { region: 'eu-west-1', modelFile: 'org.yaml', planFile: 'org.imports.json' };

export function fixtureModel(name: string): OrgModel {
  return parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8')) as OrgModel;
}

export async function importModel(model: OrgModel): Promise<ImportOutput> {
  const aws = fakeAws(estateFromModel(model));
  try {
    return await runImport(OPTS, { clients: aws.clients, sleep: async () => {} });
  } finally {
    aws.restore();
  }
}

/** Generate HCL and CDKTF from `yamlText` and add the plan's import blocks. */
export function generateWithImports(yamlText: string, plan: ImportOutput['plan']): { ir: ResolvedModel; applied: AppliedImports; before: Map<string, string> } {
  const ir = resolveText(yamlText);
  const before = mergeFileMaps(emitHcl(ir), synthCdktf(ir));
  return { ir, applied: applyImportPlan(before, ir, plan), before };
}
