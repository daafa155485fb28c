/**
 * Users with the attributes the identity store supports (issue 18): names, one email, phone number
 * and address (each with type and primary), title, preferred language, locale, time zone,
 * nickname, profile URL, user type. What resolves into the IR, and the positioned errors for
 * unknown attributes, lists longer than the identity store holds, values it refuses, and
 * attributes on users the identity provider owns. Messages and positions checked by hand.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue, ModelError } from '../../src/model/issues';
import { loadResolved } from '../../src/pipeline';

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-users-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const HEAD = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts:
  - { name: management, id: "111111111111" }
users:
`;

function write(users: string): string {
  const file = path.join(tmp, 'org.yaml');
  fs.writeFileSync(file, HEAD + users);
  return file;
}

function issues(users: string): string[] {
  const file = write(users);
  try {
    loadResolved(file);
    return [];
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    return e.issues.map((i) => formatIssue(i).slice(file.length + 1));
  }
}

describe('resolved into the IR', () => {
  test('every attribute reaches the IR; email, phone number and address are primary unless they say otherwise', () => {
    // GIVEN a user with every attribute and one with the email shorthand and a non-primary phone
    const { ir } = loadResolved(
      write(`  - userName: alice
    givenName: Alice
    familyName: Example
    middleName: Quinn
    honorificPrefix: Dr.
    honorificSuffix: PhD
    formattedName: Dr. Alice Quinn Example, PhD
    nickname: Al
    profileUrl: https://intranet.example.com/people/alice
    title: Principal Engineer
    userType: Employee
    preferredLanguage: fr-FR
    locale: fr-FR
    timezone: Europe/Paris
    emails: [{ value: alice@example.com, type: work }]
    phoneNumbers: [{ value: "+33 1 23 45 67 89", type: work }]
    addresses: [{ streetAddress: 1 Rue Example, locality: Paris, region: IDF, postalCode: "75001", country: FR, formatted: "1 Rue Example, 75001 Paris", type: work }]
  - { userName: bob, givenName: Bob, familyName: Builder, email: bob@example.com, phoneNumbers: [{ value: "+1 555 0100", primary: false }] }
`),
    );
    // THEN the IR holds each attribute as written, with the defaults said above
    expect(ir.users).toEqual([
      {
        userName: 'alice',
        displayName: 'Alice Example',
        givenName: 'Alice',
        familyName: 'Example',
        middleName: 'Quinn',
        honorificPrefix: 'Dr.',
        honorificSuffix: 'PhD',
        formattedName: 'Dr. Alice Quinn Example, PhD',
        nickname: 'Al',
        profileUrl: 'https://intranet.example.com/people/alice',
        title: 'Principal Engineer',
        userType: 'Employee',
        preferredLanguage: 'fr-FR',
        locale: 'fr-FR',
        timezone: 'Europe/Paris',
        emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
        phoneNumbers: [{ value: '+33 1 23 45 67 89', type: 'work', primary: true }],
        addresses: [
          {
            streetAddress: '1 Rue Example',
            locality: 'Paris',
            region: 'IDF',
            postalCode: '75001',
            country: 'FR',
            formatted: '1 Rue Example, 75001 Paris',
            type: 'work',
            primary: true,
          },
        ],
        external: false,
      },
      {
        userName: 'bob',
        displayName: 'Bob Builder',
        givenName: 'Bob',
        familyName: 'Builder',
        emails: [{ value: 'bob@example.com', primary: true }],
        phoneNumbers: [{ value: '+1 555 0100', primary: false }],
        addresses: [],
        external: false,
      },
    ]);
  });
});

describe('refused with positions', () => {
  test.each([
    [
      'an attribute the identity store does not have',
      '  - { userName: alice, givenName: A, familyName: E, phone: "+1 555 0100" }\n',
      "7:53: unknown key 'phone' in users[0]; allowed keys: userName, displayName, givenName, familyName, middleName, honorificPrefix, honorificSuffix, formattedName, email, emails, phoneNumbers, addresses, nickname, profileUrl, title, userType, preferredLanguage, locale, timezone, external",
    ],
    [
      'an unknown key inside an email',
      '  - { userName: alice, givenName: A, familyName: E, emails: [{ value: a@example.com, kind: work }] }\n',
      "7:86: unknown key 'kind' in users[0].emails[0]; allowed keys: value, type, primary",
    ],
    [
      'an unknown part of an address',
      '  - { userName: alice, givenName: A, familyName: E, addresses: [{ city: Paris }] }\n',
      "7:67: unknown key 'city' in users[0].addresses[0]; allowed keys: streetAddress, locality, region, postalCode, country, formatted, type, primary",
    ],
    [
      'two emails',
      '  - { userName: alice, givenName: A, familyName: E, emails: [{ value: a@example.com }, { value: b@example.com }] }\n',
      "7:53: user 'alice' lists 2 emails; allowed at most 1 (identity store: one email, phone number and address per user)",
    ],
    [
      'two phone numbers',
      '  - { userName: alice, givenName: A, familyName: E, phoneNumbers: [{ value: "1" }, { value: "2" }] }\n',
      "7:53: user 'alice' lists 2 phone numbers; allowed at most 1 (identity store: one email, phone number and address per user)",
    ],
    [
      'email and emails',
      '  - { userName: alice, givenName: A, familyName: E, email: a@example.com, emails: [{ value: b@example.com }] }\n',
      "7:53: user 'alice' has both email and emails; give one (email: x is short for emails: [{ value: x, primary: true }])",
    ],
    [
      'a title longer than the identity store takes',
      `  - { userName: alice, givenName: A, familyName: E, title: ${'t'.repeat(1025)} }\n`,
      `7:60: title '${'t'.repeat(57)}...' is 1025 characters long; allowed 1..1024 (identity store user attribute)`,
    ],
    [
      'an empty locale',
      '  - { userName: alice, givenName: A, familyName: E, locale: "" }\n',
      "7:61: locale '' is 0 characters long; allowed 1..1024 (identity store user attribute)",
    ],
    [
      'a control character in a phone number',
      '  - { userName: alice, givenName: A, familyName: E, phoneNumbers: [{ value: "+1\\u0007555" }] }\n',
      "7:77: phoneNumbers[0].value '+1\u0007555' has characters the identity store does not accept; allowed: letters, marks, symbols, digits, punctuation, spaces, tabs and line breaks",
    ],
  ])('fails if a user has %s', (_, users, message) => {
    expect(issues(users)).toEqual([message]);
  });

  test('fails if an external user carries attributes: the identity provider owns them', () => {
    expect(issues('  - { userName: alice, external: true, title: Engineer, emails: [{ value: a@example.com }] }\n')).toEqual([
      "7:40: user 'alice' is external (synced by scim), so its attributes are managed in the identity provider; remove title or drop external: true",
      "7:57: user 'alice' is external (synced by scim), so its attributes are managed in the identity provider; remove emails or drop external: true",
    ]);
  });
});
