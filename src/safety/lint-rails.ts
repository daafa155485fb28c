/**
 * Lint findings that are safety rails, as `generate` reports them: refused (an error that names
 * the rule and `--allow-unsafe`), or allowed (a warning that says it was allowed). Other commands
 * (validate, lint, review) report lint findings unchanged.
 */
import type { Issue } from '../model';
import { allowedMessage, isRail, refusedMessage, type RailId } from './rails';

export interface RailOptions {
  /** Rules named with --allow-unsafe. */
  readonly allowUnsafe: ReadonlySet<RailId>;
}

export function applyRail(issue: Issue, rails: RailOptions): Issue {
  if (issue.severity !== 'error' || !isRail(issue.rule)) return issue;
  if (rails.allowUnsafe.has(issue.rule)) return { ...issue, severity: 'warning', message: allowedMessage(issue.message, issue.rule) };
  return { ...issue, message: refusedMessage(issue.message, issue.rule) };
}
