/** Statement merging (merge-statements.ts rules), in the assertMerged / assertNoMerge style. */
import { mergeStatements } from '../../src/policy/private/merge-statements';
import type { StatementJson } from '../../src/model/policy-types';

function assertMerged(input: StatementJson[], expected: StatementJson[]): void {
  expect(mergeStatements(input)).toEqual(expected);
}
function assertNoMerge(input: StatementJson[]): void {
  expect(mergeStatements(input)).toEqual(input);
}

const decrypt = (resource: string, extra: Partial<StatementJson> = {}): StatementJson => ({
  Sid: 'Use',
  Effect: 'Allow',
  Action: 'kms:Decrypt',
  Resource: resource,
  ...extra,
});

test('identical statements are removed by their JSON text, whatever the key order', () => {
  assertMerged([decrypt('a'), { Resource: 'a', Action: 'kms:Decrypt', Effect: 'Allow', Sid: 'Use' }], [decrypt('a')]);
});

test('same Sid, actions and conditions: resources are unioned and sorted', () => {
  assertMerged([decrypt('b'), decrypt('a')], [decrypt('a', { Resource: ['a', 'b'] })]);
});

test('same Sid and resources: actions are unioned and sorted', () => {
  assertMerged(
    [decrypt('a'), { ...decrypt('a'), Action: ['kms:Encrypt', 'kms:DescribeKey'] }],
    [decrypt('a', { Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt'] })],
  );
});

test('key-policy statements with equal actions and resources: AWS principals are unioned', () => {
  const p = (arn: string): StatementJson => ({ Effect: 'Allow', Principal: { AWS: arn }, Action: 'kms:Decrypt', Resource: '*' });
  assertMerged(
    [p('arn:aws:iam::2:root'), p('arn:aws:iam::1:root')],
    [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::1:root', 'arn:aws:iam::2:root'] }, Action: 'kms:Decrypt', Resource: '*' }],
  );
});

test('refs merge with strings and sort after them', () => {
  assertMerged([decrypt('*'), { ...decrypt('*'), Resource: { ref: 'key-arn', key: 'k' } }], [decrypt('*', { Resource: ['*', { ref: 'key-arn', key: 'k' }] })]);
});

test('merging repeats until nothing changes', () => {
  assertMerged(
    [decrypt('a'), { ...decrypt('b'), Action: 'kms:Encrypt' }, decrypt('b'), { ...decrypt('a'), Action: 'kms:Encrypt' }],
    [decrypt('a', { Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: ['a', 'b'] })],
  );
});

test.each([
  ['different Sids', [decrypt('a'), decrypt('b', { Sid: 'Other' })]],
  ['a Sid and none', [decrypt('a'), decrypt('b', { Sid: undefined })]],
  ['different effects', [decrypt('a'), decrypt('b', { Effect: 'Deny' })]],
  ['different conditions', [decrypt('a'), decrypt('b', { Condition: { StringLike: { 'kms:ViaService': 'sso.*.amazonaws.com' } } })]],
  ['only one of three sets equal', [decrypt('a'), decrypt('b', { Action: 'kms:Encrypt' })]],
  [
    'NotAction',
    [
      { Sid: 'Use', Effect: 'Allow', NotAction: 'kms:Decrypt', Resource: 'a' } as StatementJson,
      { Sid: 'Use', Effect: 'Allow', NotAction: 'kms:Decrypt', Resource: 'b' } as StatementJson,
    ],
  ],
  [
    'NotResource',
    [
      { Sid: 'Use', Effect: 'Allow', Action: 'kms:Decrypt', NotResource: 'a' } as StatementJson,
      { Sid: 'Use', Effect: 'Allow', Action: 'kms:Decrypt', NotResource: 'b' } as StatementJson,
    ],
  ],
  [
    '"*" and a named principal',
    [
      { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' } as StatementJson,
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'kms:Decrypt', Resource: '*' } as StatementJson,
    ],
  ],
])('does not merge statements with %s', (_, input) => {
  assertNoMerge(input as StatementJson[]);
});
