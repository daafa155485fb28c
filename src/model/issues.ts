/**
 * Model issues: every problem found in a model carries the file and position it comes from.
 * The pipeline collects issues and throws one ModelError at the end of a stage.
 */
import { LIMITS } from './limits';

/** An error stops the command (exit 1); a warning is printed and the command goes on. */
export type Severity = 'error' | 'warning';

/** A problem found in a model, at its file, line and column (`formatIssue` prints it). */
export interface Issue {
  /** Path of the file as the user named it (relative when they gave a relative path). */
  readonly file: string;
  /** 1-based; 0 when the problem has no position (e.g. file not found). */
  readonly line: number;
  /** 1-based; 0 when the problem has no position. */
  readonly col: number;
  /** Path in the model, e.g. `accounts[2].id` (empty for file-level problems). */
  readonly path: string;
  /** Lowercase, no trailing period; says what is wrong, the value found and what is allowed. */
  readonly message: string;
  readonly severity: Severity;
  /** Stable rule id for lint and --allow-unsafe, e.g. `key-admin-missing`. */
  readonly rule?: string;
}

/** `file:line:col: message` (warnings say so). */
export function formatIssue(issue: Issue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.col}` : issue.file;
  return `${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

/** The one error type of the pipeline: carries issues so the CLI can print their locations. */
export class ModelError extends Error {
  constructor(
    readonly issues: readonly Issue[],
    readonly file: string,
  ) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(`${file} has ${errors.length} issue${errors.length === 1 ? '' : 's'}:\n${errors.map(formatIssue).join('\n')}`);
    this.name = 'ModelError';
  }
}

/**
 * At most LIMITS.issuesReported issues from a list of problems: a model with half a million broken
 * entries must not cost gigabytes and minutes of messages nobody reads. `issuesOf` is called for
 * problems in order until the limit is reached; the rest become one issue at the first omitted
 * problem that says how many were left out.
 */
export function reportedIssues<T>(problems: readonly T[], issuesOf: (p: T) => Issue[], max = LIMITS.issuesReported.max): Issue[] {
  const out: Issue[] = [];
  let i = 0;
  for (; i < problems.length && out.length < max; i++) for (const issue of issuesOf(problems[i])) out.push(issue);
  for (let j = i; j < problems.length; j++) {
    const first = issuesOf(problems[j])[0];
    if (first === undefined) continue;
    // Schema problems are all errors.
    out.push({ ...omittedIssue(first, problems.length - i, max), severity: 'error' });
    break;
  }
  return out;
}

/**
 * A list that keeps the first LIMITS.issuesReported issues and after them one issue at the first
 * problem left out, counting the rest. `make` is called only for issues that are kept.
 */
export function issueCollector(max = LIMITS.issuesReported.max): { readonly issues: Issue[]; add(severity: Severity, make: () => Issue): void } {
  const issues: Issue[] = [];
  let omitted = 0;
  return {
    issues,
    add: (severity, make) => {
      if (issues.length < max) return void issues.push(make());
      const last = omitted === 0 ? make() : issues[issues.length - 1];
      // Any error left out keeps the summary an error, so a model is never passed by omission.
      const summary = { ...omittedIssue(last, ++omitted, max), severity: severity === 'error' ? severity : last.severity };
      if (omitted === 1) issues.push(summary);
      else issues[issues.length - 1] = summary;
    },
  };
}

/** The issue standing for `count` problems left out, at the first of them. */
export function omittedIssue(first: Issue, count: number, max = LIMITS.issuesReported.max): Issue {
  return {
    ...first,
    rule: undefined,
    message: `${count} more problem${count === 1 ? '' : 's'} from here on are not listed (${LIMITS.issuesReported.why}: at most ${max}); fix the ones listed and run again`,
  };
}

/** Render a model path such as ['accounts', 2, 'id'] as `accounts[2].id`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? p : `.${p}`;
  }
  return out;
}

/** Sort issues by file, line, column, message: stable output whatever order checks ran in. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
