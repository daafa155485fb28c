/**
 * renderModelReview(ir): DIR/review.md, written by `generate`. What the whole model grants, in the
 * same words `idcgen explain` uses, so a reviewer reads one vocabulary everywhere.
 */
import type { ResolvedModel } from '../../model';
import { explainModel, renderExplainMarkdown } from '../../review';
import type { Allowance } from './enforce';
import { renderUnsafeSection } from './review-section';

export function renderModelReview(ir: ResolvedModel, unsafe: readonly Allowance[] = []): string {
  // Safety rails generate was allowed to break come first (src/safety/review-section.ts).
  return renderUnsafeSection(unsafe) + renderExplainMarkdown(explainModel(ir));
}
