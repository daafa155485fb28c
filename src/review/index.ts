export { renderModelReview } from './model-review';
export { reviewModels, isEmptyReview, hasRiskAtOrAbove } from './review-models';
export { renderReviewMarkdown, renderReviewJson } from './render-review';
export { explainModel } from './explain';
export { renderExplainMarkdown, renderExplainJson, renderExplainCsv } from './render-explain';
export { isProduction } from './private/production';
export * from './types';
export { gitSpecForHead, parseGitSpec, readGitModel, type GitModel, type GitSpec } from './git-source';
