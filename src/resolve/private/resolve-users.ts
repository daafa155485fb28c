/**
 * Users in IR form. Display name defaults to "given family" (or the user name); `email: x` is
 * short for `emails: [{ value: x, primary: true }]`; an email, phone number or address is primary
 * unless it says otherwise (the identity store holds one of each per user, and Identity Center
 * writes to the primary email). External users keep only their user name: the identity provider
 * owns the rest (validation refuses attributes on them).
 */
import { compareKeys, USER_TEXT_ATTRIBUTES, type ResolvedUser, type UserAddress, type UserContact, type OrgModel, type UserInput } from '../../model';

const OPTIONAL = USER_TEXT_ATTRIBUTES satisfies readonly (keyof UserInput & keyof ResolvedUser)[];

const ADDRESS_PARTS = ['streetAddress', 'locality', 'region', 'postalCode', 'country', 'formatted', 'type'] as const;

function contact(c: { value: string; type?: string; primary?: boolean }): UserContact {
  return { value: c.value, ...(c.type !== undefined ? { type: c.type } : {}), primary: c.primary ?? true };
}

function address(a: NonNullable<UserInput['addresses']>[number]): UserAddress {
  const out: Record<string, string | boolean> = {};
  for (const k of ADDRESS_PARTS) if (a[k] !== undefined) out[k] = a[k];
  return { ...out, primary: a.primary ?? true } as UserAddress;
}

export function resolveUsers(model: OrgModel): ResolvedUser[] {
  return (model.users ?? []).map(resolveUser).sort((a, b) => compareKeys(a.userName, b.userName));
}

function resolveUser(u: UserInput): ResolvedUser {
  const external = u.external ?? false;
  if (external) return { userName: u.userName, displayName: u.userName, givenName: '', familyName: '', emails: [], phoneNumbers: [], addresses: [], external };
  const givenName = u.givenName ?? '';
  const familyName = u.familyName ?? '';
  const both = `${givenName} ${familyName}`.trim();
  const optional: Partial<Record<(typeof OPTIONAL)[number], string>> = {};
  for (const k of OPTIONAL) if (u[k] !== undefined) optional[k] = u[k];
  return {
    userName: u.userName,
    displayName: u.displayName ?? (both === '' ? u.userName : both),
    givenName,
    familyName,
    ...optional,
    emails: u.email !== undefined ? [contact({ value: u.email })] : (u.emails ?? []).map(contact),
    phoneNumbers: (u.phoneNumbers ?? []).map(contact),
    addresses: (u.addresses ?? []).map(address),
    external,
  };
}
