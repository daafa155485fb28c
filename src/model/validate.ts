/**
 * The model's two checking stages.
 *
 * 1. `parseModel`: the strict schema (zod). Every issue is mapped to a position in the file it came
 *    from; all of them are collected and thrown as one ModelError.
 * 2. `validateModel`: semantic checks on the typed model: references, duplicate names (also after
 *    case-folding where AWS compares names case-insensitively), AWS identifier patterns and quotas.
 *    Returns every issue found; the pipeline throws when any is an error.
 *
 * Checks that need accounts resolved (targets that select nothing) and the key policy rules run in
 * resolve, only on a model whose references all bind, so one mistake is reported once.
 */
import type { Issue } from './issues';
import { ModelError, sortIssues } from './issues';
import type { LoadedModel } from './load';
import { checkAccessControlAttributes } from './private/check-access-control';
import { checkApplications } from './private/check-applications';
import { checkContext } from './private/context';
import { checkAccounts, checkGroups } from './private/check-directory';
import { checkUsers } from './private/check-users';
import { checkLint } from './private/check-lint';
import { checkOrganization } from './private/check-organization';
import { checkOrganizationalUnits } from './private/check-ous';
import { checkPartition } from './private/check-partition';
import { checkPermissionSets } from './private/check-permission-sets';
import { checkKeyAliases, checkPolicyNamesPerPermissionSet } from './private/check-names';
import { checkAssignments, checkKeys } from './private/check-references';
import { schemaIssues } from './private/schema-issues';
import { modelSchema, type OrgModel } from './schema';

/** Check the loaded data against the schema; throws ModelError with every issue, positioned. */
export function parseModel(loaded: LoadedModel): OrgModel {
  const res = modelSchema.safeParse(loaded.data);
  if (res.success) return res.data;
  throw new ModelError(sortIssues(dedupe(schemaIssues(loaded, res.error.issues, modelSchema))), loaded.file);
}

/** Semantic checks of a schema-valid model; every issue found, sorted by position. */
export function validateModel(loaded: LoadedModel, model: OrgModel): Issue[] {
  const ctx = checkContext(loaded, model);
  checkOrganization(ctx);
  checkOrganizationalUnits(ctx);
  checkAccounts(ctx);
  checkGroups(ctx);
  checkUsers(ctx);
  checkPermissionSets(ctx);
  checkAssignments(ctx);
  checkKeys(ctx);
  checkApplications(ctx);
  checkAccessControlAttributes(ctx);
  checkPartition(ctx);
  checkLint(ctx);
  checkKeyAliases(ctx);
  checkPolicyNamesPerPermissionSet(ctx);
  return sortIssues(dedupe(ctx.issues));
}

/** The same message at the same place once (a union can report one problem per option). */
function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = `${i.file}:${i.line}:${i.col}:${i.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
