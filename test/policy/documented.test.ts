/**
 * Every catalog statement equals the AWS-documented JSON (vectors/, copied from the reference)
 * for the documented example inputs, compared as parsed JSON (normalizePolicyJson).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PolicyDocumentJson, StatementJson } from '../../src/model/policy-types';
import { renderPolicy } from '../../src/policy/render';
import {
  launchPostAppAdminIdentityStatement,
  launchPostKeyPolicyStatements,
  launchPostManagedAppStatements,
  LAUNCH_POST_KEY_POLICY_ID,
} from '../../src/policy/catalog/launch-post';
import { PolicyDocument } from '../../src/policy/document';
import { DELETION_GUARD_SID } from '../../src/policy/catalog/deletion-guard';
import { normalizePolicyJson } from './support/policy-json';
import { ADMIN, buildOne, context, DELEGATED_ADMIN, DELEGATED_ID, KEY_ARN, key, MGMT_ID, MRK_ARN, WORKLOAD_ID } from './support/fixtures';

function vector(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'vectors', `${name}.json`), 'utf8'));
}

function statements(doc: PolicyDocumentJson, sids: readonly string[]): StatementJson[] {
  return doc.Statement.filter((s) => s.Sid !== undefined && sids.includes(s.Sid));
}

function sidsOf(v: unknown): string[] {
  return (v as PolicyDocumentJson).Statement.map((s) => s.Sid as string);
}

const render = (doc: PolicyDocumentJson, keyArn = KEY_ARN) => renderPolicy(doc, { keyArns: { idc: keyArn } });

/**
 * A documented identity policy as idcgen writes it into a permission set's inline policy: each
 * statement also requires the account the model named the permission set in (aws:PrincipalAccount),
 * because the inline policy is the same in every account the permission set is provisioned in.
 */
const inAccount = (doc: unknown, accountId: string) => {
  const d = doc as PolicyDocumentJson;
  return {
    ...d,
    Statement: d.Statement.map((st) => ({
      ...st,
      Condition: { ...st.Condition, StringEquals: { ...st.Condition?.StringEquals, 'aws:PrincipalAccount': accountId } },
    })),
  };
};

