/** renderPolicy: PolicyRefs become literal strings, for simulation and review. */
import { renderPolicy } from '../../src/policy/render';
import type { PolicyDocumentJson } from '../../src/model/policy-types';

const doc: PolicyDocumentJson = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'A',
      Effect: 'Allow',
      Principal: { AWS: [{ ref: 'key-arn', key: 'k' }, 'arn:aws:iam::1:root'] },
      Action: 'kms:Decrypt',
      Resource: [{ ref: 'key-arn-all-regions', key: 'k' }],
      Condition: {
        StringEquals: {
          'kms:EncryptionContext:aws:sso:instance-arn': { ref: 'instance-arn' },
          'kms:EncryptionContext:aws:identitystore:identitystore-arn': [{ ref: 'identity-store-arn' }],
        },
      },
    },
  ],
};

test('every kind of ref is replaced; all-Regions key ARNs get Region *', () => {
  const out = renderPolicy(doc, {
    keyArns: { k: 'arn:aws:kms:eu-west-1:111122223333:key/mrk-0123' },
    instanceArn: 'arn:aws:sso:::instance/ssoins-1',
    identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-1',
  });
  expect(out.Statement[0]).toEqual({
    Sid: 'A',
    Effect: 'Allow',
    Principal: { AWS: ['arn:aws:kms:eu-west-1:111122223333:key/mrk-0123', 'arn:aws:iam::1:root'] },
    Action: 'kms:Decrypt',
    Resource: ['arn:aws:kms:*:111122223333:key/mrk-0123'],
    Condition: {
      StringEquals: {
        'kms:EncryptionContext:aws:sso:instance-arn': 'arn:aws:sso:::instance/ssoins-1',
        'kms:EncryptionContext:aws:identitystore:identitystore-arn': ['arn:aws:identitystore::111122223333:identitystore/d-1'],
      },
    },
  });
});

test('fails if a ref has no value', () => {
  expect(() => renderPolicy(doc, { keyArns: { other: 'x' } })).toThrow("no value for policy ref 'key-arn' of key 'k'");
  expect(() => renderPolicy(doc, { keyArns: { k: 'arn:aws:kms:eu-west-1:1:key/x' } })).toThrow("no value for policy ref 'instance-arn'");
});
