/** buildKeys: spec defaults, problems with their model paths, identity routing, determinism. */
import { buildKeys } from '../../src/policy/keys';
import type { KeyInput } from '../../src/model/schema';
import { ADMIN, buildOne, context, DELEGATED_ADMIN, DELEGATED_ID, key, MGMT_ID } from './support/fixtures';

const problemsOf = (input: KeyInput | KeyInput[], ctx = context()) => buildKeys(Array.isArray(input) ? input : [input], ctx).problems;

describe('key spec', () => {
  test('defaults: alias/<name>, multi-Region, yearly rotation, 30-day deletion window, baseline profile', () => {
    const { key: k } = buildOne({ name: 'idc' });
    expect(k).toMatchObject({
      alias: 'alias/idc',
      multiRegion: true,
      rotation: { enabled: true, periodDays: 365 },
      deletionWindowDays: 30,
      profile: 'baseline',
      replicaRegions: [],
      usedByIdentityCenter: true,
    });
  });

  test('replica regions are sorted and deduplicated; tags sorted by name', () => {
    const { key: k } = buildOne(key({ replicaRegions: ['eu-west-1', 'ap-south-1', 'eu-west-1'], tags: { z: '1', a: '2' } }));
    expect(k.replicaRegions).toEqual(['ap-south-1', 'eu-west-1']);
    expect(Object.keys(k.tags)).toEqual(['a', 'z']);
  });

  test.each([
    [
      { rotation: { periodDays: 89 } },
      ['keys', 0, 'rotation', 'periodDays'],
      'rotation periodDays 89 is out of range; allowed 90..2560 (KMS key rotation period)',
      'error',
    ],
    [
      { rotation: { periodDays: 2561 } },
      ['keys', 0, 'rotation', 'periodDays'],
      'rotation periodDays 2561 is out of range; allowed 90..2560 (KMS key rotation period)',
      'error',
    ],
    [
      { rotation: { enabled: false, periodDays: 100 } },
      ['keys', 0, 'rotation', 'periodDays'],
      'rotation periodDays 100 is set but rotation is disabled; enable rotation or remove periodDays',
      'error',
    ],
    [
      { rotation: { enabled: false } },
      ['keys', 0, 'rotation', 'enabled'],
      'rotation is disabled; identity center keys are expected to rotate (yearly by default), set enabled: true',
      'warning',
    ],
    [
      { deletionWindowDays: 6 },
      ['keys', 0, 'deletionWindowDays'],
      'deletionWindowDays 6 is out of range; allowed 7..30 (KMS key deletion waiting period)',
      'error',
    ],
    [
      { deletionWindowDays: 31 },
      ['keys', 0, 'deletionWindowDays'],
      'deletionWindowDays 31 is out of range; allowed 7..30 (KMS key deletion waiting period)',
      'error',
    ],
    [
      { alias: 'alias/aws/idc' },
      ['keys', 0, 'alias'],
      "alias 'alias/aws/idc' uses the prefix alias/aws/, which is reserved for AWS managed keys; use alias/<name>",
      'error',
    ],
    [{ alias: 'idc' }, ['keys', 0, 'alias'], "alias 'idc' is not valid; allowed: alias/ followed by letters, digits, /, _ and -", 'error'],
    [
      { replicaRegions: ['us-west-2'] },
      ['keys', 0, 'replicaRegions', 0],
      "replica region 'us-west-2' is the identity center region, where the primary key is; list other regions only",
      'error',
    ],
    [{ replicaRegions: ['Frankfurt'] }, ['keys', 0, 'replicaRegions', 0], "replica region 'Frankfurt' is not an aws region name like eu-central-1", 'error'],
    [
      { multiRegion: false, replicaRegions: ['eu-west-1'] },
      ['keys', 0, 'replicaRegions'],
      'replicaRegions eu-west-1 need a multi-region key but multiRegion is false; set multiRegion: true',
      'error',
    ],
  ] as const)('fails if the key has %j', (overrides, path, message, severity) => {
    expect(problemsOf(key(overrides as Partial<KeyInput>))).toEqual([expect.objectContaining({ path, message, severity })]);
  });

  test.each([
    [{ rotation: { periodDays: 90 } }],
    [{ rotation: { periodDays: 2560 } }],
    [{ deletionWindowDays: 7 }],
    [{ deletionWindowDays: 30 }],
    [{ alias: 'alias/team/idc_key-1' }],
  ])('accepts the boundary value %j', (overrides) => {
    expect(problemsOf(key(overrides as Partial<KeyInput>))).toEqual([]);
  });
});

