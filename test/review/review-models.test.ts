/**
 * reviewModels over hand-built IRs: each test makes one change to the base and checks what the
 * review reports about it. Golden tests over real model pairs live in review-golden.test.ts.
 */
import { baseIr, edit, type Mutable } from '../fixtures/review/ir';
import { hasRiskAtOrAbove, isEmptyReview, renderReviewMarkdown, reviewModels, type Review, type RiskRule } from '../../src/review';
import { isProduction } from '../../src/model/production';
import type { ResolvedAssignment, ResolvedModel } from '../../src/model/ir';
import { unitNamed } from '../support/units';

const rules = (r: Review): RiskRule[] => r.risks.map((f) => f.rule);

function assignment(principal: string, permissionSet: string, account: string, accountId: string): Mutable<ResolvedAssignment> {
  return {
    key: `GROUP/${principal}/${permissionSet}/${account}`,
    principalType: 'GROUP',
    principalName: principal,
    permissionSet,
    accountName: account,
    accountId,
    unit: 'assignments-0',
    reasons: [`account ${account}`],
  };
}

describe('empty reviews', () => {
  test('the same model gives an empty review', () => {
    // WHEN
    const r = reviewModels(baseIr, baseIr);
    // THEN
    expect(isEmptyReview(r)).toBe(true);
    expect(renderReviewMarkdown(r)).toContain('No changes:');
  });

  test('reordered statements, actions and condition values, and "x" for ["x"], are no change', () => {
    // GIVEN the same policies written in another order and shape
    const head = edit(baseIr, (m) => {
      const key = m.keys[0];
      key.keyPolicy.Statement.reverse();
      key.statementSources.reverse();
      const use = key.keyPolicy.Statement.find((s) => s.Sid === 'AllowIdentityCenterAndIdentityStoreToUseKey')!;
      (use.Action as string[]).reverse();
      const org = key.keyPolicy.Statement.find((s) => s.Sid === 'AllowOrgPrincipalsViaIdentityCenterAndIdentityStore')!;
      org.Action = ['kms:Decrypt'];
      org.Resource = ['*'];
      (org.Condition!.StringLike['kms:ViaService'] as string[]).reverse();
      m.permissionSets[1].inlinePolicy!.Statement.reverse();
    });
    // WHEN
    const r = reviewModels(baseIr, head);
    // THEN only the unit content (statement order is emitted as written) and so the batches may differ
    expect({ ...r, units: [], batches: [] }).toEqual({ ...reviewModels(baseIr, baseIr), head: 'head.yaml', units: [], batches: [] });
  });
});

describe('assignments', () => {
  test('granted and revoked assignments are grouped by principal and permission set with sorted accounts', () => {
    // GIVEN Auditors move from ReadOnly in dev-app to ReadOnly in management and security
    const head = edit(baseIr, (m) => {
      m.assignments = m.assignments.filter((a) => a.key !== 'GROUP/Auditors/ReadOnly/dev-app');
      m.assignments.push(assignment('Auditors', 'ReadOnly', 'security', '222222222222'), assignment('Auditors', 'ReadOnly', 'management', '111111111111'));
    });
    // WHEN
    const r = reviewModels(baseIr, head);
    // THEN
    expect(r.granted).toEqual([
      {
        principalType: 'GROUP',
        principalName: 'Auditors',
        permissionSet: 'ReadOnly',
        accounts: [
          { name: 'management', id: '111111111111', production: false },
          { name: 'security', id: '222222222222', production: true },
        ],
        selectors: [{ selector: 'accounts by name', accounts: 2 }],
      },
    ]);
    expect(r.revoked).toEqual([
      {
        principalType: 'GROUP',
        principalName: 'Auditors',
        permissionSet: 'ReadOnly',
        accounts: [{ name: 'dev-app', id: '555555555555', production: false }],
        selectors: [{ selector: 'ou Workloads/*', accounts: 1 }],
      },
    ]);
    expect(r.units.map((u) => u.name)).toEqual(['assignments-0']);
  });

  test('an account whose id changes under the same name moves its assignments', () => {
    const head = edit(baseIr, (m) => {
      m.accounts.find((a) => a.name === 'dev-app')!.id = '999999999999';
      for (const a of m.assignments) if (a.accountName === 'dev-app') a.accountId = '999999999999';
    });
    const r = reviewModels(baseIr, head);
    expect(r.granted.flatMap((g) => g.accounts.map((a) => a.id))).toEqual(['999999999999', '999999999999']);
    expect(r.revoked.flatMap((g) => g.accounts.map((a) => a.id))).toEqual(['555555555555', '555555555555']);
  });
});

