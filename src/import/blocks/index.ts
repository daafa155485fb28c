/**
 * Import blocks for generated output: given the files the emitters produced and the import plan
 * written by `idcgen import`, add `imports.tf` to each HCL root and an `import` list to each CDKTF
 * stack, so the first plan adopts existing resources instead of creating them again.
 */
import type { ResolvedModel } from '../../model';
import type { ImportPlan, ImportResource } from '../plan';
import { cdktfImportBlocks } from './cdktf';
import { hclImportBlocks } from './hcl';

export { cdktfImportBlocks } from './cdktf';
export { hclImportBlocks, hclString, type ImportBlocksResult } from './hcl';

export interface AppliedImports {
  /** The output with import blocks added (files the emitters wrote are otherwise unchanged). */
  readonly files: Map<string, string>;
  /**
   * Plan entries the generated code does not declare, per output kind present: they stay in AWS,
   * unmanaged (the model no longer has them), and are reported so nobody assumes otherwise.
   */
  readonly unmatched: { readonly hcl?: readonly ImportResource[]; readonly cdktf?: readonly ImportResource[] };
}

export function applyImportPlan(files: ReadonlyMap<string, string>, ir: ResolvedModel, plan: ImportPlan): AppliedImports {
  const out = new Map(files);
  const paths = [...files.keys()];
  const unmatched: { hcl?: ImportResource[]; cdktf?: ImportResource[] } = {};
  if (paths.some((p) => p.startsWith('hcl/'))) {
    const r = hclImportBlocks(ir, plan);
    for (const [p, c] of r.files) {
      if (files.has(p)) throw new Error(`the hcl emitter already writes ${p}; import blocks need their own file`);
      out.set(p, c);
    }
    unmatched.hcl = r.unmatched;
  }
  if (paths.some((p) => p.startsWith('cdktf/'))) {
    const r = cdktfImportBlocks(files, ir, plan);
    for (const [p, c] of r.files) out.set(p, c);
    unmatched.cdktf = r.unmatched;
  }
  return { files: out, unmatched };
}
