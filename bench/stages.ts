/**
 * What the benchmark runs: generate() as `idcgen generate` runs it (src/generate.ts; its stages
 * are timed through onStage), and the review of a change.
 */
export { generate, type GenerateStage } from '../src/generate';
export { loadResolved } from '../src/pipeline';
export { renderReviewMarkdown, reviewModels } from '../src/review';
