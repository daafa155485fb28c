/**
 * The import plan beside a model (written by `idcgen import`) applied to generated files. Kept
 * apart from the import command so `generate` does not load the AWS SDK.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedModel } from '../model';
import { applyImportPlan } from './blocks';
import { parseImportPlan } from './plan';

/** How many unmatched keys a warning lists before it says "and N more". */
const LIST_IN_WARNING = 10;

/** `org.yaml` → `org.imports.json`, in the same directory. */
export function planPathFor(modelPath: string): string {
  const dir = path.dirname(modelPath);
  const base = path.basename(modelPath).replace(/\.ya?ml$/i, '');
  return path.join(dir, `${base}.imports.json`);
}

/**
 * For `idcgen generate`: when the model has an import plan next to it (written by `idcgen import`),
 * add its import blocks to the generated files, and warn about existing resources the model no
 * longer declares (Terraform leaves those in AWS, unmanaged).
 */
export function withImportPlan(
  modelPath: string,
  ir: ResolvedModel,
  files: ReadonlyMap<string, string>,
  stderr: { write(s: string): unknown },
): Map<string, string> {
  const planPath = planPathFor(modelPath);
  if (!fs.existsSync(planPath)) return new Map(files);
  const plan = parseImportPlan(fs.readFileSync(planPath, 'utf8'), planPath);
  const modelInstance = ir.identityCenter.instanceArn;
  if (modelInstance !== undefined && modelInstance !== plan.instanceArn) {
    throw new Error(
      `${planPath} lists resources of instance ${plan.instanceArn}, but the model's instance is ${modelInstance}; re-run idcgen import or remove ${planPath}`,
    );
  }
  const { files: out, unmatched } = applyImportPlan(files, ir, plan);
  stderr.write(`idcgen generate: ${planPath}: import blocks for ${plan.resources.length} existing resources\n`);
  for (const [kind, list] of Object.entries(unmatched)) {
    if (!list || list.length === 0) continue;
    const keys = list.map((r) => `${r.type} ${r.key}`);
    const shown = keys.slice(0, LIST_IN_WARNING).join(', ') + (keys.length > LIST_IN_WARNING ? ` and ${keys.length - LIST_IN_WARNING} more` : '');
    stderr.write(
      `idcgen generate: warning: ${list.length} existing resources in ${planPath} are not in the generated ${kind} code; they stay in aws, unmanaged: ${shown}\n`,
    );
  }
  return out;
}
