/** The test oracle's comparator: equal exactly when AWS would read two policies the same way. */
import { normalizePolicyJson } from './support/policy-json';
import type { Json } from '../support/json';

const base = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'A',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::1:root', 'arn:aws:iam::2:root'] },
      Action: ['kms:Decrypt', 'kms:Encrypt'],
      Resource: '*',
      Condition: { StringLike: { 'kms:ViaService': ['a', 'b'] } },
    },
    { Sid: 'B', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' },
  ],
};

test('statement order, set order and scalar-vs-one-element-array do not matter', () => {
  const reordered = {
    Statement: [
      { Sid: 'B', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt'], Resource: ['*'] },
      {
        Resource: '*',
        Condition: { StringLike: { 'kms:ViaService': ['b', 'a'] } },
        Action: ['kms:Encrypt', 'kms:Decrypt'],
        Principal: { AWS: ['arn:aws:iam::2:root', 'arn:aws:iam::1:root'] },
        Effect: 'Allow',
        Sid: 'A',
      },
    ],
    Version: '2012-10-17',
  };
  expect(normalizePolicyJson(reordered)).toEqual(normalizePolicyJson(base));
});

test.each([
  ['an action', (s: Json) => (s.Statement[0].Action = ['kms:Decrypt'])],
  ['a principal', (s: Json) => (s.Statement[0].Principal.AWS = 'arn:aws:iam::1:root')],
  ['a condition value', (s: Json) => (s.Statement[0].Condition.StringLike['kms:ViaService'] = ['a'])],
  ['a condition operator', (s: Json) => (s.Statement[0].Condition = { StringEquals: { 'kms:ViaService': ['a', 'b'] } })],
  ['a sid', (s: Json) => (s.Statement[1].Sid = 'C')],
  ['the principal "*"', (s: Json) => (s.Statement[1].Principal = { AWS: '*' })],
])('fails if %s differs', (_, mutate) => {
  const changed = JSON.parse(JSON.stringify(base));
  mutate(changed);
  expect(normalizePolicyJson(changed)).not.toEqual(normalizePolicyJson(base));
});