describe('G3 baseline (identity-center-cmk.md §2)', () => {
  test('§2.1: baseline key policy with a delegated administrator and managed applications equals the documented policy', () => {
    // GIVEN the docs' scenario: Identity Center in 111122223333, delegated administration in 444455556666
    const { key: k } = buildOne(
      key({
        policyProfile: 'baseline',
        useCases: [
          { 'identity-center-admins': { principals: [ADMIN] } },
          { 'delegated-admins': { principals: [DELEGATED_ADMIN] } },
          { 'managed-applications': {} },
        ],
      }),
    );
    // THEN the key policy is the documented five statements, nothing more
    expect(normalizePolicyJson(k.keyPolicy)).toEqual(normalizePolicyJson(vector('g3-2.1-key-policy')));
    expect(k.statementSources.map((s) => s.sid)).toEqual(k.keyPolicy.Statement.map((s) => s.Sid));
  });

  test('§2.2: identity policy of a delegated administrator role equals the documented policy, key ARN covering all replicas', () => {
    const { key: k } = buildOne(
      key({
        multiRegion: true,
        policyProfile: 'baseline',
        useCases: [{ 'delegated-admins': { principals: [{ role: `arn:aws:iam::444455556666:role/IdcDelegatedAdmin` }] } }],
      }),
    );
    expect(k.identityPolicies).toHaveLength(1);
    expect(k.identityPolicies[0]).toMatchObject({ accountName: 'delegated', attachToRoles: ['IdcDelegatedAdmin'], useCases: ['delegated-admins'] });
    // The docs write the all-replicas ARN with Region `*`: render the primary key's ARN through the ref.
    expect(normalizePolicyJson(render(k.identityPolicies[0].document, MRK_ARN))).toEqual(normalizePolicyJson(vector('g3-2.2-identity-policy')));
  });

  test('§2.2: a delegated-admin permission set gets the same statements in its inline policy', () => {
    const r = buildOne(key({ policyProfile: 'baseline', useCases: [{ 'delegated-admins': { principals: [DELEGATED_ADMIN] } }] }));
    const doc: PolicyDocumentJson = { Version: '2012-10-17', Statement: r.permissionSetStatements.get('DelegatedAdmin') ?? [] };
    expect(normalizePolicyJson(render(doc, MRK_ARN))).toEqual(normalizePolicyJson(inAccount(vector('g3-2.2-identity-policy'), DELEGATED_ID)));
  });

  test('§2.3: restrict-to-instance adds the documented encryption-context conditions, one service per statement', () => {
    const { key: k } = buildOne(key({ policyProfile: 'baseline', useCases: [{ 'managed-applications': {} }, { 'restrict-to-instance': {} }] }));
    const sso = vector('advanced-restrict-instance-sso-condition') as { StringEquals: Record<string, string> };
    const store = vector('advanced-restrict-instance-identitystore-condition') as { StringEquals: Record<string, string> };
    // GIVEN the docs' instance and identity store (fixtures) THEN the conditions carry exactly the documented values
    for (const sid of ['AllowOrgPrincipalsViaIdentityCenter', 'AllowManagedAppsViaIdentityCenter']) {
      const s = k.keyPolicy.Statement.find((x) => x.Sid === sid);
      expect(s?.Condition?.StringEquals).toMatchObject(sso.StringEquals);
      expect(s?.Condition?.StringLike).toEqual({ 'kms:ViaService': 'sso.*.amazonaws.com' });
    }
    for (const sid of ['AllowOrgPrincipalsViaIdentityStore', 'AllowManagedAppsViaIdentityStore']) {
      const s = k.keyPolicy.Statement.find((x) => x.Sid === sid);
      expect(s?.Condition?.StringEquals).toMatchObject(store.StringEquals);
      expect(s?.Condition?.StringLike).toEqual({ 'kms:ViaService': 'identitystore.*.amazonaws.com' });
    }
    expect(k.keyPolicy.Statement.map((s) => s.Sid)).not.toContain('AllowOrgPrincipalsViaIdentityCenterAndIdentityStore');
  });
});

describe('advanced statements (identity-center-cmk.md §2.3)', () => {
  test.each(['baseline', 'least-privilege'] as const)('%s: read-only administrators of the instance equal the documented statements', (profile) => {
    const { key: k } = buildOne(
      key({ policyProfile: profile, useCases: [{ 'read-only-admins': { principals: [{ role: `arn:aws:iam::${MGMT_ID}:role/MyAdminRole` }] } }] }),
    );
    const v = vector('advanced-read-only');
    expect(normalizePolicyJson(statements(k.keyPolicy, sidsOf(v)))).toEqual(normalizePolicyJson((v as PolicyDocumentJson).Statement));
  });

  test.each([
    ['by account', 'advanced-apps-by-account', { servicePrincipals: ['myapp.amazonaws.com'], sourceAccounts: ['management', 'delegated'] }],
    [
      'by application instance',
      'advanced-apps-by-instance',
      { servicePrincipals: ['myapp.amazonaws.com'], sourceArns: ['arn:aws:myapp:us-east-1:111122223333:application/my-application'] },
    ],
  ])('restrict-managed-applications %s equals the documented statements, without the organization-wide ones', (_, name, config) => {
    for (const profile of ['baseline', 'least-privilege'] as const) {
      const { key: k } = buildOne(key({ policyProfile: profile, useCases: [{ 'restrict-managed-applications': config }] }));
      const v = vector(name) as PolicyDocumentJson;
      expect(normalizePolicyJson(statements(k.keyPolicy, sidsOf(v)))).toEqual(normalizePolicyJson(v.Statement));
      expect(k.keyPolicy.Statement.map((s) => s.Sid)).not.toEqual(expect.arrayContaining(['AllowManagedApps']));
      expect(k.keyPolicy.Statement.map((s) => s.Sid)).not.toEqual(expect.arrayContaining(['AllowManagedAppsToUseTheKMSKeyViaIdentityCenter']));
    }
  });
});