describe('permission sets', () => {
  test('a removed and an added permission set with identical content is one rename, flagged high when assigned', () => {
    // GIVEN ReadOnly renamed to ReadOnlyAccess with its assignments
    const head = edit(baseIr, (m) => {
      m.permissionSets.find((p) => p.name === 'ReadOnly')!.name = 'ReadOnlyAccess';
      for (const a of m.assignments) if (a.permissionSet === 'ReadOnly') a.permissionSet = 'ReadOnlyAccess';
    });
    // WHEN
    const r = reviewModels(baseIr, head);
    // THEN
    expect(r.permissionSets).toEqual([expect.objectContaining({ name: 'ReadOnlyAccess', change: 'renamed', renamedFrom: 'ReadOnly' })]);
    expect(r.risks.find((f) => f.rule === 'permission-set-renamed')).toEqual({
      rule: 'permission-set-renamed',
      severity: 'high',
      message:
        'permission set ReadOnly is renamed to ReadOnlyAccess, which replaces it and all 2 of its assignments: access drops until they are recreated and its AWSReservedSSO_ReadOnly_* roles are replaced',
    });
  });

  test('a removed and an added permission set that differ in content are not a rename', () => {
    const head = edit(baseIr, (m) => {
      const ps = m.permissionSets.find((p) => p.name === 'ReadOnly')!;
      ps.name = 'Viewer';
      ps.sessionDuration = 'PT2H';
      m.assignments = m.assignments.filter((a) => a.permissionSet !== 'ReadOnly');
    });
    const r = reviewModels(baseIr, head);
    expect(r.permissionSets.map((c) => [c.name, c.change])).toEqual([
      ['ReadOnly', 'removed'],
      ['Viewer', 'added'],
    ]);
    expect(rules(r)).not.toContain('permission-set-renamed');
  });

  test('inline statements are matched by sid (changed) and, without sid, by content (added and removed)', () => {
    const head = edit(baseIr, (m) => {
      const st = m.permissionSets.find((p) => p.name === 'Developer')!.inlinePolicy!.Statement;
      st[0].Action = ['logs:GetLogEvents'];
      st[1].Action = ['iam:*', 'organizations:*'];
    });
    const c = reviewModels(baseIr, head).permissionSets[0];
    // Sid'd statements first, then the others in canonical JSON order
    expect(c.inlinePolicy.map((s) => [s.change, s.sid, (s.after ?? s.before)!.Action])).toEqual([
      ['changed', 'ReadLogs', ['logs:GetLogEvents']],
      ['removed', undefined, 'iam:*'],
      ['added', undefined, ['iam:*', 'organizations:*']],
    ]);
  });

  test('statements sharing a sid are matched by sid and content, so neither hides the other', () => {
    const base = edit(baseIr, (m) => {
      m.permissionSets.find((p) => p.name === 'ReadOnly')!.inlinePolicy = {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'Logs', Effect: 'Allow', Action: 'logs:Get*', Resource: '*' },
          { Sid: 'Logs', Effect: 'Allow', Action: 'logs:Describe*', Resource: '*' },
        ],
      };
    });
    const head = edit(base, (m) => {
      m.permissionSets.find((p) => p.name === 'ReadOnly')!.inlinePolicy!.Statement[1].Action = 'logs:List*';
    });
    const c = reviewModels(base, head).permissionSets[0];
    expect(c.inlinePolicy.map((s) => [s.change, s.sid, (s.after ?? s.before)!.Action])).toEqual([
      ['removed', 'Logs', 'logs:Describe*'],
      ['added', 'Logs', 'logs:List*'],
    ]);
  });

  test('attachments and boundary changes are listed; the management unit is touched', () => {
    const head = edit(baseIr, (m) => {
      const ps = m.permissionSets.find((p) => p.name === 'Developer')!;
      ps.managedPolicyArns = ['arn:aws:iam::aws:policy/ReadOnlyAccess'];
      ps.customerManagedPolicies = [{ name: 'AppBoundary', path: '/apps/' }];
      ps.permissionsBoundary = { customerManagedPolicy: { name: 'AppBoundary', path: '/apps/' } };
    });
    const r = reviewModels(baseIr, head);
    expect(r.permissionSets[0]).toMatchObject({
      managedPolicies: { added: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], removed: ['arn:aws:iam::aws:policy/PowerUserAccess'] },
      customerManagedPolicies: { added: ['/apps/AppBoundary'], removed: ['/DevBoundary'] },
      permissionsBoundary: { field: 'permissionsBoundary', before: 'arn:aws:iam::aws:policy/PowerUserAccess', after: '/apps/AppBoundary' },
    });
    expect(r.units.map((u) => u.name)).toEqual(['management']);
  });
});

