/** administratorAccessReasons: administrator-equivalent access decided from policy contents. */
import type { ResolvedPermissionSet } from '../../src/model/ir';
import { administratorAccessReasons } from '../../src/policy/admin-access';
import type { PolicyDocumentJson, StatementJson } from '../../src/model/policy-types';

const ps = (over: Partial<ResolvedPermissionSet> = {}): ResolvedPermissionSet => ({
  name: 'Any',
  sessionDuration: 'PT1H',
  tags: {},
  managedPolicyArns: [],
  customerManagedPolicies: [],
  ...over,
});
const inline = (...Statement: StatementJson[]): PolicyDocumentJson => ({ Version: '2012-10-17', Statement });
const managed = (name: string): string => `arn:aws:iam::aws:policy/${name}`;

test.each<[string, ResolvedPermissionSet, string[]]>([
  [
    'AdministratorAccess',
    ps({ managedPolicyArns: [managed('AdministratorAccess')] }),
    ['aws managed policy AdministratorAccess allows every action on every resource'],
  ],
  [
    'AdministratorAccess in another partition',
    ps({ managedPolicyArns: ['arn:aws-us-gov:iam::aws:policy/AdministratorAccess'] }),
    ['aws managed policy AdministratorAccess allows every action on every resource'],
  ],
  [
    'IAMFullAccess (iam:*)',
    ps({ managedPolicyArns: [managed('IAMFullAccess')] }),
    [
      expect.stringMatching(
        /^aws managed policy IAMFullAccess allows iam:AttachGroupPolicy, .*iam:UpdateAssumeRolePolicy \(iam permissions management\) on every resource$/,
      ) as unknown as string,
    ],
  ],
  [
    'an inline Allow of * on *',
    ps({ inlinePolicy: inline({ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }) }),
    ["inline policy statement 'All' allows every action on every resource"],
  ],
  [
    'an inline Allow of everything but S3 (NotAction)',
    ps({ inlinePolicy: inline({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }) }),
    [expect.stringMatching(/^inline policy allows iam:AttachGroupPolicy, /) as unknown as string],
  ],
  [
    'a customer managed policy written in the model',
    ps({ customerManagedPolicies: [{ name: 'Ops', path: '/' }] }),
    ['customer managed policy /Ops allows iam:PutRolePolicy (iam permissions management) on every resource'],
  ],
])('%s is administrator-equivalent', (_name, set, reasons) => {
  const docs = new Map([['/Ops', inline({ Effect: 'Allow', Action: ['iam:PutRolePolicy', 's3:GetObject'], Resource: '*' })]]);
  expect(administratorAccessReasons(set, docs)).toEqual(reasons);
});

test.each<[string, ResolvedPermissionSet]>([
  ['a permission set called Admin with ReadOnlyAccess', ps({ name: 'Admin', managedPolicyArns: [managed('ReadOnlyAccess')] })],
  ['PowerUserAccess (contents not in the model)', ps({ managedPolicyArns: [managed('PowerUserAccess')] })],
  ['a look-alike managed policy at another path', ps({ managedPolicyArns: ['arn:aws:iam::aws:policy/job-function/AdministratorAccess'] })],
  [
    'everything but IAM and Organizations (NotAction, as PowerUserAccess)',
    ps({ inlinePolicy: inline({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }) }),
  ],
  [
    'AdministratorAccess with an inline Deny of iam:*',
    ps({ managedPolicyArns: [managed('AdministratorAccess')], inlinePolicy: inline({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }) }),
  ],
  [
    'AdministratorAccess capped by a PowerUserAccess boundary',
    ps({ managedPolicyArns: [managed('AdministratorAccess')], permissionsBoundary: { managedPolicyArn: managed('PowerUserAccess') } }),
  ],
  [
    'AdministratorAccess capped by a customer managed boundary without IAM writes',
    ps({ managedPolicyArns: [managed('AdministratorAccess')], permissionsBoundary: { customerManagedPolicy: { name: 'Ops', path: '/' } } }),
  ],
  [
    'iam:PutRolePolicy on one role',
    ps({ inlinePolicy: inline({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: 'arn:aws:iam::111111111111:role/App' }) }),
  ],
  [
    'iam:PutRolePolicy under a condition',
    ps({
      inlinePolicy: inline({
        Effect: 'Allow',
        Action: 'iam:PutRolePolicy',
        Resource: '*',
        Condition: { StringEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::111111111111:policy/B' } },
      }),
    }),
  ],
  ['read-only IAM', ps({ inlinePolicy: inline({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }) })],
])('%s is not administrator-equivalent', (_name, set) => {
  const docs = new Map([['/Ops', inline({ Effect: 'Allow', Action: 's3:*', Resource: '*' })]]);
  expect(administratorAccessReasons(set, docs)).toEqual([]);
});

test('a boundary that itself allows IAM writes lets them through', () => {
  const set = ps({ managedPolicyArns: [managed('AdministratorAccess')], permissionsBoundary: { managedPolicyArn: managed('AdministratorAccess') } });
  expect(administratorAccessReasons(set)).toEqual(['aws managed policy AdministratorAccess allows every action on every resource']);
});