describe('references and use cases', () => {
  test('a principal that does not bind is reported at its model path', () => {
    const problems = problemsOf(
      key({
        useCases: [
          { 'managed-applications': {} },
          { 'delegated-admins': { principals: [DELEGATED_ADMIN, { permissionSet: 'DelegatedAdmin', account: 'gone' }] } },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['keys', 0, 'useCases', 1, 'delegated-admins', 'principals', 1, 'account'],
        severity: 'error',
        rule: 'key-principal-unknown',
      }),
    ]);
  });

  test('fails if a use case that needs principals has none', () => {
    expect(problemsOf(key({ useCases: [{ 'custom-workflows': { principals: [] } }] }))).toEqual([
      expect.objectContaining({
        path: ['keys', 0, 'useCases', 0, 'custom-workflows'],
        message: "use case 'custom-workflows' needs at least one principal (custom workflows calling Identity Center APIs); found none",
        severity: 'error',
      }),
    ]);
  });

  test('warns when administrators are listed in the wrong use case for their account', () => {
    const problems = problemsOf(
      key({ useCases: [{ 'identity-center-admins': { principals: [DELEGATED_ADMIN] } }, { 'delegated-admins': { principals: [ADMIN] } }] }),
    );
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([
      ['key-use-case-account', 'warning'],
      ['key-use-case-account', 'warning'],
    ]);
  });

  test('a use case listed twice merges its principals, with a warning', () => {
    const r = buildKeys(
      [
        key({
          policyProfile: 'least-privilege',
          useCases: [
            { 'custom-workflows': { principals: [{ role: `arn:aws:iam::${MGMT_ID}:role/A` }] } },
            { 'custom-workflows': { principals: [{ role: `arn:aws:iam::${MGMT_ID}:role/B` }] } },
          ],
        }),
      ],
      context(),
    );
    expect(r.problems).toEqual([
      expect.objectContaining({ path: ['keys', 0, 'useCases', 1, 'custom-workflows'], severity: 'warning', rule: 'key-use-case-duplicate' }),
    ]);
    expect(r.keys[0].keyPolicy.Statement.find((s) => s.Sid === 'AllowCustomWorkflowToUseTheKMSKeyViaIdentityCenter')?.Principal).toEqual({
      AWS: [`arn:aws:iam::${MGMT_ID}:role/A`, `arn:aws:iam::${MGMT_ID}:role/B`],
    });
  });

  test.each([
    [{ servicePrincipals: ['myapp'] }, [['servicePrincipals', 0], []]],
    [{ servicePrincipals: ['myapp.amazonaws.com'], sourceAccounts: ['gone'] }, [['sourceAccounts', 0], []]],
    [{ servicePrincipals: [], sourceArns: ['arn:aws:x:us-east-1:1:app/a'] }, [['servicePrincipals']]],
  ])('fails if restrict-managed-applications is %j', (config, paths) => {
    const problems = problemsOf(key({ useCases: [{ 'restrict-managed-applications': config }] }));
    expect(problems.map((p) => p.path)).toEqual(paths.map((p) => ['keys', 0, 'useCases', 0, 'restrict-managed-applications', ...p]));
  });

  test.each(['baseline', 'least-privilege'] as const)(
    'fails if a %s key lists both managed-applications and restrict-managed-applications (the restriction would silently drop the organization-wide grant)',
    (policyProfile) => {
      const restrict = { 'restrict-managed-applications': { servicePrincipals: ['qbusiness.amazonaws.com'], sourceAccounts: ['workload'] } };
      for (const useCases of [
        [{ 'managed-applications': {} }, restrict],
        [restrict, { 'managed-applications': {} }],
      ]) {
        const at = useCases[0] === restrict ? 0 : 1;
        expect(problemsOf(key({ policyProfile, useCases }))).toEqual([
          {
            path: ['keys', 0, 'useCases', at, 'restrict-managed-applications'],
            message:
              "use cases 'managed-applications' and 'restrict-managed-applications' cannot be listed together: managed-applications lets every aws managed application in the organization use the key, restrict-managed-applications only the listed ones; keep managed-applications for all of them, or restrict-managed-applications alone",
            severity: 'error',
            rule: 'key-use-case-conflict',
          },
        ]);
      }
    },
  );

  test('fails if two keys share a name, or identity center names a key that does not exist', () => {
    expect(problemsOf([key(), key()])).toEqual([expect.objectContaining({ path: ['keys', 1, 'name'], rule: 'key-duplicate-name' })]);
    expect(problemsOf(key(), context({ encryptionKeyName: 'other' }))).toEqual([
      expect.objectContaining({ path: ['identityCenter', 'encryption', 'key'], message: "encryption key 'other' is not defined in keys; defined: idc" }),
    ]);
  });
});