describe('risk flags', () => {
  test.each([
    ['a non-production account is high', 'dev-app', '555555555555', 'high'],
    ['a production account is critical', 'prod-app', '333333333333', 'critical'],
  ])('AdministratorAccess granted in %s', (_, account, id, severity) => {
    const head = edit(baseIr, (m) => void m.assignments.push(assignment('Auditors', 'Admin', account, id)));
    const flag = reviewModels(baseIr, head).risks.find((f) => f.rule === 'admin-access-granted');
    expect(flag?.severity).toBe(severity);
    expect(flag?.message).toContain(
      `group Auditors gains administrator-level access (aws managed policy AdministratorAccess: all actions on *) through permission set Admin in ${account} (${id})`,
    );
  });

  test('an assigned permission set gaining an inline "*:*" allow flags its principals', () => {
    const head = edit(baseIr, (m) => {
      m.permissionSets.find((p) => p.name === 'ReadOnly')!.inlinePolicy = {
        Version: '2012-10-17',
        Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*:*', Resource: '*' }],
      };
    });
    const flag = reviewModels(baseIr, head).risks.find((f) => f.rule === 'admin-access-granted');
    expect(flag).toEqual({
      rule: 'admin-access-granted',
      severity: 'critical',
      message:
        'group Auditors gains administrator-level access (inline policy Everything: all actions on *) as permission set ReadOnly becomes administrator-level in dev-app (555555555555), prod-app (333333333333) [production]',
    });
  });

  test('a user joining a group that holds an administrator-level permission set is flagged', () => {
    const head = edit(baseIr, (m) => {
      m.assignments.push(assignment('PlatformAdmins', 'Admin', 'dev-app', '555555555555'));
      m.groups.find((g) => g.name === 'PlatformAdmins')!.members.push('bob');
    });
    const messages = reviewModels(baseIr, head)
      .risks.filter((f) => f.rule === 'admin-access-granted')
      .map((f) => f.message);
    expect(messages).toContain(
      'user bob gains administrator-level access (aws managed policy AdministratorAccess: all actions on *) by joining group PlatformAdmins (permission set Admin) in dev-app (555555555555)',
    );
  });

  test('a production account gaining an assignment is medium; a dev account is not flagged', () => {
    const head = edit(
      baseIr,
      (m) =>
        void m.assignments.push(
          assignment('Auditors', 'ReadOnly', 'security', '222222222222'),
          assignment('Auditors', 'ReadOnly', 'management', '111111111111'),
        ),
    );
    expect(reviewModels(baseIr, head).risks).toEqual([
      {
        rule: 'production-affected',
        severity: 'medium',
        message: 'group Auditors gains permission set ReadOnly in 1 production account: security (222222222222) [production]',
      },
    ]);
  });

  test('removing the service statement locks Identity Center out (critical)', () => {
    const head = edit(baseIr, (m) => {
      const i = m.keys[0].keyPolicy.Statement.findIndex((s) => s.Sid === 'AllowIdentityCenterAndIdentityStoreToUseKey');
      m.keys[0].keyPolicy.Statement.splice(i, 1);
      m.keys[0].statementSources.splice(i, 1);
    });
    const flags = reviewModels(baseIr, head).risks.filter((f) => f.rule === 'key-service-access-removed');
    expect(flags.map((f) => [f.severity, f.message])).toEqual([
      [
        'critical',
        'identitystore.amazonaws.com loses kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncryptFrom, kms:ReEncryptTo on key identity-center, which locks Identity Center out of its own encrypted data',
      ],
      [
        'critical',
        'sso.amazonaws.com loses kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncryptFrom, kms:ReEncryptTo on key identity-center, which locks Identity Center out of its own encrypted data',
      ],
    ]);
  });

  test.each([
    ['one of two administrators removed is high', ['arn:aws:iam::111111111111:root'], 'high'],
    ['the last administrator removed is critical', [], 'critical'],
  ])('%s', (_, remaining, severity) => {
    const head = edit(baseIr, (m) => {
      const admin = m.keys[0].keyPolicy.Statement[0];
      if (remaining.length > 0) admin.Principal = { AWS: remaining };
      else admin.Action = 'kms:Decrypt';
    });
    const flag = reviewModels(baseIr, head).risks.find((f) => f.rule === 'key-administrator-removed');
    expect(flag?.severity).toBe(severity);
  });

  test.each<[string, (m: Parameters<Parameters<typeof edit>[1]>[0]) => void, RiskRule, string]>([
    ['multi-Region to single-Region', (m) => void (m.keys[0].multiRegion = false), 'key-single-region', 'critical'],
    ['key removed', (m) => void (m.keys = []), 'key-removed', 'critical'],
    ['deletion window shortened', (m) => void (m.keys[0].deletionWindowDays = 7), 'key-deletion-window-shortened', 'medium'],
    ['replica removed', (m) => void (m.keys[0].replicaRegions = []), 'key-replica-removed', 'medium'],
    ['rotation disabled', (m) => void (m.keys[0].rotation.enabled = false), 'key-rotation-disabled', 'low'],
  ])('%s is flagged', (_, change, rule, severity) => {
    const r = reviewModels(baseIr, edit(baseIr, change));
    expect(r.risks.filter((f) => f.rule === rule).map((f) => f.severity)).toEqual([severity]);
  });

  test('a key Identity Center does not use is high, not critical, when removed', () => {
    const base = edit(baseIr, (m) => {
      m.keys[0].usedByIdentityCenter = false;
      delete m.identityCenter.encryptionKey;
    });
    const head = edit(base, (m) => void (m.keys = []));
    expect(reviewModels(base, head).risks.find((f) => f.rule === 'key-removed')?.severity).toBe('high');
  });

  test.each<[string, Record<string, Record<string, string | string[]>> | undefined, string]>([
    ['dropping the organization condition', { StringLike: { 'kms:ViaService': ['sso.*.amazonaws.com', 'identitystore.*.amazonaws.com'] } }, 'high'],
    [
      'a new condition value',
      {
        StringEquals: { 'aws:PrincipalOrgID': ['${aws:ResourceOrgID}', 'o-other'] },
        StringLike: { 'kms:ViaService': ['sso.*.amazonaws.com', 'identitystore.*.amazonaws.com'] },
        'ForAnyValue:StringEquals': { 'kms:EncryptionContextKeys': ['aws:sso:instance-arn', 'aws:identitystore:identitystore-arn'] },
      },
      'high',
    ],
    ['no condition at all', undefined, 'critical'],
  ])('a wildcard principal widened by %s is flagged', (_, condition, severity) => {
    const head = edit(baseIr, (m) => {
      const s = m.keys[0].keyPolicy.Statement.find((x) => x.Sid === 'AllowOrgPrincipalsViaIdentityCenterAndIdentityStore')!;
      if (condition) s.Condition = condition;
      else delete s.Condition;
    });
    expect(
      reviewModels(baseIr, head)
        .risks.filter((f) => f.rule === 'wildcard-principal-widened')
        .map((f) => f.severity),
    ).toEqual([severity]);
  });

  test('a wildcard principal narrowed (a condition added) is not flagged', () => {
    const head = edit(baseIr, (m) => {
      const s = m.keys[0].keyPolicy.Statement.find((x) => x.Sid === 'AllowOrgPrincipalsViaIdentityCenterAndIdentityStore')!;
      s.Condition!.StringEquals['kms:EncryptionContext:aws:sso:instance-arn'] = { ref: 'instance-arn' };
    });
    const r = reviewModels(baseIr, head);
    expect(r.keys[0].statements.map((s) => s.change)).toEqual(['changed']);
    expect(rules(r)).toEqual([]);
  });

  test.each([
    ['low', true],
    ['medium', true],
    ['high', false],
    ['critical', false],
  ] as const)('--fail-on %s with only a medium flag fails: %s', (threshold, fails) => {
    const head = edit(baseIr, (m) => void (m.keys[0].deletionWindowDays = 7));
    expect(hasRiskAtOrAbove(reviewModels(baseIr, head), threshold)).toBe(fails);
  });
});

