/**
 * What an output was generated from, recorded in its marker (`facts.generatedFrom`) by every
 * `generate`, so `generate --changed-since <base>` can tell whether the files it keeps from --out
 * are the files a full generate of the base writes: the same idcgen, the same --format, the same
 * source name (every generated file quotes it), the same model text, and the same import plan.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planPathFor } from '../import';
import { modelDigest } from '../model';

export interface GeneratedFrom {
  /** idcgen's version (package.json): another idcgen may write other bytes. */
  readonly idcgen: string;
  /** generate's --format. */
  readonly format: string;
  /** The model's name as generated files quote it (`ResolvedModel.source`). */
  readonly source: string;
  /** sha256 of the model and its included files (paths relative to the model's directory, and content). */
  readonly model: string;
  /** sha256 of the import plan beside the model (`<model>.imports.json`), null without one. */
  readonly importPlan: string | null;
}

/** The fields in the order a difference is reported. */
const FIELDS = ['idcgen', 'format', 'source', 'model', 'importPlan'] as const;

let version: string | undefined;

/** idcgen's own version, from the package.json above this module (src/ or dist/src/). */
export function idcgenVersion(): string {
  if (version !== undefined) return version;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'idcgen') return (version = pkg.version ?? '0.0.0');
    }
    if (path.dirname(dir) === dir) return (version = '0.0.0');
  }
}

/** sha256 of a file, or null when there is none. */
export function fileDigest(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  return `sha256:${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
}

/** The first field in which a recorded generatedFrom differs from `expected`, or undefined when equal. */
export function generatedFromDifference(recorded: unknown, expected: GeneratedFrom): string | undefined {
  if (recorded === null || typeof recorded !== 'object') return 'no generatedFrom recorded';
  const r = recorded as Record<string, unknown>;
  for (const k of FIELDS) {
    if (r[k] !== expected[k]) return `${k} is ${JSON.stringify(r[k] ?? null)}, the base gives ${JSON.stringify(expected[k])}`;
  }
  return undefined;
}

/** What a generate of `modelFile` (loaded as `files`, named `source` in its output) records. */
export function generatedFrom(modelFile: string, files: readonly string[], source: string, format: string): GeneratedFrom {
  return { idcgen: idcgenVersion(), format, source, model: modelDigest(files), importPlan: fileDigest(planPathFor(modelFile)) };
}
