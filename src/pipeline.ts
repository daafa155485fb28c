/**
 * The model pipeline every command runs: load → schema → validate → resolve.
 *
 * Each stage collects all of its issues; the first stage with an error throws one ModelError with
 * every issue found so far, sorted by file and position (warnings included, so they are not lost).
 * Later stages run only on a model whose earlier stages passed: resolution needs every reference
 * bound, and a mistake is reported once, by the stage that owns it.
 */
import type { ResolvedModel } from './model/ir';
import { ModelError, sortIssues, type Issue } from './model/issues';
import { loadModel, type LoadedModel } from './model/load';
import { resolveWithIssues } from './model/resolve';
import { parseModel, validateModel } from './model/validate';

export interface Loaded {
  readonly ir: ResolvedModel;
  /** Warnings of every stage, sorted. */
  readonly warnings: Issue[];
  readonly loaded: LoadedModel;
}

/** Load, check and resolve one model file; throws ModelError listing every issue when any is an error. */
export function loadResolved(file: string): Loaded {
  const loaded = loadModel(file);
  const model = parseModel(loaded);
  const issues = validateModel(loaded, model);
  throwOnErrors(loaded, issues);
  const resolved = resolveWithIssues(loaded, model);
  const all = sortIssues([...issues, ...resolved.issues]);
  throwOnErrors(loaded, all);
  return { ir: resolved.ir, warnings: all.filter((i) => i.severity === 'warning'), loaded };
}

function throwOnErrors(loaded: LoadedModel, issues: readonly Issue[]): void {
  if (issues.some((i) => i.severity === 'error')) throw new ModelError(issues, loaded.file);
}