describe('production rule', () => {
  test.each([
    [{ env: 'prod' }, 'Workloads', true],
    [{ Environment: 'PRODUCTION' }, 'Workloads', true],
    [{ env: 'dev' }, 'Workloads/Prod', true],
    [{}, 'production/eu', true],
    [{ env: 'staging' }, 'Products', false],
    [{ stage: 'prod' }, 'Workloads/Preprod', false],
  ])('tags %j in ou %s is production: %s', (tags, ou, expected) => {
    expect(isProduction({ tags, ou })).toBe(expected);
  });
});

describe('keys and units', () => {
  test('key policy statements carry their use case and documentation link; key access gained is listed', () => {
    const head = edit(baseIr, (m) => {
      m.keys[0].keyPolicy.Statement.push({
        Sid: 'AllowManagedApps',
        Effect: 'Allow',
        Principal: '*',
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' }, StringEquals: { 'aws:SourceOrgID': '${aws:ResourceOrgID}' } },
      });
      m.keys[0].statementSources.push({ sid: 'AllowManagedApps', useCase: 'managed-applications', docUrl: 'https://example.com/doc' });
    });
    const r = reviewModels(baseIr, head);
    expect(r.keys[0].statements).toEqual([
      expect.objectContaining({ change: 'added', sid: 'AllowManagedApps', useCase: 'managed-applications', docUrl: 'https://example.com/doc' }),
    ]);
    expect(r.keyAccess.map((c) => [c.change, c.after?.kind, c.after?.principal])).toEqual([
      ['added', 'managed-applications', 'aws services in organization ${aws:ResourceOrgID}'],
    ]);
    expect(r.risks.map((f) => f.message)).toEqual([
      'key identity-center statement AllowManagedApps adds a wildcard principal conditioned on aws:PrincipalIsAWSService, aws:SourceOrgID',
    ]);
  });

  test('a changed customer managed policy document touches only the member units holding it', () => {
    const head = edit(baseIr, (m) => {
      const unit = m.units.find((u) => u.name === 'account-dev-app');
      if (unit?.kind !== 'member') throw new Error('the fixture has member unit account-dev-app');
      unit.customerManagedPolicies[0].document.Statement[0].Resource = 'arn:aws:s3:::dev-*/*';
    });
    const r = reviewModels(baseIr, head);
    expect(r.customerManagedPolicies.map((p) => [p.name, p.change, p.statements.map((s) => s.change)])).toEqual([['/DevBoundary', 'changed', ['changed']]]);
    expect(r.units.map((u) => [u.name, u.change, u.hclRoot, u.stack])).toEqual([['account-dev-app', 'changed', 'hcl/account-dev-app', 'account-dev-app']]);
  });

  // Assignment units are compared field by field (src/review/private/units.ts, for speed): each
  // fact an assignment stack is built from touches its unit, and `reasons` (explanation only) does not.
  const all = ['management', 'account-dev-app', 'account-security', 'assignments-0'];
  test.each<[string, (m: Mutable<ResolvedModel>) => void, string[]]>([
    ["an assignment's principal type", (m) => void (m.assignments[3].principalType = 'GROUP'), ['assignments-0']],
    ["an assignment's principal name", (m) => void (m.assignments[0].principalName = 'PlatformAdmins'), ['assignments-0']],
    ["an assignment's permission set", (m) => void (m.assignments[0].permissionSet = 'Developer'), ['assignments-0']],
    ["an assignment's account name", (m) => void (m.assignments[0].accountName = 'prod-app'), ['assignments-0']],
    ["an assignment's account id", (m) => void (m.assignments[0].accountId = '333333333333'), ['assignments-0']],
    ["an assignment's unit field", (m) => void (m.assignments[0].unit = 'assignments-1'), ['assignments-0']],
    ['whether its group is created', (m) => void (m.groups[0].external = false), ['management', 'assignments-0']],
    ["the unit's account", (m) => void (m.units[3].accountId = '222222222222'), ['assignments-0']],
    [
      "the unit's assignment keys",
      (m) =>
        void (m.units[3] = {
          ...unitNamed(m, 'assignments-0', 'assignments'),
          assignmentKeys: unitNamed(m, 'assignments-0', 'assignments').assignmentKeys.slice(1),
        }),
      ['assignments-0'],
    ],
    ['a setting every stack reads', (m) => void (m.deployment.roleName = 'OtherRole'), all],
    ["only an assignment's reasons", (m) => void (m.assignments[0].reasons = ['tag env=prod']), []],
  ])('changing %s touches exactly its units', (_, change, touched) => {
    // GIVEN one fact changed in place (keys kept)
    const head = edit(baseIr, change);
    // WHEN / THEN
    expect(reviewModels(baseIr, head).units.map((u) => u.name)).toEqual(touched);
  });

  test('units only in one model are added or removed', () => {
    const head = edit(baseIr, (m) => {
      m.units = m.units.filter((u) => u.name !== 'account-security');
      m.units.push({
        name: 'account-prod-app',
        kind: 'member',
        accountName: 'prod-app',
        accountId: '333333333333',
        assumeRoleArn: 'arn:aws:iam::333333333333:role/OrganizationAccountAccessRole',
        customerManagedPolicies: [],
        keyIdentityPolicies: [],
      });
    });
    expect(reviewModels(baseIr, head).units.map((u) => [u.name, u.change])).toEqual([
      ['account-prod-app', 'added'],
      ['account-security', 'removed'],
    ]);
  });
});
