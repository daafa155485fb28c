/**
 * `generate`'s safety rails, after the model is resolved and the files are emitted, before
 * anything is written: refused rails throw one ModelError naming each rule and `--allow-unsafe`;
 * allowed ones come back as warnings to print and as allowances for review.md.
 *
 * The lint rails were already applied by the pipeline (loadResolved with `rails`): refused ones
 * stopped it, allowed ones are among its warnings. Checked here: deletion protection (model and
 * generated files), and against the previous output in --out, keys it generated that are gone
 * (key-removed) and units with Terraform state that are gone (unit-state-orphaned).
 */
import * as path from 'node:path';
import type { FileMap } from '../../emit';
import { type ResolvedModel, ModelError, type Issue, type LoadedModel } from '../../model';
import { type OutputInspection, orphanedStateMessage, orphanedStates } from '../../write';
import { deletionWindowFindings, preventDestroyFindings, type DeletionFinding } from './deletion-protection';
import { removedKeyMessage, removedKeys } from './key-removal';
import { allowedMessage, isRail, refusedMessage, type RailId } from '../rails';

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
  /** What --out holds now; absent when nothing is compared with a previous output. */
  readonly output?: OutputInspection;
}

/** A finding of a rail checked here, positioned, without the rail wording. */
interface RailFinding {
  readonly rule: RailId;
  readonly issue: Issue;
}

export async function enforceRails(input: RailsInput): Promise<RailsResult> {
  const { loaded, allowUnsafe } = input;
  const findings = [...(await deletionProtection(input)), ...keyRemoval(input), ...stateOrphans(input)];
  const refused = findings.filter((f) => !allowUnsafe.has(f.rule));
  if (refused.length > 0) {
    throw new ModelError(
      refused.map((f) => ({ ...f.issue, message: refusedMessage(f.issue.message, f.rule) })),
      loaded.file,
    );
  }

  const warnings: Issue[] = findings.map((f) => ({ ...f.issue, severity: 'warning', message: allowedMessage(f.issue.message, f.rule) }));
  const allowances: Allowance[] = findings.map((f) => ({ rule: f.rule, message: f.issue.message }));
  for (const w of input.pipelineWarnings) {
    if (!isRail(w.rule)) continue;
    const suffix = allowedMessage('', w.rule);
    if (w.message.endsWith(suffix)) allowances.push({ rule: w.rule, message: w.message.slice(0, -suffix.length) });
  }
  for (const r of [...allowUnsafe].sort()) {
    if (allowances.some((a) => a.rule === r)) continue;
    warnings.push({
      file: loaded.file,
      line: 0,
      col: 0,
      path: '',
      severity: 'warning',
      rule: r,
      message: `--allow-unsafe ${r} allows nothing: this model breaks no such safety rail; remove the option`,
    });
  }
  allowances.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return { warnings, allowances };
}

async function deletionProtection({ loaded, ir, files }: RailsInput): Promise<RailFinding[]> {
  const at = deletionIssue(loaded);
  return [...deletionWindowFindings(ir), ...(await preventDestroyFindings(files))].map((f) => ({ rule: DELETION_RULE, issue: at(f) }));
}

const DELETION_RULE: RailId = 'key-deletion-protection-off';

/** A deletion-protection finding positioned at its key's deletionWindowDays (else without a position). */
function deletionIssue(loaded: LoadedModel): (f: DeletionFinding) => Issue {
  const keys = (loaded.data as { keys?: { name?: unknown }[] }).keys ?? [];
  return (f) => {
    const index = f.keyName === undefined ? -1 : keys.findIndex((k) => k.name === f.keyName);
    const rule = DELETION_RULE;
    return index >= 0
      ? loaded.issue(['keys', index, 'deletionWindowDays'], f.message, { rule })
      : { ...loaded.issue([], f.message, { rule }), line: 0, col: 0 };
  };
}

/**
 * The rails a model alone can break (no generated files, no previous output), for library use
 * (loadModel): refused ones throw as enforceRails does; allowed ones come back as warnings.
 */
export function enforceModelRails(loaded: LoadedModel, ir: ResolvedModel, allowUnsafe: ReadonlySet<RailId>): Issue[] {
  const at = deletionIssue(loaded);
  const findings = deletionWindowFindings(ir).map((f) => at(f));
  if (findings.length > 0 && !allowUnsafe.has(DELETION_RULE)) {
    throw new ModelError(
      findings.map((i) => ({ ...i, message: refusedMessage(i.message, DELETION_RULE) })),
      loaded.file,
    );
  }
  return findings.map((i) => ({ ...i, severity: 'warning', message: allowedMessage(i.message, DELETION_RULE) }));
}

/** Positioned at the key's replicaRegions for a replica, else at the keys section. */
function keyRemoval({ loaded, ir, output }: RailsInput): RailFinding[] {
  if (!output) return [];
  const rule: RailId = 'key-removed';
  const keys = (loaded.data as { keys?: { name?: unknown }[] }).keys ?? [];
  return removedKeys(output.previous, ir).map((r) => {
    const index = keys.findIndex((k) => k.name === r.key);
    const at = index >= 0 ? ['keys', index, 'replicaRegions'] : ['keys'];
    return { rule, issue: loaded.issue(at, removedKeyMessage(r), { rule, key: index < 0 }) };
  });
}

/** Named by the unit directory (no model position: the model no longer mentions it). */
function stateOrphans({ output, files }: RailsInput): RailFinding[] {
  if (!output) return [];
  const rule: RailId = 'unit-state-orphaned';
  return orphanedStates(output, files).map((o) => ({
    rule,
    issue: { file: path.join(output.outDir, o.dir), line: 0, col: 0, path: '', severity: 'error', rule, message: orphanedStateMessage(o) } satisfies Issue,
  }));
}
