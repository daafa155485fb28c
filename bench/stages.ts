/**
 * The pipeline split into the stages the benchmark times separately. The same functions the CLI
 * runs (src/pipeline.ts), called one stage at a time.
 */
import type { ResolvedModel } from '../src/model/ir';
import { ModelError } from '../src/model/issues';
import { loadModel, type LoadedModel } from '../src/model/load';
import { resolveWithIssues } from '../src/model/resolve';
import type { OrgModel } from '../src/model/schema';
import { parseModel, validateModel } from '../src/model/validate';

export { synthCdktf as emitCdktf } from '../src/emit/cdktf';
export { emitHcl } from '../src/emit/hcl';

export interface Parsed {
  readonly loaded: LoadedModel;
  readonly model: OrgModel;
}

/** Load, schema-check and validate; throws like the CLI does. */
export function parseAndValidate(file: string): Parsed {
  const loaded = loadModel(file);
  const model = parseModel(loaded);
  const issues = validateModel(loaded, model);
  if (issues.some((i) => i.severity === 'error')) throw new ModelError(issues, file);
  return { loaded, model };
}

export function resolveOnly({ loaded, model }: Parsed): ResolvedModel {
  const { ir, issues } = resolveWithIssues(loaded, model);
  if (issues.some((i) => i.severity === 'error')) throw new ModelError(issues, loaded.file);
  return ir;
}
