/**
 * The stages the benchmark times separately: the pipeline's own two stages (src/pipeline.ts) and
 * the two emitters, the same functions `idcgen generate` runs.
 */
export { synthCdktf as emitCdktf } from '../src/emit/cdktf';
export { emitHcl } from '../src/emit/hcl';
export { loadChecked, loadResolved, resolveChecked } from '../src/pipeline';
export { renderReviewMarkdown, reviewModels } from '../src/review';
