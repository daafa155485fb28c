/**
 * Checks of users: names and duplicates, and the identity store attributes of created users
 * (names, email, phone number, address, title, language, locale, time zone, nickname, profile URL,
 * user type) against what the identity store accepts. External users are synced from the identity
 * provider, which owns their attributes: giving one here would be silently ignored, so it is an error.
 * @see https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateUser.html
 */
import { PATTERNS } from '../aws-patterns';
import { USER_TEXT_ATTRIBUTES } from '../ir';
import { LIMITS } from '../limits';
import type { ModelPath } from '../load';
import type { UserInput } from '../schema';
import { checkUnique, type CheckContext } from './context';
import { lengthMessage, outOfLength, quote } from './describe';

/** Attributes a user entry can carry besides userName and external (issues are sorted by position). */
const ATTRIBUTES = [
  'displayName',
  'givenName',
  'familyName',
  'email',
  'emails',
  'phoneNumbers',
  'addresses',
  ...USER_TEXT_ATTRIBUTES,
] as const satisfies readonly (keyof UserInput)[];

const TEXT = ['displayName', 'email', ...USER_TEXT_ATTRIBUTES] as const;

const LISTS = { emails: 'emails', phoneNumbers: 'phone numbers', addresses: 'addresses' } as const;

export function checkUsers(ctx: CheckContext): void {
  const users = ctx.model.users ?? [];
  checkUnique(ctx, 'users', users, 'userName', (u) => u.userName, 'user name', true);
  users.forEach((u, i) => {
    const at: ModelPath = ['users', i];
    if (outOfLength(u.userName, LIMITS.userName)) ctx.error([...at, 'userName'], lengthMessage('userName', u.userName, LIMITS.userName));
    if (u.external === true) {
      for (const attr of ATTRIBUTES) {
        if (u[attr] === undefined) continue;
        ctx.error(
          [...at, attr],
          `user '${u.userName}' is external (synced by scim), so its attributes are managed in the identity provider; remove ${attr} or drop external: true`,
          { key: true },
        );
      }
      return;
    }
    const missing = (['givenName', 'familyName'] as const).filter((k) => u[k] === undefined || u[k] === '');
    if (missing.length > 0) {
      ctx.error(
        at,
        `user '${u.userName}' is created by idcgen and needs ${missing.join(' and ')} (the identity store requires a given and a family name); add them or set external: true`,
      );
    }
    checkAttributes(ctx, u, at);
  });
}

function checkAttributes(ctx: CheckContext, u: UserInput, at: ModelPath): void {
  for (const field of TEXT) checkText(ctx, [...at, field], field, u[field]);
  for (const field of ['givenName', 'familyName'] as const) if (u[field] !== '') checkText(ctx, [...at, field], field, u[field]);
  if (u.email !== undefined && u.emails !== undefined) {
    ctx.error([...at, 'email'], `user '${u.userName}' has both email and emails; give one (email: x is short for emails: [{ value: x, primary: true }])`, {
      key: true,
    });
  }
  const max = LIMITS.userContactsPerKind;
  for (const [field, words] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
    const list = u[field] ?? [];
    if (list.length > max.max) {
      ctx.error([...at, field], `user '${u.userName}' lists ${list.length} ${words}; allowed at most ${max.max} (${max.why})`, { key: true });
    }
    list.forEach((item, j) => {
      for (const [k, v] of Object.entries(item)) if (typeof v === 'string') checkText(ctx, [...at, field, j, k], `${field}[${j}].${k}`, v);
    });
  }
}

/** 1..1024 characters the identity store accepts. */
function checkText(ctx: CheckContext, path: ModelPath, what: string, value: string | undefined): void {
  if (value === undefined) return;
  if (outOfLength(value, LIMITS.userAttribute)) ctx.error(path, lengthMessage(what, value, LIMITS.userAttribute));
  else if (!PATTERNS.identityStoreText.re.test(value)) {
    ctx.error(path, `${what} ${quote(value)} has characters the identity store does not accept; allowed: ${PATTERNS.identityStoreText.expected}`);
  }
}
