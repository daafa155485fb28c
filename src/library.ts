/**
 * Loading a model from library code: the same pipeline every command runs (load → schema →
 * validate → resolve → policy lint), with its result under names fit for a public API.
 */
import { type ResolvedModel, sortIssues, type Issue } from './model';
import { loadResolved } from './pipeline';
import { type RailId } from './safety';
import { enforceModelRails } from './safety/output';

/** A checked, resolved model. */
export interface LoadedOrgModel {
  /** The resolved model: the input of {@link IdentityCenterStacks} and every construct's props. */
  readonly model: ResolvedModel;
  /** Warnings of every stage, sorted by file and position; print them with `formatIssue`. */
  readonly warnings: readonly Issue[];
}

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /**
   * Safety rails the model may break (as `idcgen generate --allow-unsafe`); each allowed one is
   * returned as a warning.
   * @default none: a model that breaks a rail (no key administrator, a short deletion window) throws
   */
  readonly allowUnsafe?: readonly RailId[];
}

/**
 * Loads, checks and resolves an organization model file (and the files it includes), with the
 * safety rails `idcgen generate` applies to a model.
 *
 * @param file path of the model (`org.yaml`); messages name it as given
 * @returns the resolved model and the warnings found
 * @throws ModelError carrying every issue (`file:line:col: message`) when the model has an error
 */
export function loadModel(file: string, opts: LoadModelOptions = {}): LoadedOrgModel {
  const allowUnsafe = new Set(opts.allowUnsafe ?? []);
  const { ir, warnings, loaded } = loadResolved(file, { rails: { allowUnsafe } });
  return { model: ir, warnings: sortIssues([...warnings, ...enforceModelRails(loaded, ir, allowUnsafe)]) };
}
