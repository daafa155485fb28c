/** withKeyStatements: a permission set's inline policy = the user's policy + the key statements it needs. */
import { withKeyStatements } from '../../src/policy/inline';
import type { PolicyDocumentJson, StatementJson } from '../../src/model/policy-types';

const user: PolicyDocumentJson = { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const kms = (sid: string, resource: StatementJson['Resource'] = { ref: 'key-arn', key: 'a' }): StatementJson => ({
  Sid: sid,
  Effect: 'Allow',
  Action: 'kms:Decrypt',
  Resource: resource,
});

test('neither a user policy nor key statements: no inline policy', () => {
  expect(withKeyStatements(undefined, [])).toBeUndefined();
});

test('a user policy alone is returned as written', () => {
  expect(withKeyStatements(user, [])).toEqual(user);
});

test('key statements alone make a policy of their own', () => {
  expect(withKeyStatements(undefined, [kms('Use')])).toEqual({ Version: '2012-10-17', Statement: [kms('Use')] });
});

test('key statements are appended after the user statements, merged among themselves', () => {
  const out = withKeyStatements(user, [kms('Use'), kms('Use', { ref: 'key-arn', key: 'b' })]);
  expect(out?.Statement).toEqual([
    user.Statement[0],
    kms('Use', [
      { ref: 'key-arn', key: 'a' },
      { ref: 'key-arn', key: 'b' },
    ]),
  ]);
});

test('a key statement the user already wrote is not added twice', () => {
  const mine: PolicyDocumentJson = { Version: '2012-10-17', Statement: [...user.Statement, kms('Use')] };
  expect(withKeyStatements(mine, [kms('Use')])).toEqual(mine);
});

test('a key statement whose Sid the user uses for something else is renamed, so Sids stay unique', () => {
  const taken: PolicyDocumentJson = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Use', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Sid: 'UseKms', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
    ],
  };
  expect(withKeyStatements(taken, [kms('Use')])?.Statement.map((s) => s.Sid)).toEqual(['Use', 'UseKms', 'UseKms2']);
});

test('the user policy Id is kept', () => {
  expect(withKeyStatements({ ...user, Id: 'mine' }, [kms('Use')])?.Id).toBe('mine');
});
