/**
 * Entries of the identity-store module's `groups` and `users` maps, from the IR. A created user's
 * attributes go in as the module's variable names them; a user with one untyped primary email is
 * written with the module's `email` shorthand, so roots of models that only ever had `email:` read
 * as they always did.
 */
import { compareKeys, USER_TEXT_ATTRIBUTES, type ResolvedGroup, type ResolvedUser, type UserAddress, type UserContact } from '../../model';
import { bool, list, obj, str, type Expr, type ObjectEntry } from './private/expr';

export function groupEntry(g: ResolvedGroup): ObjectEntry {
  const entries: ObjectEntry[] = [];
  if (g.description !== undefined) entries.push({ key: 'description', value: str(g.description) });
  if (g.external) entries.push({ key: 'external', value: bool(true) });
  if (g.members.length > 0) entries.push({ key: 'members', value: list([...g.members].sort(compareKeys).map(str)) });
  return { key: g.name, value: obj(entries), quoteKey: true };
}

/** `middleName` → `middle_name`: the module's variables are the IR's field names in snake case. */
const snakeCase = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Optional string attributes: IR field → module attribute, in the order the module declares them. */
const OPTIONAL_TEXT = USER_TEXT_ATTRIBUTES.map((field) => [field, snakeCase(field)] as const);

const ADDRESS_PARTS = [
  ['streetAddress', 'street_address'],
  ['locality', 'locality'],
  ['region', 'region'],
  ['postalCode', 'postal_code'],
  ['country', 'country'],
  ['formatted', 'formatted'],
  ['type', 'type'],
] as const satisfies readonly (readonly [keyof UserAddress, string])[];

function contact(c: UserContact): Expr {
  return obj([
    { key: 'value', value: str(c.value) },
    ...(c.type !== undefined ? [{ key: 'type', value: str(c.type) }] : []),
    { key: 'primary', value: bool(c.primary) },
  ]);
}

function address(a: UserAddress): Expr {
  const parts: ObjectEntry[] = [];
  for (const [field, attr] of ADDRESS_PARTS) {
    const v = a[field];
    if (v !== undefined) parts.push({ key: attr, value: str(v) });
  }
  return obj([...parts, { key: 'primary', value: bool(a.primary) }]);
}

export function userEntry(u: ResolvedUser): ObjectEntry {
  // The identity provider owns external users: the module only looks them up by user name.
  if (u.external) return { key: u.userName, value: obj([{ key: 'external', value: bool(true) }]), quoteKey: true };
  const entries: ObjectEntry[] = [
    { key: 'display_name', value: str(u.displayName) },
    { key: 'given_name', value: str(u.givenName) },
    { key: 'family_name', value: str(u.familyName) },
  ];
  for (const [field, attr] of OPTIONAL_TEXT) {
    const v = u[field];
    if (v !== undefined) entries.push({ key: attr, value: str(v) });
  }
  const [email] = u.emails;
  if (u.emails.length === 1 && email.type === undefined && email.primary) entries.push({ key: 'email', value: str(email.value) });
  else if (u.emails.length > 0) entries.push({ key: 'emails', value: list(u.emails.map(contact)) });
  if (u.phoneNumbers.length > 0) entries.push({ key: 'phone_numbers', value: list(u.phoneNumbers.map(contact)) });
  if (u.addresses.length > 0) entries.push({ key: 'addresses', value: list(u.addresses.map(address)) });
  return { key: u.userName, value: obj(entries), quoteKey: true };
}
