/**
 * `generate --changed-since <base>`: generate only the deployment units whose content differs
 * between the base and the head model, and keep every other unit's files from --out as they are.
 * The result is byte for byte what a full generate of the head writes (tests compare the two).
 *
 * Which units differ is the review's answer (touchedUnits): the same rule that tells CI which
 * units to plan. Kept files are trusted only when --out holds a generate of the base by this
 * idcgen: its marker's generatedFrom must equal what the base gives (same idcgen, --format, source
 * name, model text, no import plan). Otherwise, and when a kept file is missing or not a regular
 * file, every unit is generated, with the reason on stderr: a slower run, never a different output.
 * Removed units are left out as a full generate leaves them out; the writer and the safety rails
 * (state-orphan, key-removed) see the same files and the same --out as in a full generate.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unitOfPath, type KeptUnits } from '../emit';
import { formatIssue, ModelError, type ResolvedModel } from '../model';
import { type TouchedUnit, touchedUnits } from '../review';
import type { PreviousOutput } from '../write';
import { generatedFromDifference, type GeneratedFrom } from './generated-from';
import { keptFileDifferingFromGit } from './git-kept';

export interface IncrementalInput {
  /** The base model, the digest of its files (src/pipeline-base.ts) and its git revision when it came from git. */
  readonly base: { readonly ir: ResolvedModel; readonly digest: string; readonly gitRef?: string };
  readonly head: ResolvedModel;
  /** What this run records for the head (its marker's generatedFrom). */
  readonly headFrom: GeneratedFrom;
  readonly out: string;
  /** What --out holds now (inspectOutput). */
  readonly previous: PreviousOutput;
}

export type IncrementalPlan =
  | { readonly kind: 'full'; readonly reason: string }
  | {
      readonly kind: 'units';
      /** Units generated again: added or changed. */
      readonly touched: readonly TouchedUnit[];
      /** Every other unit of the head, with its files read from --out. */
      readonly keep: KeptUnits;
    };

export function planIncremental(input: IncrementalInput): IncrementalPlan {
  const { base, head, headFrom, out, previous } = input;
  if (headFrom.importPlan !== null) return full('an import plan beside the model adds import blocks across units');
  if (previous.kind !== 'manifest') return full(`${out} holds no output of an earlier generate that recorded its files`);
  const differs = generatedFromDifference((previous.facts as { generatedFrom?: unknown } | null)?.generatedFrom, { ...headFrom, model: base.digest });
  if (differs !== undefined) return full(`${out} was not generated from ${base.ir.source}: ${differs}`);

  // With explanations: a kept unit's comments (why an account is assigned) must match the head's.
  const touched = touchedUnits(base.ir, head, { explanations: true });
  const generated = new Set(touched.map((u) => u.name));
  const kept = new Map(head.units.filter((u) => !generated.has(u.name)).map((u) => [u.name, new Map<string, string>()]));
  for (const rel of [...previous.files].sort()) {
    const files = kept.get(unitOfPath(rel) ?? '');
    if (!files) continue;
    const file = path.join(out, ...rel.split('/'));
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return full(`${path.join(out, rel)}, listed in its marker, is ${stat ? 'not a regular file' : 'missing'}`);
    files.set(rel, fs.readFileSync(file, 'utf8'));
  }
  for (const [unit, files] of kept) if (files.size === 0) return full(`${out} holds no files of unit ${unit}`);
  if (base.gitRef !== undefined) {
    const all = new Map([...kept.values()].flatMap((files) => [...files]));
    const edited = keptFileDifferingFromGit(base.gitRef, out, all, process.cwd());
    if (edited !== undefined) return full(`${path.join(out, edited)} differs from its copy in ${base.gitRef}`);
  }
  return { kind: 'units', touched: touched.filter((u) => u.change !== 'removed'), keep: kept };
}

function full(reason: string): IncrementalPlan {
  return { kind: 'full', reason };
}

/** One line for stderr: what was generated and what was kept, or why every unit was generated. */
export function describePlan(plan: IncrementalPlan, base: string, units: number): string {
  if (plan.kind === 'full') return `--changed-since ${base}: every unit generated: ${plan.reason}`;
  const kept = plan.keep.size;
  return `--changed-since ${base}: ${units - kept} of ${units} units generated (added or changed since ${base}), ${kept} kept as they are`;
}

/**
 * The plan for a base that may not load: a base with errors (or a path the revision lacks) was
 * never generated, so every unit is generated, with its first issue as the reason.
 */
export async function planAgainst(base: Promise<IncrementalInput['base']>, rest: Omit<IncrementalInput, 'base'>): Promise<IncrementalPlan> {
  let loaded: IncrementalInput['base'];
  try {
    loaded = await base;
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    const first = e.issues.find((i) => i.severity === 'error') ?? e.issues[0];
    return full(`the base does not load (${first ? formatIssue(first) : e.message})`);
  }
  return planIncremental({ ...rest, base: loaded });
}

/** The units to keep from --out (undefined: generate every unit), with the plan's line on stderr. */
export async function unitsToKeep(
  base: Promise<IncrementalInput['base']>,
  rest: Omit<IncrementalInput, 'base'>,
  arg: string,
  stderr: { write(s: string): unknown },
): Promise<KeptUnits | undefined> {
  const plan = await planAgainst(base, rest);
  stderr.write(`idcgen generate: ${describePlan(plan, arg, rest.head.units.length)}\n`);
  return plan.kind === 'units' ? plan.keep : undefined;
}