describe('G2 per-use-case statements (identity-center-cmk.md §3)', () => {
  const lp = (useCases: NonNullable<Parameters<typeof key>[0]>['useCases'], extra: Parameters<typeof key>[0] = {}) =>
    buildOne(key({ policyProfile: 'least-privilege', multiRegion: false, useCases, ...extra }), undefined);

  test('§3.1: administrators and services equal the documented six statements (docs Region segment removed for us-east-1)', () => {
    const r = buildOne(
      key({
        policyProfile: 'least-privilege',
        useCases: [{ 'identity-center-admins': { principals: [ADMIN] } }, { 'delegated-admins': { principals: [DELEGATED_ADMIN] } }],
      }),
      context({ region: 'us-east-1' }),
    );
    // The docs show `/us-east-1/` in permission-set role ARNs, but in us-east-1 those ARNs have no
    // Region segment (referencingpermissionsets.html), and idcgen follows that page. The docs' `_*`
    // suffix also matches the roles of `<name>_<anything>`; idcgen matches the 16-character suffix.
    const expected = JSON.parse(
      JSON.stringify(vector('g2-3.1-service-and-admins'))
        .split('sso.amazonaws.com/us-east-1/')
        .join('sso.amazonaws.com/')
        .replace(/(AWSReservedSSO_[A-Za-z]+)_\*/g, `$1_${'?'.repeat(16)}`),
    );
    const v = expected as PolicyDocumentJson;
    expect(normalizePolicyJson(statements(r.key.keyPolicy, sidsOf(v)))).toEqual(normalizePolicyJson(v.Statement));
    // The only other statements are idcgen's key administration (G2 has none) and the deletion guard.
    expect(r.key.keyPolicy.Statement.map((s) => s.Sid).filter((s) => !sidsOf(v).includes(s as string))).toEqual(['KeyAdministration', DELETION_GUARD_SID]);
  });

  test('§3.1 in another Region: permission-set role patterns carry the Region segment', () => {
    const r = buildOne(key({ policyProfile: 'least-privilege', useCases: [{ 'identity-center-admins': { principals: [ADMIN] } }] }));
    const s = r.key.keyPolicy.Statement.find((x) => x.Sid === 'AllowIAMIdentityCenterAdminToDescribeTheKMSKey');
    expect(s?.Condition?.ArnLike).toEqual({
      'aws:PrincipalArn': `arn:aws:iam::${MGMT_ID}:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_Admin_????????????????`,
    });
  });

  test('§3.2: identity policy of a delegated administrator role equals the documented policy', () => {
    const { key: k } = lp([{ 'delegated-admins': { principals: [{ role: 'arn:aws:iam::444455556666:role/IdcAdmin' }] } }]);
    expect(normalizePolicyJson(render(k.identityPolicies[0].document))).toEqual(normalizePolicyJson(vector('g2-3.2-delegated-admin-identity')));
  });

  test('§3.3: managed applications and their administrators (no principals listed) equal the documented four statements', () => {
    const { key: k } = lp([{ 'managed-application-admins': null }, { 'managed-applications': {} }]);
    const v = vector('g2-3.3-managed-apps') as PolicyDocumentJson;
    expect(normalizePolicyJson(statements(k.keyPolicy, sidsOf(v)))).toEqual(normalizePolicyJson(v.Statement));
  });

  test('§3.4: identity policy of a managed-application administrator in another account equals the documented policy', () => {
    const { key: k } = lp([{ 'managed-application-admins': { principals: [{ role: `arn:aws:iam::444455556666:role/AppAdmin` }] } }]);
    expect(normalizePolicyJson(render(k.identityPolicies[0].document))).toEqual(normalizePolicyJson(vector('g2-3.4-app-admin-identity')));
  });

  test.each([
    ['§3.5 control tower', 'g2-3.5-control-tower', 'control-tower-admins', `arn:aws:iam::${MGMT_ID}:role/AWSControlTowerExecution`],
    [
      '§3.6 ec2 windows',
      'g2-3.6-ec2-windows',
      'ec2-windows-sso',
      `arn:aws:iam::${MGMT_ID}:role/aws-reserved/sso.amazonaws.com/us-east-1/AWSReservedSSO_MyPermissionSet_1a2b3c4d5e6f7g8h`,
    ],
    ['§3.8 custom workflows', 'g2-3.8-custom-workflows', 'custom-workflows', `arn:aws:iam::${MGMT_ID}:role/MyCustomWorkflowRole`],
  ])('%s: key policy statements for a role equal the documented pair, and a same-account role needs no identity policy', (_, name, useCase, role) => {
    const { key: k, permissionSetStatements } = lp([{ [useCase]: { principals: [{ role }] } } as never]);
    const v = vector(name) as PolicyDocumentJson;
    expect(normalizePolicyJson(statements(k.keyPolicy, sidsOf(v)))).toEqual(normalizePolicyJson(v.Statement));
    expect(k.identityPolicies).toEqual([]);
    expect(permissionSetStatements.size).toBe(1); // only the key administrator's permission set
  });

  test('§3.7: an ec2-windows-sso permission set gets the documented statement in its inline policy', () => {
    const r = lp([{ 'ec2-windows-sso': { principals: [{ permissionSet: 'MyPermissionSet', account: 'workload' }] } }]);
    const doc: PolicyDocumentJson = { Version: '2012-10-17', Statement: r.permissionSetStatements.get('MyPermissionSet') ?? [] };
    expect(normalizePolicyJson(render(doc))).toEqual(normalizePolicyJson(inAccount(vector('g2-3.7-ec2-windows-identity'), WORKLOAD_ID)));
  });

  test('§3.9: identity policy of a custom-workflow role in another account equals the documented policy', () => {
    const { key: k } = lp([{ 'custom-workflows': { principals: [{ role: 'arn:aws:iam::444455556666:role/Provisioner' }] } }]);
    expect(k.identityPolicies[0]).toMatchObject({ accountName: 'delegated', attachToRoles: ['Provisioner'] });
    expect(normalizePolicyJson(render(k.identityPolicies[0].document))).toEqual(normalizePolicyJson(vector('g2-3.9-custom-workflows-identity')));
  });
});

describe('launch post (launch-post-policies.md)', () => {
  test('part 1: key policy for the administrator role and the services equals the published policy (placeholders as inputs)', () => {
    const doc = new PolicyDocument({
      id: LAUNCH_POST_KEY_POLICY_ID,
      statements: launchPostKeyPolicyStatements('ARN_OF_YOUR_IDENTITY_CENTER_ADMIN_IAM_ROLE', '<Identity Center Account ID>'),
    });
    expect(normalizePolicyJson(doc.toJSON())).toEqual(normalizePolicyJson(vector('launch-post-part1-key-policy')));
  });

  test('part 1: managed-application statements equal the published ones', () => {
    const got = launchPostManagedAppStatements('MY_ORG_ID (format: o-xxxxxxxx)').map((s) => s.toJSON());
    expect(normalizePolicyJson({ Statement: got })).toEqual(normalizePolicyJson({ Statement: vector('launch-post-part1-managed-apps') }));
  });

  test('part 2: identity statement of application administrators equals the published one', () => {
    expect(normalizePolicyJson(launchPostAppAdminIdentityStatement('<key_ARN>').toJSON())).toEqual(
      normalizePolicyJson(vector('launch-post-part2-app-admin-identity')),
    );
  });
});
