/**
 * Checks of permission sets against the Identity Center API constraints (name, description,
 * relay state, session duration) and quotas (policies per permission set, inline policy size),
 * and consistency of customer managed policy documents across permission sets.
 */
import { isCustomerManagedPolicyArn } from '../arns';
import { PATTERNS, sessionDurationSeconds } from '../aws-patterns';
import { LIMITS } from '../limits';
import type { ModelPath } from '../load';
import type { PermissionSetInput } from '../schema';
import { canonicalJson } from '../json-values';
import { nonWhitespaceBytes } from './policy-size';
import { checkPolicyScalars } from './policy-scalars';
import { checkPattern, checkTags, checkUnique, type CheckContext } from './context';
import { lengthMessage, outOfLength, quote } from './describe';

export function checkPermissionSets(ctx: CheckContext): void {
  const sets = ctx.model.permissionSets ?? [];
  if (sets.length > LIMITS.permissionSets.max) {
    ctx.error(['permissionSets'], `${sets.length} permission sets are defined; allowed at most ${LIMITS.permissionSets.max} (${LIMITS.permissionSets.why})`, {
      key: true,
    });
  }
  checkUnique(ctx, 'permissionSets', sets, 'name', (p) => p.name, 'permission set name', true);
  sets.forEach((ps, i) => checkOne(ctx, ps, ['permissionSets', i]));
  checkPolicyDocumentsAgree(ctx, sets);
}

/** What an external permission set may say: idcgen only looks it up, so anything it would set is refused. */
const EXTERNAL_FIELDS: ReadonlySet<string> = new Set(['name', 'external', 'managedPolicies']);

function checkOne(ctx: CheckContext, ps: PermissionSetInput, at: ModelPath): void {
  if (ps.external === true) {
    for (const field of Object.keys(ps).filter((f) => !EXTERNAL_FIELDS.has(f))) {
      ctx.error(
        [...at, field],
        `permission set '${ps.name}' is external (owned outside idcgen, e.g. by control tower), so idcgen never sets its ${field}; remove ${field} or drop external: true (an external permission set allows only ${[...EXTERNAL_FIELDS].join(', ')})`,
        { key: true },
      );
    }
  }
  const { permissionSetName, permissionSetDescription, relayState, sessionDurationHours: hours } = LIMITS;
  if (outOfLength(ps.name, permissionSetName)) ctx.error([...at, 'name'], lengthMessage('permission set name', ps.name, permissionSetName));
  else checkPattern(ctx, [...at, 'name'], 'permission set name', ps.name, PATTERNS.permissionSetName);

  if (ps.description !== undefined) {
    if (outOfLength(ps.description, permissionSetDescription)) {
      ctx.error([...at, 'description'], lengthMessage('description', ps.description, permissionSetDescription));
    } else if (!PATTERNS.permissionSetDescription.re.test(ps.description)) {
      ctx.error(
        [...at, 'description'],
        `description ${quote(ps.description)} has characters identity center does not accept; allowed: ${PATTERNS.permissionSetDescription.expected}`,
      );
    }
  }
  if (ps.relayState !== undefined) {
    if (outOfLength(ps.relayState, relayState)) ctx.error([...at, 'relayState'], lengthMessage('relayState', ps.relayState, relayState));
    else if (!PATTERNS.relayState.re.test(ps.relayState)) {
      ctx.error(
        [...at, 'relayState'],
        `relayState ${quote(ps.relayState)} has characters identity center does not accept; expected ${PATTERNS.relayState.expected}`,
      );
    }
  }
  if (ps.sessionDuration !== undefined) {
    const seconds = sessionDurationSeconds(ps.sessionDuration);
    const allowed = `allowed PT${hours.min}H..PT${hours.max}H (${hours.why})`;
    if (seconds === undefined) {
      ctx.error([...at, 'sessionDuration'], `sessionDuration ${quote(ps.sessionDuration)} is not ${PATTERNS.sessionDuration.expected}; ${allowed}`);
    } else if (seconds < hours.min * 3600 || seconds > hours.max * 3600) {
      ctx.error([...at, 'sessionDuration'], `sessionDuration ${quote(ps.sessionDuration)} is out of range; ${allowed}`);
    }
  }
  checkTags(ctx, [...at, 'tags'], ps.tags);

  const managed = ps.managedPolicies ?? [];
  const seenArns = new Set<string>();
  managed.forEach((arn, j) => {
    if (seenArns.has(arn)) ctx.error([...at, 'managedPolicies', j], `managed policy '${arn}' is listed twice in permission set '${ps.name}'`);
    seenArns.add(arn);
    checkManagedArn(ctx, [...at, 'managedPolicies', j], arn);
  });
  const customer = ps.customerManagedPolicies ?? [];
  const seenRefs = new Set<string>();
  customer.forEach((ref, j) => {
    const id = `${normalizeIamPath(ref.path)}${ref.name}`;
    if (seenRefs.has(id)) ctx.error([...at, 'customerManagedPolicies', j], `customer managed policy '${id}' is listed twice in permission set '${ps.name}'`);
    seenRefs.add(id);
    checkCustomerRef(ctx, [...at, 'customerManagedPolicies', j], ref);
    if (ref.policy !== undefined) {
      checkPolicyDocument(ctx, [...at, 'customerManagedPolicies', j, 'policy'], `customer managed policy '${id}'`, ref.policy, LIMITS.managedPolicyBytes);
    }
  });
  const count = managed.length + customer.length;
  if (count > LIMITS.policiesPerPermissionSet.max) {
    ctx.error(
      [...at, 'name'],
      `permission set '${ps.name}' attaches ${count} managed and customer managed policies; allowed at most ${LIMITS.policiesPerPermissionSet.max} (${LIMITS.policiesPerPermissionSet.why})`,
    );
  }
  if (ps.inlinePolicy !== undefined) {
    checkPolicyDocument(ctx, [...at, 'inlinePolicy'], 'inlinePolicy', ps.inlinePolicy, LIMITS.inlinePolicyNonWhitespaceBytes);
  }
  const boundary = ps.permissionsBoundary;
  if (boundary && 'managedPolicy' in boundary) checkManagedArn(ctx, [...at, 'permissionsBoundary', 'managedPolicy'], boundary.managedPolicy);
  if (boundary && 'customerManagedPolicy' in boundary) {
    checkCustomerRef(ctx, [...at, 'permissionsBoundary', 'customerManagedPolicy'], boundary.customerManagedPolicy);
  }
}

