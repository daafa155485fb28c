/**
 * The AWS managed policy KMS catalog (src/policy/catalog/aws-managed-kms.json, read through
 * aws-managed-kms.ts): checked by hand
 * against the documents quoted in shared/reference/identity-center-cmk.md §6 and AWS's policy
 * reference, and — when the source package is at hand (IDCGEN_MANAGED_POLICIES, see
 * test/support/aws-managed-kms.ts) — regenerated from it and compared byte for byte.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AWS_MANAGED_KMS, AWS_MANAGED_POLICY_SOURCE, AWS_MANAGED_WITHOUT_KMS } from '../../src/policy/catalog/aws-managed-kms';
import { extract, kmsPart, render } from '../support/aws-managed-kms';

const CATALOG = path.join(__dirname, '../../src/policy/catalog/aws-managed-kms.json');

test('AdministratorAccess allows every action, so kms:* on every resource', () => {
  expect(AWS_MANAGED_KMS.AdministratorAccess).toEqual([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]);
});

test('PowerUserAccess (NotAction iam:*, organizations:*, account:*) leaves all of KMS', () => {
  expect(AWS_MANAGED_KMS.PowerUserAccess).toEqual([{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }]);
});

test('AWSSSOMasterAccountAdministrator: the three KMS statements identity-center-cmk.md §6 quotes', () => {
  expect(AWS_MANAGED_KMS.AWSSSOMasterAccountAdministrator).toEqual(
    expect.arrayContaining([
      {
        Effect: 'Allow',
        Action: ['kms:GenerateDataKeyWithoutPlaintext', 'kms:Encrypt', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringLike: { 'kms:ViaService': 'sso.*.amazonaws.com', 'kms:EncryptionContext:aws:sso:instance-arn': '*' } },
      },
      {
        Effect: 'Allow',
        Action: ['kms:GenerateDataKeyWithoutPlaintext', 'kms:Encrypt', 'kms:Decrypt'],
        Resource: '*',
        Condition: { StringLike: { 'kms:ViaService': 'identitystore.*.amazonaws.com', 'kms:EncryptionContext:aws:identitystore:identitystore-arn': '*' } },
      },
      { Effect: 'Allow', Action: ['kms:ListAliases', 'kms:DescribeKey'], Resource: '*' },
    ]),
  );
});

test('ReadOnlyAccess reads KMS (Describe*, Get*, List*) and may change nothing', () => {
  const actions = AWS_MANAGED_KMS.ReadOnlyAccess.flatMap((s) => ([] as string[]).concat(s.Action ?? []));
  expect(actions.every((a) => /^kms:(Describe|Get|List)/.test(a))).toBe(true);
});

test('a policy with no KMS statement is listed as such, and no policy is in both lists', () => {
  expect(AWS_MANAGED_WITHOUT_KMS.has('AmazonS3ReadOnlyAccess')).toBe(true);
  expect([...AWS_MANAGED_WITHOUT_KMS].filter((n) => n in AWS_MANAGED_KMS)).toEqual([]);
});

test('kmsPart keeps only the KMS side of a statement', () => {
  const kms = ['Decrypt', 'Encrypt', 'PutKeyPolicy'];
  expect(kmsPart({ Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' }, kms)).toEqual({
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: '*',
  });
  expect(kmsPart({ Effect: 'Allow', NotAction: ['kms:Put*'], Resource: '*' }, kms)).toEqual({
    Effect: 'Allow',
    Action: ['kms:Decrypt', 'kms:Encrypt'],
    Resource: '*',
  });
  expect(kmsPart({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, kms)).toBeUndefined();
});

const packageDir = process.env.IDCGEN_MANAGED_POLICIES;
(packageDir ? test : test.skip)('the catalog is what the source package gives (IDCGEN_MANAGED_POLICIES)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageDir as string, 'package.json'), 'utf8')) as { name: string; version: string };
  const source = { package: pkg.name, version: pkg.version, integrity: process.env.IDCGEN_MANAGED_POLICIES_INTEGRITY ?? AWS_MANAGED_POLICY_SOURCE.integrity };
  const text = render(extract(packageDir as string), source);
  if (process.env.IDCGEN_UPDATE_CATALOG === '1') fs.writeFileSync(CATALOG, text);
  expect(fs.readFileSync(CATALOG, 'utf8')).toBe(text);
});
