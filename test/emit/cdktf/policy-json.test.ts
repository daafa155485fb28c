import { escapeTemplate, policyJson } from '../../../src/emit/cdktf/private/policy-json';
import type { PolicyDocumentJson } from '../../../src/policy/types';

describe('policyJson', () => {
  test('escapes IAM policy variables so Terraform does not interpolate them', () => {
    // GIVEN a condition with ${aws:ResourceAccount} and a resource with ${aws:username}
    const doc: PolicyDocumentJson = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::home/${aws:username}/*',
          Condition: { StringEquals: { 'aws:SourceAccount': '${aws:ResourceAccount}' } },
        },
      ],
    };
    // WHEN rendered
    const text = policyJson(doc, () => 'unused');
    // THEN every ${ is doubled, and nothing else changes
    expect(text).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",' +
        '"Resource":"arn:aws:s3:::home/$${aws:username}/*",' +
        '"Condition":{"StringEquals":{"aws:SourceAccount":"$${aws:ResourceAccount}"}}}]}',
    );
  });

  test('renders PolicyRefs through the resolver, unescaped, wherever they appear', () => {
    const doc: PolicyDocumentJson = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: [{ ref: 'instance-arn' }] },
          Action: 'kms:Decrypt',
          Resource: [{ ref: 'key-arn', key: 'k1' }, 'arn:aws:kms:eu-west-1:1:key/x'],
          Condition: { StringEquals: { 'kms:EncryptionContext:aws:sso:instance-arn': { ref: 'instance-arn' } } },
        },
      ],
    };
    const text = policyJson(doc, (ref) => '${' + `${ref.ref}.${ref.key ?? '-'}` + '}');
    expect(JSON.parse(text)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['${instance-arn.-}'] },
          Action: 'kms:Decrypt',
          Resource: ['${key-arn.k1}', 'arn:aws:kms:eu-west-1:1:key/x'],
          Condition: { StringEquals: { 'kms:EncryptionContext:aws:sso:instance-arn': '${instance-arn.-}' } },
        },
      ],
    });
  });

  test('keeps the key order of the IR', () => {
    const doc = { Statement: [{ Resource: '*', Effect: 'Allow', Action: 'a:b' }], Version: '2012-10-17' };
    expect(policyJson(doc as unknown as PolicyDocumentJson, () => '')).toBe(
      '{"Statement":[{"Resource":"*","Effect":"Allow","Action":"a:b"}],"Version":"2012-10-17"}',
    );
  });

  test.each([
    ['${aws:username}', '$${aws:username}'],
    ['%{if x}', '%%{if x}'],
    ['a ${x} b ${y}', 'a $${x} b $${y}'],
    ['$ { not a template', '$ { not a template'],
    ['$${already}', '$$${already}'],
  ])('escapeTemplate(%j) is %j', (input, expected) => {
    expect(escapeTemplate(input)).toBe(expected);
  });
});