function checkManagedArn(ctx: CheckContext, path: ModelPath, arn: string): void {
  if (PATTERNS.awsManagedPolicyArn.re.test(arn)) return;
  const customer = isCustomerManagedPolicyArn(arn);
  ctx.error(
    path,
    customer
      ? `managed policy '${arn}' is a customer managed policy; list it under customerManagedPolicies by name and path`
      : `managed policy ${quote(arn)} is not valid; expected ${PATTERNS.awsManagedPolicyArn.expected}`,
  );
}

function checkCustomerRef(ctx: CheckContext, path: ModelPath, ref: { name: string; path?: string }): void {
  const { customerManagedPolicyName: nameLimit, iamPath } = LIMITS;
  if (outOfLength(ref.name, nameLimit)) ctx.error([...path, 'name'], lengthMessage('customer managed policy name', ref.name, nameLimit));
  else checkPattern(ctx, [...path, 'name'], 'customer managed policy name', ref.name, PATTERNS.customerManagedPolicyName);
  if (ref.path === undefined) return;
  const p = normalizeIamPath(ref.path);
  if (outOfLength(p, iamPath)) ctx.error([...path, 'path'], lengthMessage('path', ref.path, iamPath));
  else checkPattern(ctx, [...path, 'path'], 'path', ref.path === p ? ref.path : p, PATTERNS.iamPath);
}

/** IAM paths always start and end with `/`; `teams` and `/teams` mean `/teams/`. */
export function normalizeIamPath(p: string | undefined): string {
  if (p === undefined || p === '' || p === '/') return '/';
  return `${p.startsWith('/') ? '' : '/'}${p}${p.endsWith('/') ? '' : '/'}`;
}

/** Version "2012-10-17", a Statement, and within the size quota. */
function checkPolicyDocument(ctx: CheckContext, path: ModelPath, what: string, doc: Record<string, unknown>, limit: { max: number; why: string }): void {
  if (doc.Version !== '2012-10-17') {
    const found = doc.Version === undefined ? 'no Version' : `Version ${quote(String(doc.Version))}`;
    ctx.error(
      doc.Version === undefined ? path : [...path, 'Version'],
      `${what} has ${found}; use Version: "2012-10-17" (older versions do not support policy variables)`,
      {
        key: doc.Version === undefined,
      },
    );
  }
  const st = doc.Statement;
  if (st === undefined || (Array.isArray(st) && st.length === 0)) {
    ctx.error(path, `${what} has no Statement; give at least one statement`, { key: true });
  } else if (st === null || typeof st !== 'object') {
    ctx.error([...path, 'Statement'], `${what} Statement must be a list of statements or one statement mapping`);
  }
  checkPolicyScalars(ctx, path, what);
  const bytes = nonWhitespaceBytes(doc);
  if (bytes > limit.max) {
    ctx.error(path, `${what} is ${bytes} non-whitespace bytes; allowed at most ${limit.max} (${limit.why})`, { key: true });
  }
}

/** One name and path is one IAM policy per account: every permission set must give it the same document. */
function checkPolicyDocumentsAgree(ctx: CheckContext, sets: readonly PermissionSetInput[]): void {
  const first = new Map<string, { path: ModelPath; json: string }>();
  sets.forEach((ps, i) =>
    (ps.customerManagedPolicies ?? []).forEach((ref, j) => {
      if (ref.policy === undefined) return;
      const id = `${normalizeIamPath(ref.path)}${ref.name}`;
      const here: ModelPath = ['permissionSets', i, 'customerManagedPolicies', j, 'policy'];
      const json = canonicalJson(ref.policy);
      const prev = first.get(id);
      if (!prev) first.set(id, { path: here, json });
      else if (prev.json !== json) {
        ctx.error(
          here,
          `customer managed policy '${id}' has a different policy document than at ${ctx.ref(prev.path)}; one name and path is one policy in each account`,
        );
      }
    }),
  );
}
