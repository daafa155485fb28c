import { policyJson } from '../../../src/emit/cdktf/private/policy-json';
import type { PolicyDocumentJson } from '../../../src/model/policy-types';

describe('policyJson', () => {
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
});