describe('identity policies', () => {
  test('roles in one account share one policy, attached to every role, sorted', () => {
    const { key: k } = buildOne(
      key({
        policyProfile: 'least-privilege',
        useCases: [
          { 'custom-workflows': { principals: [{ role: `arn:aws:iam::${DELEGATED_ID}:role/Zed` }, { role: `arn:aws:iam::${DELEGATED_ID}:role/path/Abe` }] } },
          { 'delegated-admins': { principals: [{ accountRoot: 'delegated' }] } },
        ],
      }),
    );
    expect(k.identityPolicies).toHaveLength(1);
    expect(k.identityPolicies[0]).toMatchObject({
      accountName: 'delegated',
      accountId: DELEGATED_ID,
      policyName: 'idcgen-idc-key-use',
      attachToRoles: ['Abe', 'Zed'],
      useCases: ['delegated-admins', 'custom-workflows'],
    });
    // statements in catalog order (delegated-admins before custom-workflows), whatever the YAML order
    expect(k.identityPolicies[0].document.Statement.map((s) => s.Sid)).toEqual([
      'IAMPolicyToAllowIAMIdentityCenterAdminToUseKMSkey',
      'IAMPolicyToAllowIAMIdentityCenterAdminToListKeyAliases',
      'AllowCustomWorkflowToUseTheKMSKeyViaIdentityCenterAndIdentityStore',
    ]);
  });

  test('a single-Region key is referenced by its own ARN, a multi-Region key by the all-Regions ARN', () => {
    const ref = (multiRegion: boolean) =>
      buildOne(key({ multiRegion, useCases: [{ 'delegated-admins': { principals: [DELEGATED_ADMIN] } }] })).permissionSetStatements.get('DelegatedAdmin')?.[0]
        .Resource;
    expect(ref(false)).toEqual({ ref: 'key-arn', key: 'idc' });
    expect(ref(true)).toEqual({ ref: 'key-arn-all-regions', key: 'idc' });
  });

  test('administrators of a multi-Region key may also replicate it and move its primary Region; of a single-Region key, not', () => {
    const actions = (multiRegion: boolean) =>
      buildOne(key({ multiRegion, policyProfile: 'least-privilege', administrators: [ADMIN] })).key.keyPolicy.Statement.find(
        (st) => st.Sid === 'KeyAdministration',
      )?.Action;
    expect(actions(true)).toEqual(expect.arrayContaining(['kms:Put*', 'kms:ReplicateKey', 'kms:UpdatePrimaryRegion']));
    expect(actions(false)).toEqual(expect.arrayContaining(['kms:Put*']));
    expect(actions(false)).toEqual(expect.not.arrayContaining(['kms:ReplicateKey']));
    expect(actions(false)).toEqual(expect.not.arrayContaining(['kms:UpdatePrimaryRegion']));
  });

  test('two keys granting one permission set: same-purpose statements merge their resources', () => {
    const uc = { useCases: [{ 'delegated-admins': { principals: [DELEGATED_ADMIN] } }] };
    const r = buildKeys([key({ name: 'b', ...uc }), key({ name: 'a', ...uc })], context({ encryptionKeyName: 'a' }));
    expect(r.keys.map((k) => k.name)).toEqual(['a', 'b']);
    expect(r.permissionSetStatements.get('DelegatedAdmin')?.find((s) => s.Sid === 'AllowCrossAccountKMSKeyUse')?.Resource).toEqual([
      { ref: 'key-arn-all-regions', key: 'a' },
      { ref: 'key-arn-all-regions', key: 'b' },
    ]);
  });

  test('two keys whose same-Sid statements cannot merge get the key name appended', () => {
    const r = buildKeys(
      [
        key({ name: 'one', useCases: [{ 'delegated-admins': { principals: [DELEGATED_ADMIN] } }] }),
        key({ name: 'two', useCases: [{ 'custom-workflows': { principals: [{ permissionSet: 'DelegatedAdmin', account: 'delegated' }] } }] }),
      ],
      context({ encryptionKeyName: 'one' }),
    );
    const sids = (r.permissionSetStatements.get('DelegatedAdmin') ?? []).map((s) => s.Sid);
    expect(sids).toEqual(['AllowCrossAccountKMSKeyUseOne', 'AllowListKMSKeyAliases', 'AllowCrossAccountKMSKeyUseTwo']);
  });
});

test('same input in another YAML order gives the same output', () => {
  const workflow = { role: `arn:aws:iam::${DELEGATED_ID}:role/Ci` };
  const a = key({
    useCases: [{ 'delegated-admins': { principals: [DELEGATED_ADMIN, workflow] } }, { 'managed-applications': {} }],
    replicaRegions: ['eu-west-1', 'ap-south-1'],
  });
  const b = key({
    useCases: [{ 'managed-applications': {} }, { 'delegated-admins': { principals: [workflow, DELEGATED_ADMIN] } }],
    replicaRegions: ['ap-south-1', 'eu-west-1'],
  });
  const render = (k: KeyInput) => {
    const r = buildKeys([k], context());
    expect(r.problems).toEqual([]);
    return JSON.stringify({ keys: r.keys, statements: [...r.permissionSetStatements] });
  };
  expect(render(a)).toBe(render(b));
});

test('fails if the key policy exceeds 32768 bytes (rule key-policy-too-large, at the key)', () => {
  const roles = Array.from({ length: 500 }, (_, i) => ({ role: `arn:aws:iam::${MGMT_ID}:role/Workflow${String(i).padStart(4, '0')}` }));
  const problems = problemsOf(key({ policyProfile: 'least-privilege', useCases: [{ 'custom-workflows': { principals: roles } }] }));
  expect(problems).toEqual([expect.objectContaining({ path: ['keys', 0], rule: 'key-policy-too-large', severity: 'error' })]);
  expect(problems[0].message).toMatch(/^key 'idc': key policy is \d+ bytes; allowed at most 32768 \(KMS key policy document size\)$/);
});
