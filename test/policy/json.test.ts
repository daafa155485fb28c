/** src/policy/json: the one reader of policy JSON that lint, review, import and the live-key checks share. */
import type { StatementJson } from '../../src/model';
import { allowsAction, conditionValues, isAnyPrincipal, parsePolicyJson, statementKey, statementsOf, toArray } from '../../src/policy';

test.each([
  ['a scalar', 'kms:Decrypt', ['kms:Decrypt']],
  ['a list', ['kms:Decrypt', 'kms:Encrypt'], ['kms:Decrypt', 'kms:Encrypt']],
  ['nothing', undefined, []],
])('one-or-many: %s reads as a list', (_what, value, list) => {
  expect(toArray(value)).toEqual(list);
});

test.each([
  ['"*"', '*', true],
  ['{ AWS: "*" }', { AWS: '*' }, true],
  ['{ AWS: ["*"] } among others', { AWS: ['arn:aws:iam::111111111111:root', '*'] }, true],
  ['an account', { AWS: 'arn:aws:iam::111111111111:root' }, false],
  ['a service', { Service: 'sso.amazonaws.com' }, false],
  ['a ref', { AWS: { ref: 'key-arn' } }, false],
  ['no principal', undefined, false],
] as const)('Principal %s is anyone: %s', (_what, principal, any) => {
  expect(isAnyPrincipal(principal as StatementJson['Principal'])).toBe(any);
});

test('condition values of a key are read under every operator, the key case-insensitively', () => {
  const s: StatementJson = {
    Effect: 'Allow',
    Condition: {
      ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'] },
      StringEquals: { 'AWS:principalarn': 'arn:aws:iam::1:role/c', 'aws:SourceAccount': '1' },
    },
  };
  expect(conditionValues(s, 'aws:PrincipalArn')).toEqual(['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b', 'arn:aws:iam::1:role/c']);
  expect(conditionValues(s, 'kms:ViaService')).toEqual([]);
});

test.each([
  ['an Action pattern covers the action', { Action: 'kms:Re*' }, 'kms:ReEncryptFrom', true],
  ['action names are case-insensitive', { Action: ['KMS:decrypt'] }, 'kms:Decrypt', true],
  ['? is one character', { Action: 'kms:?ecrypt' }, 'kms:Decrypt', true],
  ['an Action not covering it', { Action: 'kms:Encrypt' }, 'kms:Decrypt', false],
  ['a NotAction leaving it out', { NotAction: 'kms:Encrypt' }, 'kms:Decrypt', true],
  ['a NotAction naming it', { NotAction: 'kms:*' }, 'kms:Decrypt', false],
] as const)('%s', (_what, s, action, allowed) => {
  expect(allowsAction(s as StatementJson, action)).toBe(allowed);
});

test('the statement normal form: scalar or list, order and repeats do not matter; the Sid only when asked', () => {
  const a: StatementJson = {
    Sid: 'A',
    Effect: 'Allow',
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:Decrypt'],
    Resource: '*',
    Condition: { StringEquals: { 'aws:SourceAccount': ['1'] } },
  };
  const b: StatementJson = {
    Resource: ['*'],
    Condition: { StringEquals: { 'aws:SourceAccount': '1' } },
    Action: ['kms:Decrypt', 'kms:Encrypt'],
    Effect: 'Allow',
    Sid: 'B',
  };
  expect(statementKey(a)).toBe(statementKey(b));
  expect(statementKey(a, { withSid: true })).not.toBe(statementKey(b, { withSid: true }));
  expect(statementKey({ ...a, Effect: 'Deny' })).not.toBe(statementKey(b));
});

test('statements of a document: one statement or a list; parse errors are returned, not thrown', () => {
  const one = { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' };
  expect(statementsOf({ Statement: one })).toEqual([one]);
  expect(statementsOf({ Statement: [one, 'junk'] })).toEqual([one]);
  expect(statementsOf({})).toEqual([]);
  expect(parsePolicyJson('{"Statement":[]}')).toEqual({ doc: { Statement: [] } });
  expect(parsePolicyJson('[1]')).toEqual({ error: 'not a json object' });
  expect('error' in parsePolicyJson('{')).toBe(true);
});
