/** One test per lint rule: a model that trips it and one that does not. */
import { lintModel } from '../../src/policy/lint';
import { LINT_RULES, type LintRule } from '../../src/model/policy-lint-rules';
import type { ResolvedModel } from '../../src/model/ir';
import type { PolicyDocumentJson } from '../../src/model/policy-types';
import { ADMIN, DELEGATED_ADMIN, key } from './support/fixtures';
import { editKeyPolicy, irFor, withKeys } from './support/ir';

/** A key that passes every rule: multi-Region, restricted to the instance, administrators. */
const clean = () =>
  irFor([
    key({
      multiRegion: true,
      policyProfile: 'least-privilege',
      useCases: [
        { 'identity-center-admins': { principals: [ADMIN] } },
        { 'delegated-admins': { principals: [DELEGATED_ADMIN] } },
        { 'managed-applications': {} },
        { 'restrict-to-instance': {} },
      ],
    }),
  ]);

const rulesOf = (ir: ResolvedModel) => lintModel(ir).map((f) => f.rule);
const dropSids =
  (...sids: string[]) =>
  (doc: PolicyDocumentJson): PolicyDocumentJson => ({ ...doc, Statement: doc.Statement.filter((s) => !sids.includes(s.Sid ?? '')) });

test('GIVEN the clean model THEN no rule fires, for either profile', () => {
  expect(lintModel(clean())).toEqual([]);
  const baseline = irFor([
    key({ policyProfile: 'baseline', useCases: [{ 'delegated-admins': { principals: [DELEGATED_ADMIN] } }, { 'restrict-to-instance': {} }] }),
  ]);
  expect(lintModel(baseline)).toEqual([]);
});

test('every rule has a test below', () => {
  const tested: LintRule[] = Object.keys(CASES) as LintRule[];
  expect(tested.sort()).toEqual(Object.keys(LINT_RULES).sort());
});

