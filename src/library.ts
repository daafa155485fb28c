/**
 * Loading a model from library code: the same pipeline every command runs (load → schema →
 * validate → resolve → policy lint), with its result under names fit for a public API.
 */
import type { ResolvedModel } from './model/ir';
import type { Issue } from './model/issues';
import { loadResolved } from './pipeline';

/** A checked, resolved model. */
export interface LoadedOrgModel {
  /** The resolved model: the input of {@link IdentityCenterStacks} and every construct's props. */
  readonly model: ResolvedModel;
  /** Warnings of every stage, sorted by file and position; print them with `formatIssue`. */
  readonly warnings: readonly Issue[];
}

/**
 * Loads, checks and resolves an organization model file (and the files it includes).
 *
 * @param file path of the model (`org.yaml`); messages name it as given
 * @returns the resolved model and the warnings found
 * @throws ModelError carrying every issue (`file:line:col: message`) when the model has an error
 */
export function loadModel(file: string): LoadedOrgModel {
  const { ir, warnings } = loadResolved(file);
  return { model: ir, warnings };
}
