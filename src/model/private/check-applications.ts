/**
 * Checks of Identity Center applications against CreateApplication's and PutApplicationAccessScope's
 * constraints (lengths in limits.ts, patterns in aws-patterns.ts), and of the groups and users they
 * are assigned to. Names are addresses (Terraform keys, construct ids), so they must be unique.
 */
import { PATTERNS } from '../aws-patterns';
import { LIMITS } from '../limits';
import type { ModelPath } from '../load';
import type { ApplicationInput } from '../schema';
import { checkPattern, checkTags, checkUnique, type CheckContext } from './context';
import { lengthMessage, outOfLength, quote, unknownRef } from './describe';

export function checkApplications(ctx: CheckContext): void {
  const apps = ctx.model.applications ?? [];
  checkUnique(ctx, 'applications', apps, 'name', (a) => a.name, 'application name', false);
  apps.forEach((app, i) => checkOne(ctx, app, ['applications', i]));
}

function checkOne(ctx: CheckContext, app: ApplicationInput, at: ModelPath): void {
  const { applicationName, applicationDescription, applicationTags, applicationUrl } = LIMITS;
  if (outOfLength(app.name, applicationName)) ctx.error([...at, 'name'], lengthMessage('application name', app.name, applicationName));
  checkPattern(ctx, [...at, 'provider'], 'application provider', app.provider, PATTERNS.applicationProviderArn);
  if (app.description !== undefined && outOfLength(app.description, applicationDescription)) {
    ctx.error([...at, 'description'], lengthMessage('application description', app.description, applicationDescription));
  }

  const signIn = app.portal?.signIn;
  // The AWS provider refuses portal_options.visibility without sign_in_options at plan time.
  if (app.portal?.visibility !== undefined && signIn === undefined) {
    ctx.error(
      [...at, 'portal', 'visibility'],
      `application '${app.name}' sets portal visibility without signIn; the aws provider requires sign-in options with visibility, so add signIn: { origin: IDENTITY_CENTER } (or origin APPLICATION with url)`,
    );
  }
  if (signIn !== undefined) {
    const here: ModelPath = [...at, 'portal', 'signIn'];
    if (signIn.url === undefined && signIn.origin === 'APPLICATION') {
      ctx.error(
        [...here, 'origin'],
        `application '${app.name}' signs in with origin APPLICATION, which sends users to the application's url; add url (e.g. https://grafana.example.com/login) or use origin IDENTITY_CENTER`,
      );
    }
    if (signIn.url !== undefined) {
      if (outOfLength(signIn.url, applicationUrl)) ctx.error([...here, 'url'], lengthMessage('application url', signIn.url, applicationUrl));
      else checkPattern(ctx, [...here, 'url'], 'application url', signIn.url, PATTERNS.applicationUrl);
    }
  }

  const tagCount = Object.keys(app.tags ?? {}).length;
  if (tagCount > applicationTags.max) {
    ctx.error([...at, 'tags'], `application '${app.name}' has ${tagCount} tags; allowed at most ${applicationTags.max} (${applicationTags.why})`, {
      key: true,
    });
  }
  checkTags(ctx, [...at, 'tags'], app.tags);

  checkPrincipals(ctx, [...at, 'assignments', 'groups'], app.assignments?.groups, 'group', ctx.groups, 'groups', app.name);
  checkPrincipals(ctx, [...at, 'assignments', 'users'], app.assignments?.users, 'user', ctx.users, 'users', app.name);

  const scopes = new Map<string, number>();
  (app.accessScopes ?? []).forEach((s, j) => {
    const here: ModelPath = [...at, 'accessScopes', j];
    checkPattern(ctx, [...here, 'scope'], 'access scope', s.scope, PATTERNS.accessScope);
    const first = scopes.get(s.scope);
    if (first !== undefined)
      ctx.error(
        [...here, 'scope'],
        `access scope '${s.scope}' is listed twice in application '${app.name}' (first at ${ctx.ref([...at, 'accessScopes', first, 'scope'])})`,
      );
    else scopes.set(s.scope, j);
    const targets = s.authorizedTargets;
    if (targets === undefined) return;
    const { accessScopeTargets: limit } = LIMITS;
    if (targets.length < (limit.min ?? 0) || targets.length > limit.max) {
      ctx.error(
        [...here, 'authorizedTargets'],
        `access scope '${s.scope}' lists ${targets.length} authorized targets; allowed ${limit.min}..${limit.max} (${limit.why}); leave authorizedTargets out for none`,
        {
          key: true,
        },
      );
    }
    const seen = new Set<string>();
    targets.forEach((t, k) => {
      if (seen.has(t)) ctx.error([...here, 'authorizedTargets', k], `authorized target ${quote(t)} is listed twice in access scope '${s.scope}'`);
      seen.add(t);
      checkPattern(ctx, [...here, 'authorizedTargets', k], 'authorized target', t, PATTERNS.accessScopeTarget);
    });
  });
}

/** Every name defined in its section, each once. */
function checkPrincipals(
  ctx: CheckContext,
  at: ModelPath,
  names: readonly string[] | undefined,
  kind: 'group' | 'user',
  defined: ReadonlySet<string>,
  section: string,
  app: string,
): void {
  const seen = new Set<string>();
  (names ?? []).forEach((n, j) => {
    if (seen.has(n)) ctx.error([...at, j], `${kind} '${n}' is listed twice in the assignments of application '${app}'`);
    seen.add(n);
    if (!defined.has(n)) ctx.error([...at, j], unknownRef(kind, n, section, [...defined]));
  });
}
