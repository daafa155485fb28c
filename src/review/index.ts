export { reviewModels, isEmptyReview, hasRiskAtOrAbove } from './review-models';
export { renderReviewMarkdown, renderReviewJson, DEFAULT_MAX_CHARS, type MarkdownOptions } from './render-review';
export { mdCode, mdText } from './markdown-escape';
export { explainModel } from './explain';
export { renderExplainMarkdown, renderExplainJson, renderExplainCsv } from './render-explain';
export * from './types';
export { GIT_ENV, gitSpecForHead, isGitRevision, parseGitSpec, readGitModel, type BaseSource, type GitModel, type GitSpec } from './git-source';
export { touchedUnits, type TouchedOptions } from './private/units';
export { code, table } from './private/markdown';