/** rule → a model that trips it (the clean model must not, checked above). */
const CASES: Record<LintRule, () => ResolvedModel> = {
  'key-admin-missing': () =>
    irFor([key({ administrators: [], policyProfile: 'least-privilege', useCases: [{ 'restrict-to-instance': {} }] })], { deployer: undefined }),
  'key-service-statements-missing': () => editKeyPolicy(clean(), dropSids('AllowIdentityStoreToUseTheKMSKey')),
  'principal-star-unconditioned': () =>
    editKeyPolicy(clean(), (doc) => ({
      ...doc,
      Statement: [
        ...doc.Statement,
        {
          Sid: 'Open',
          Effect: 'Allow',
          Principal: '*',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringLike: { 'kms:ViaService': 'sso.*.amazonaws.com' } },
        },
      ],
    })),
  'iam-unknown-action': () =>
    editKeyPolicy(clean(), (doc) => ({
      ...doc,
      Statement: [
        ...doc.Statement,
        { Sid: 'Typo', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrpyt', Resource: '*' },
      ],
    })),
  'iam-unknown-condition-key': () =>
    editKeyPolicy(clean(), (doc) => ({
      ...doc,
      Statement: [
        ...doc.Statement,
        {
          Sid: 'Typo',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgId2': 'o-a1b2c3d4e5' } },
        },
      ],
    })),
  'key-policy-too-large': () =>
    editKeyPolicy(clean(), (doc) => ({
      ...doc,
      Statement: [
        ...doc.Statement,
        {
          Sid: 'Big',
          Effect: 'Allow',
          Principal: { AWS: Array.from({ length: 1200 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`) },
          Action: 'kms:Decrypt',
          Resource: '*',
        },
      ],
    })),
  'identity-policy-too-large': () =>
    irFor(
      [
        key({
          multiRegion: true,
          policyProfile: 'least-privilege',
          useCases: [{ 'delegated-admins': { principals: [DELEGATED_ADMIN] } }, { 'restrict-to-instance': {} }],
        }),
      ],
      {
        inline: {
          DelegatedAdmin: {
            Version: '2012-10-17',
            Statement: Array.from({ length: 200 }, (_, i) => ({
              Sid: `S${i}`,
              Effect: 'Allow' as const,
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:::bucket-number-${i}/*`,
            })),
          },
        },
      },
    ),
  'policy-invalid': () => editKeyPolicy(clean(), (doc) => ({ ...doc, Statement: [...doc.Statement, { ...doc.Statement[0], Action: 'kms:DescribeKey' }] })),
  'key-single-region': () => irFor([key({ multiRegion: false, policyProfile: 'least-privilege', useCases: [{ 'restrict-to-instance': {} }] })]),
  'encryption-context-unrestricted': () => irFor([key({ policyProfile: 'least-privilege', useCases: [{ 'managed-applications': {} }] })]),
  'key-location': () => {
    const ir = clean();
    return { ...ir, identityCenter: { ...ir.identityCenter, encryptionKey: 'missing' } };
  },
  'key-deployer-missing': () =>
    irFor(
      [
        key({
          multiRegion: true,
          policyProfile: 'least-privilege',
          useCases: [{ 'identity-center-admins': { principals: [ADMIN] } }, { 'restrict-to-instance': {} }],
        }),
      ],
      { deployer: undefined },
    ),
  'key-admin-unassigned': () =>
    irFor(
      [
        key({
          multiRegion: true,
          policyProfile: 'least-privilege',
          useCases: [{ 'identity-center-admins': { principals: [ADMIN] } }, { 'restrict-to-instance': {} }],
        }),
      ],
      { assigned: [] },
    ),
};

test.each(Object.entries(CASES) as [LintRule, () => ResolvedModel][])('fails if the model trips %s (and only then)', (rule, model) => {
  const findings = lintModel(model());
  expect(findings.map((f) => f.rule)).toContain(rule);
  for (const f of findings.filter((x) => x.rule === rule)) {
    // key-admin-unassigned is a warning for use-case principals (its error case is tested below)
    if (!(rule === 'key-admin-unassigned' && f.severity === 'warning')) expect(f.severity).toBe(LINT_RULES[rule].severity);
    expect(f.message).toMatch(/^[^A-Z]/);
    expect(f.message).not.toMatch(/\.$/);
  }
});

describe('details', () => {
  test('key-admin-missing: a baseline key needs no administrators list (the management account root has kms:*)', () => {
    expect(rulesOf(irFor([key({ administrators: [], policyProfile: 'baseline', useCases: [{ 'restrict-to-instance': {} }] })]))).not.toContain(
      'key-admin-missing',
    );
  });

  test('key-admin-missing: kms:PutKeyPolicy only through a service does not count', () => {
    const ir = irFor(
      [
        key({
          administrators: [],
          policyProfile: 'least-privilege',
          useCases: [{ 'identity-center-admins': { principals: [ADMIN] } }, { 'restrict-to-instance': {} }],
        }),
      ],
      { deployer: undefined },
    );
    expect(rulesOf(ir)).toContain('key-admin-missing');
  });

  test('key-admin-missing: the deployer alone is an administrator', () => {
    expect(rulesOf(irFor([key({ administrators: [], policyProfile: 'least-privilege', useCases: [{ 'restrict-to-instance': {} }] })]))).not.toContain(
      'key-admin-missing',
    );
  });

  test('key-deployer-missing: least-privilege only, and a role or account root administrator in the management account will do', () => {
    const lp = (administrators: NonNullable<Parameters<typeof key>[0]>['administrators'], policyProfile: 'baseline' | 'least-privilege' = 'least-privilege') =>
      rulesOf(irFor([key({ administrators, policyProfile, useCases: [{ 'restrict-to-instance': {} }] })], { deployer: undefined }));
    expect(lp([ADMIN])).toContain('key-deployer-missing');
    expect(lp([{ role: 'arn:aws:iam::444455556666:role/Ci' }])).toContain('key-deployer-missing');
    expect(lp([{ role: 'arn:aws:iam::111122223333:role/Ci' }])).not.toContain('key-deployer-missing');
    expect(lp([{ accountRoot: 'management' }])).not.toContain('key-deployer-missing');
    expect(lp([ADMIN], 'baseline')).not.toContain('key-deployer-missing');
    expect(
      lintModel(irFor([key({ administrators: [ADMIN], policyProfile: 'least-privilege' })], { deployer: undefined })).find(
        (f) => f.rule === 'key-deployer-missing',
      )?.message,
    ).toBe(
      "key 'idc' (least-privilege) names no deployer and no role or account root administrator in the management account management, so the role that runs terraform could not apply its key policy again (kms lockout check) nor read the key; set deployment.deployer: arn:aws:iam::111122223333:role/<the role that runs terraform>",
    );
  });

  test('key-deployer-missing: a baseline key with the deletion guard on needs the deployer too (the guard denies kms:PutKeyPolicy to every principal it does not name)', () => {
    const baseline = (administrators: NonNullable<Parameters<typeof key>[0]>['administrators'], deletionGuard: boolean, deployer?: string) =>
      lintModel(irFor([key({ administrators, policyProfile: 'baseline', deletionGuard, useCases: [{ 'restrict-to-instance': {} }] })], { deployer }));
    expect(baseline([ADMIN], true).find((f) => f.rule === 'key-deployer-missing')?.message).toBe(
      "key 'idc' (baseline with deletionGuard) names no deployer and no role or account root administrator in the management account management, so its deletion guard would deny the role that runs terraform kms:PutKeyPolicy and kms lockout check refuses the policy; set deployment.deployer: arn:aws:iam::111122223333:role/<the role that runs terraform>",
    );
    expect(baseline([], true).map((f) => f.rule)).toContain('key-deployer-missing');
    expect(baseline([{ role: 'arn:aws:iam::111122223333:role/Ci' }], true).map((f) => f.rule)).not.toContain('key-deployer-missing');
    expect(baseline([ADMIN], true, 'arn:aws:iam::111122223333:role/Deployer').map((f) => f.rule)).not.toContain('key-deployer-missing');
    expect(baseline([ADMIN], false).map((f) => f.rule)).not.toContain('key-deployer-missing');
  });

  test('key-admin-unassigned: an error for an administrator, a warning for a use-case principal, once per permission set and account', () => {
    const ir = irFor(
      [
        key({
          policyProfile: 'baseline',
          useCases: [{ 'identity-center-admins': { principals: [ADMIN] } }, { 'ec2-windows-sso': { principals: [ADMIN, DELEGATED_ADMIN] } }],
        }),
      ],
      {
        assigned: [['DelegatedAdmin', 'delegated']],
      },
    );
    expect(lintModel(ir).filter((f) => f.rule === 'key-admin-unassigned')).toEqual([
      {
        rule: 'key-admin-unassigned',
        severity: 'error',
        keyName: 'idc',
        message:
          "key 'idc' administrator permission set Admin in management is not assigned in management: identity center creates its AWSReservedSSO_Admin_ role only while it is assigned there (and deletes it with the last assignment), so it administers nothing; assign it there (assignments: [{ group, permissionSet: Admin, accounts: [management] }]) or name another administrator",
      },
      {
        rule: 'key-admin-unassigned',
        severity: 'warning',
        keyName: 'idc',
        message:
          "key 'idc' use case identity-center-admins principal permission set Admin in management is not assigned in management: identity center creates its AWSReservedSSO_Admin_ role only while it is assigned there (and deletes it with the last assignment), so the grant reaches nobody; assign it there or remove the principal",
      },
    ]);
    // assigned in another account than the one the key names is no assignment
    expect(rulesOf(irFor([key({ policyProfile: 'baseline' })], { assigned: [['Admin', 'workload']] }))).toContain('key-admin-unassigned');
    expect(rulesOf(irFor([key({ policyProfile: 'baseline' })], { assigned: [['Admin', 'management']] }))).not.toContain('key-admin-unassigned');
  });

  test('key-service-statements-missing names the service and the missing actions', () => {
    const f = lintModel(CASES['key-service-statements-missing']()).find((x) => x.rule === 'key-service-statements-missing');
    expect(f?.message).toContain('identitystore.amazonaws.com kms:Decrypt, kms:ReEncryptTo, kms:ReEncryptFrom, kms:GenerateDataKeyWithoutPlaintext');
    expect(f?.keyName).toBe('idc');
  });

  test('principal-star-unconditioned: the documented org-scoped "*" statements pass, a wildcard org value does not', () => {
    expect(
      rulesOf(
        irFor([
          key({
            policyProfile: 'least-privilege',
            useCases: [{ 'managed-application-admins': null }, { 'managed-applications': {} }, { 'restrict-to-instance': {} }],
          }),
        ]),
      ),
    ).not.toContain('principal-star-unconditioned');
    const wildcard = editKeyPolicy(clean(), (doc) => ({
      ...doc,
      Statement: [
        ...doc.Statement,
        { Sid: 'AnyOrg', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringLike: { 'aws:PrincipalOrgID': 'o-*' } } },
      ],
    }));
    expect(rulesOf(wildcard)).toContain('principal-star-unconditioned');
  });

  test('iam-unknown-action checks permission set inline policies too, and accepts wildcards that match', () => {
    const ir = irFor([key({ multiRegion: true, useCases: [{ 'restrict-to-instance': {} }] })], {
      inline: { ReadOnly: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 'sso:Describe*', 's3:Fly*'], Resource: '*' }] } },
    });
    const found = lintModel(ir).filter((f) => f.rule === 'iam-unknown-action');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ permissionSet: 'ReadOnly' });
    expect(found[0].message).toContain("'s3:Fly*'");
  });

  test('key-location: a replica in the identity center region, or services of another account', () => {
    const ir = clean();
    const replica = withKeys(ir, [{ ...ir.keys[0], replicaRegions: ['us-west-2'] }]);
    expect(rulesOf(replica)).toContain('key-location');
    const foreign = editKeyPolicy(ir, (doc) =>
      JSON.parse(JSON.stringify(doc).split('"aws:SourceAccount":"111122223333"').join('"aws:SourceAccount":"999988887777"')),
    );
    expect(lintModel(foreign).find((f) => f.rule === 'key-location')?.message).toContain('999988887777');
  });

  test('encryption-context-unrestricted: the baseline is unrestricted until restrict-to-instance is listed', () => {
    expect(rulesOf(irFor([key({ policyProfile: 'baseline' })]))).toContain('encryption-context-unrestricted');
    expect(rulesOf(irFor([key({ policyProfile: 'baseline', useCases: [{ 'restrict-to-instance': {} }] })]))).not.toContain('encryption-context-unrestricted');
  });
});

test('policy-invalid: a hand-written inline policy mixing Action and NotAction is reported, not thrown', () => {
  const ir = irFor([key({ multiRegion: true, policyProfile: 'baseline', useCases: [{ 'restrict-to-instance': {} }] })], {
    inline: {
      ReadOnly: { Version: '2012-10-17', Statement: [{ Sid: 'Both', Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' }] },
    },
  });
  expect(lintModel(ir)).toEqual([
    {
      rule: 'policy-invalid',
      severity: 'error',
      message: "permission set 'ReadOnly' inline policy: statement 'Both' cannot mix NotAction with Action",
      permissionSet: 'ReadOnly',
    },
  ]);
});
