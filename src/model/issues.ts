/**
 * Model issues: every problem found in a model carries the file and position it comes from.
 * The pipeline collects issues and throws one ModelError at the end of a stage.
 */

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
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
