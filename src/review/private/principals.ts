/**
 * Groups and users added, removed or changed, including group membership: a user joining a group
 * gains everything the group is assigned, which no assignment diff shows.
 */
import { compareKeys, type ResolvedGroup, type ResolvedUser, type UserAddress, type UserContact } from '../../model';
import type { PrincipalChange } from '../types';
import { diffFields, diffList, isEmptyList, type Fields } from './fields';

function groupFields(g: ResolvedGroup): Fields {
  return [
    ['description', g.description],
    ['external', g.external],
  ];
}

/** `alice@example.com (work, primary)`: one string per email or phone number. */
function contacts(list: readonly UserContact[]): string[] {
  return list.map(
    (c) => `${c.value}${c.type !== undefined || c.primary ? ` (${[c.type, c.primary ? 'primary' : undefined].filter(Boolean).join(', ')})` : ''}`,
  );
}

function addresses(list: readonly UserAddress[]): string[] {
  return list.map((a) => {
    const { primary, type, ...parts } = a;
    const tail = [type, primary ? 'primary' : undefined].filter(Boolean).join(', ');
    return `${Object.values(parts).join(', ')}${tail ? ` (${tail})` : ''}`;
  });
}

function userFields(u: ResolvedUser): Fields {
  return [
    ['displayName', u.displayName],
    ['givenName', u.givenName],
    ['familyName', u.familyName],
    ['middleName', u.middleName],
    ['honorificPrefix', u.honorificPrefix],
    ['honorificSuffix', u.honorificSuffix],
    ['formattedName', u.formattedName],
    ['emails', contacts(u.emails)],
    ['phoneNumbers', contacts(u.phoneNumbers)],
    ['addresses', addresses(u.addresses)],
    ['nickname', u.nickname],
    ['profileUrl', u.profileUrl],
    ['title', u.title],
    ['userType', u.userType],
    ['preferredLanguage', u.preferredLanguage],
    ['locale', u.locale],
    ['timezone', u.timezone],
    ['external', u.external],
  ];
}

function diffNamed<T>(
  type: PrincipalChange['principalType'],
  base: readonly T[],
  head: readonly T[],
  nameOf: (x: T) => string,
  fieldsOf: (x: T) => Fields,
  membersOf: (x: T) => readonly string[],
): PrincipalChange[] {
  const b = new Map(base.map((x) => [nameOf(x), x]));
  const h = new Map(head.map((x) => [nameOf(x), x]));
  const out: PrincipalChange[] = [];
  for (const name of [...new Set([...b.keys(), ...h.keys()])].sort(compareKeys)) {
    const x = b.get(name);
    const y = h.get(name);
    const fields = diffFields(x && fieldsOf(x), y && fieldsOf(y));
    const members = diffList(x && membersOf(x), y && membersOf(y));
    if (x && y && fields.length === 0 && isEmptyList(members)) continue;
    out.push({ principalType: type, name, change: x && y ? 'changed' : x ? 'removed' : 'added', fields, members });
  }
  return out;
}

export function diffPrincipals(
  base: { groups: readonly ResolvedGroup[]; users: readonly ResolvedUser[] },
  head: { groups: readonly ResolvedGroup[]; users: readonly ResolvedUser[] },
): PrincipalChange[] {
  return [
    ...diffNamed(
      'GROUP',
      base.groups,
      head.groups,
      (g) => g.name,
      groupFields,
      (g) => g.members,
    ),
    ...diffNamed(
      'USER',
      base.users,
      head.users,
      (u) => u.userName,
      userFields,
      () => [],
    ),
  ];
}
