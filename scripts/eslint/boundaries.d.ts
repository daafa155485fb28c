/** Types of boundaries.js for the tests that prove the rule (test/architecture/). */
import type { ESLint } from 'eslint';

/** Folders from bottom to top; '' is src/*.ts. */
export const LAYERS: readonly string[];
/** Absolute path of src/. */
export const SRC: string;
/** What is wrong with one relative import of `fromFile` (absolute path): messages, empty when nothing. */
export function importProblems(fromFile: string, spec: string): string[];
export function resolveImport(fromFile: string, spec: string): { file: string; isIndex: boolean } | undefined;
export function topFolder(srcRelative: string): string;
export const plugin: ESLint.Plugin;
