/**
 * The model pipeline every command runs: load → schema → validate → resolve.
 *
 * Each stage collects all of its issues; the first stage with an error throws one ModelError with
 * every issue found so far, sorted by file and position (warnings included, so they are not lost).
 * Later stages run only on a model whose earlier stages passed: resolution needs every reference
 * bound, and a mistake is reported once, by the stage that owns it. The last stage is the policy
 * lint over the IR (src/policy/lint.ts), the Well-Architected identity checks
 * (src/policy/well-architected.ts) and the Identity Center checks
 * (src/policy/identity-center-lint.ts); their findings are positioned at the entry they are about,
 * and the rules the model turns off (`lint: { disable: [...] }`, warnings only) are dropped. Lint only
 * reports: the IR, and so every generated file, is the same whatever it finds or the model disables.
 */
import { type ResolvedModel, ModelError, sortIssues, type Issue, loadModel, type LoadedModel, type OrgModel, parseModel, validateModel } from './model';
import { resolveWithIssues } from './resolve';
import {
  findingPath,
  lintIdentityCenter,
  type IdentityCenterFinding,
  lintModel,
  type LintFinding,
  lintWellArchitected,
  type WellArchitectedFinding,
} from './policy';
import { applyRail, type RailOptions } from './safety';

export interface Loaded {
  readonly ir: ResolvedModel;
  /** Warnings of every stage, sorted. */
  readonly warnings: Issue[];
  readonly loaded: LoadedModel;
}

export interface LoadOptions {
  /** generate only: lint findings that are safety rails refuse or, when allowed, warn (src/safety) */
  readonly rails?: RailOptions;
  /**
   * review only: lint errors become warnings, so a change that breaks a lint rule (a key without
   * administrators) is still loaded and reported by the review's risk flags instead of refused.
   */
  readonly lintAsWarnings?: boolean;
  /**
   * review's base only: lint is skipped. The base's warnings are never shown and, with
   * lintAsWarnings, lint cannot refuse it, so linting it was a second of work for nothing at
   * enterprise size.
   */
  readonly skipLint?: boolean;
}

/** Load, check and resolve one model file; throws ModelError listing every issue when any is an error. */
export function loadResolved(file: string, opts: LoadOptions = {}): Loaded {
  return resolveChecked(loadChecked(file), opts);
}

/** A model that loaded, matched the schema and passed validation, with that stage's warnings. */
export interface Checked {
  readonly loaded: LoadedModel;
  readonly model: OrgModel;
  readonly issues: readonly Issue[];
}

/** First stage: load → schema → validate (throws on any error). */
export function loadChecked(file: string): Checked {
  const loaded = loadModel(file);
  const model = parseModel(loaded);
  const issues = validateModel(loaded, model);
  throwOnErrors(loaded, issues);
  return { loaded, model, issues };
}

/** Second stage: resolve → policy lint (throws on any error). */
export function resolveChecked({ loaded, model, issues }: Checked, opts: LoadOptions = {}): Loaded {
  const resolved = resolveWithIssues(loaded, model);
  const resolvedIssues = sortIssues([...issues, ...resolved.issues]);
  throwOnErrors(loaded, resolvedIssues);
  if (opts.skipLint) return { ir: resolved.ir, warnings: resolvedIssues.filter((i) => i.severity === 'warning'), loaded };
  const disabled = new Set(model.lint?.disable ?? []);
  const linted = [
    ...lintModel(resolved.ir).map((f) => lintIssue(loaded, model, f)),
    ...lintWellArchitected(resolved.ir).map((f) => wellArchitectedIssue(loaded, model, f)),
    ...lintIdentityCenter(resolved.ir).map((f) => wellArchitectedIssue(loaded, model, f)),
  ]
    // validate lets only warnings be disabled, so no error (and no safety rail) can be dropped here
    .filter((i) => !(i.severity === 'warning' && i.rule !== undefined && disabled.has(i.rule)))
    .map((i) => (opts.rails ? applyRail(i, opts.rails) : i))
    .map((i): Issue => (opts.lintAsWarnings && i.severity === 'error' ? { ...i, severity: 'warning' } : i));
  const all = sortIssues([...resolvedIssues, ...linted]);
  throwOnErrors(loaded, all);
  return { ir: resolved.ir, warnings: all.filter((i) => i.severity === 'warning'), loaded };
}

/** A lint finding at the entry of the key (or permission set) it is about, else at the top. */
function lintIssue(loaded: LoadedModel, model: OrgModel, f: LintFinding): Issue {
  const keyIndex = f.keyName === undefined ? -1 : (model.keys ?? []).findIndex((k) => k.name === f.keyName);
  const psIndex = f.permissionSet === undefined ? -1 : (model.permissionSets ?? []).findIndex((p) => p.name === f.permissionSet);
  const at =
    keyIndex >= 0
      ? ['keys', keyIndex]
      : psIndex >= 0
        ? ['permissionSets', psIndex, ...(model.permissionSets?.[psIndex].inlinePolicy ? ['inlinePolicy'] : [])]
        : [];
  return { ...loaded.issue(at, f.message, { key: at.length === 3, rule: f.rule }), severity: f.severity };
}

/** A finding positioned at the entry it is about (findingPath). */
function wellArchitectedIssue(loaded: LoadedModel, model: OrgModel, f: WellArchitectedFinding | IdentityCenterFinding): Issue {
  return { ...loaded.issue(findingPath(model, f.at), f.message, { rule: f.rule }), severity: f.severity };
}

function throwOnErrors(loaded: LoadedModel, issues: readonly Issue[]): void {
  if (issues.some((i) => i.severity === 'error')) throw new ModelError(issues, loaded.file);
}
