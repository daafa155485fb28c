/**
 * `generate`'s safety rails, after the model is resolved and the files are emitted, before
 * anything is written: refused rails throw one ModelError naming each rule and `--allow-unsafe`;
 * allowed ones come back as warnings to print and as allowances for review.md.
 *
 * The lint rails were already applied by the pipeline (loadResolved with `rails`): refused ones
 * stopped it, allowed ones are among its warnings. Deletion protection is checked here.
 */
import type { FileMap } from '../emit/files';
import type { ResolvedModel } from '../model/ir';
import { ModelError, type Issue } from '../model/issues';
import type { LoadedModel } from '../model/load';
import { deletionWindowFindings, preventDestroyFindings, type DeletionFinding } from './deletion-protection';
import { allowedMessage, isRail, refusedMessage, type RailId } from './rails';

/** One rail the run was allowed to break, for review.md. */
export interface Allowance {
  readonly rule: RailId;
  /** The finding, without the rail wording. */
  readonly message: string;
}

export interface RailsResult {
  /** Warnings to print: each allowed finding, and each --allow-unsafe that allowed nothing. */
  readonly warnings: Issue[];
  /** Sorted by rule, then message. */
  readonly allowances: Allowance[];
}

export interface RailsInput {
  readonly loaded: LoadedModel;
  readonly ir: ResolvedModel;
  readonly files: FileMap;
  readonly allowUnsafe: ReadonlySet<RailId>;
  /** The pipeline's warnings: allowed lint rails are among them. */
  readonly pipelineWarnings: readonly Issue[];
}

export async function enforceRails(input: RailsInput): Promise<RailsResult> {
  const { loaded, ir, files, allowUnsafe } = input;
  const rule: RailId = 'key-deletion-protection-off';
  const deletion = [...deletionWindowFindings(ir), ...(await preventDestroyFindings(files))];
  const at = (f: DeletionFinding): Issue => {
    const keys = (loaded.data as { keys?: { name?: unknown }[] }).keys ?? [];
    const index = f.keyName === undefined ? -1 : keys.findIndex((k) => k.name === f.keyName);
    return index >= 0 ? loaded.issue(['keys', index, 'deletionWindowDays'], f.message, { rule }) : { ...loaded.issue([], f.message, { rule }), line: 0, col: 0 };
  };
  if (deletion.length > 0 && !allowUnsafe.has(rule)) {
    throw new ModelError(deletion.map((f) => { const i = at(f); return { ...i, message: refusedMessage(i.message, rule) }; }), loaded.file);
  }

  const warnings: Issue[] = deletion.map((f) => { const i = at(f); return { ...i, severity: 'warning', message: allowedMessage(i.message, rule) }; });
  const allowances: Allowance[] = deletion.map((f) => ({ rule, message: f.message }));
  for (const w of input.pipelineWarnings) {
    if (!isRail(w.rule)) continue;
    const suffix = allowedMessage('', w.rule);
    if (w.message.endsWith(suffix)) allowances.push({ rule: w.rule, message: w.message.slice(0, -suffix.length) });
  }
  for (const r of [...allowUnsafe].sort()) {
    if (allowances.some((a) => a.rule === r)) continue;
    warnings.push({ file: loaded.file, line: 0, col: 0, path: '', severity: 'warning', rule: r, message: `--allow-unsafe ${r} allows nothing: this model breaks no such safety rail; remove the option` });
  }
  allowances.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return { warnings, allowances };
}
