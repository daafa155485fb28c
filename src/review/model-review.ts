/**
 * renderModelReview(ir): DIR/review.md, written by `generate`. What the whole model grants, in the
 * same words `idcgen explain` uses, so a reviewer reads one vocabulary everywhere.
 */
import type { ResolvedModel } from '../model/ir';
import { explainModel } from './explain';
import { renderExplainMarkdown } from './render-explain';

export function renderModelReview(ir: ResolvedModel): string {
  return renderExplainMarkdown(explainModel(ir));
}
