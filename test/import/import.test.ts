import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Estate } from '../../src/import/estate';
import { ImportResourceType, parseImportPlan } from '../../src/import/plan';
import { runImport, type ImportOutput } from '../../src/import/run';
import type { OrgModel } from '../../src/model/schema';
import { estateFromModel, groupId, INSTANCE_ARN, psArn, STORE_ID, userId } from './support/estates';
import { fakeAws, type FakeOptions } from './support/fake-aws';
import { resolveText } from './support/validate';

const OPTS = { region: 'eu-west-1', modelFile: 'org.yaml', planFile: 'org.imports.json' };
const BASE = parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'estate-model.yaml'), 'utf8')) as OrgModel;

async function importEstate(
  estate: Estate,
  fake: FakeOptions = {},
  extra: { instanceArn?: string } = {},
): Promise<ImportOutput & { calls: Map<string, Record<string, unknown>[]>; sleeps: number[] }> {
  const aws = fakeAws(estate, fake);
  const sleeps: number[] = [];
  try {
    const out = await runImport({ ...OPTS, ...extra }, { clients: aws.clients, sleep: async (ms) => void sleeps.push(ms), now: () => 0 });
    return { ...out, calls: aws.calls, sleeps };
  } finally {
    aws.restore();
  }
}

/** The small estate: the fixture model's estate plus what real estates carry that a model does not. */
function smallEstate(): Estate {
  const e = estateFromModel(BASE);
  return {
    ...e,
    organization: {
      ...e.organization,
      accounts: [
        ...e.organization.accounts,
        { id: '888888888888', name: 'Shared Services', ouPath: ['Infrastructure'], tags: {} },
        { id: '999999999991', name: 'legacy', ouPath: ['Suspended'], tags: {} },
        { id: '999999999992', name: 'legacy', ouPath: ['Suspended'], tags: {} },
      ],
    },
    groups: [...e.groups, { id: groupId('IdpEveryone'), displayName: 'IdpEveryone', external: true, memberships: [] }],
    users: [...e.users, { id: userId('dave'), userName: 'dave', external: true }],
    assignments: [
      ...e.assignments,
      // the principal was deleted from the identity store; AWS keeps the assignment
      { permissionSetArn: psArn('Admin'), accountId: '333333333333', principalType: 'USER', principalId: userId('gone') },
      { permissionSetArn: psArn('Billing'), accountId: '888888888888', principalType: 'GROUP', principalId: groupId('Developers') },
    ],
  };
}

describe('import of a small estate', () => {
  let out: Awaited<ReturnType<typeof importEstate>>;
  beforeAll(async () => {
    out = await importEstate(smallEstate(), { provisionedWithoutAssignment: { ReadOnly: ['666666666666'] } });
  });

  test('the written model validates with the project validator', () => {
    expect(() => resolveText(out.yaml)).not.toThrow();
  });

  test('the resolved model holds exactly the existing assignments and permission sets, each with an import entry', () => {
    // GIVEN the imported model resolved by the project pipeline (the generator's input)
    const ir = resolveText(out.yaml);
    const keysOf = (type: ImportResourceType): string[] =>
      out.plan.resources
        .filter((r) => r.type === type)
        .map((r) => r.key)
        .sort();
    // THEN nothing would be created or destroyed: the IR's assignment keys are the imported ones
    expect(ir.assignments.map((a) => a.key).sort()).toEqual(keysOf(ImportResourceType.ACCOUNT_ASSIGNMENT));
    expect(ir.permissionSets.map((p) => p.name).sort()).toEqual(keysOf(ImportResourceType.PERMISSION_SET));
    expect(
      ir.groups
        .filter((g) => !g.external)
        .map((g) => g.name)
        .sort(),
    ).toEqual(keysOf(ImportResourceType.GROUP));
    expect(
      ir.users
        .filter((u) => !u.external)
        .map((u) => u.userName)
        .sort(),
    ).toEqual(keysOf(ImportResourceType.USER));
  });

  test('account names that are not handles, or not unique, are renamed and reported', () => {
    const names = (out.model.accounts ?? []).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Shared-Services', 'legacy-999999999991', 'legacy-999999999992']));
    expect(out.notes).toEqual(
      expect.arrayContaining([
        "account 888888888888 is named 'Shared Services' in aws; the model calls it 'Shared-Services' (names must be unique handles: letters, digits, ., _ and -)",
        "account 999999999991 is named 'legacy' in aws; the model calls it 'legacy-999999999991' (names must be unique handles: letters, digits, ., _ and -)",
      ]),
    );
  });

  test('synced principals are written only when something references them', () => {
    expect(out.model.groups?.map((g) => g.name)).toEqual(['Auditors', 'Developers', 'PlatformAdmins']);
    expect(out.model.users?.map((u) => u.userName)).toEqual(['alice', 'bob', 'carol']);
    expect(out.model.groups?.[0]).toEqual({ name: 'Auditors', external: true });
  });

  test('an assignment whose principal no longer exists is skipped with a note', () => {
    expect(out.notes).toContain(`skipped assignment of user ${userId('gone')} to ${psArn('Admin')} in account 333333333333: principal not found`);
    expect(out.plan.resources.filter((r) => r.id.startsWith(userId('gone')))).toEqual([]);
  });

  test('a permission set provisioned to an account without assignments adds nothing', () => {
    expect(out.calls.get('ListAccountAssignments')?.some((i) => i.AccountId === '666666666666')).toBe(true);
    const readOnlyInSandbox = out.plan.resources.filter(
      (r) => r.type === ImportResourceType.ACCOUNT_ASSIGNMENT && r.id.includes(`,666666666666,AWS_ACCOUNT,${psArn('ReadOnly')},`),
    );
    expect(readOnlyInSandbox).toEqual([]);
  });

  test('assignments outside any structure stay explicit accounts', () => {
    expect(out.model.assignments).toContainEqual({ group: 'Developers', permissionSet: 'Billing', accounts: ['Shared-Services'] });
  });

  test('every existing assignment gets an import entry keyed like the IR, with the provider import id', () => {
    const entries = out.plan.resources.filter((r) => r.type === ImportResourceType.ACCOUNT_ASSIGNMENT);
    const live = smallEstate().assignments.filter((a) => a.principalId !== userId('gone'));
    expect(entries).toHaveLength(live.length);
    expect(entries).toContainEqual({
      type: 'aws_ssoadmin_account_assignment',
      key: 'GROUP/PlatformAdmins/Admin/management',
      identity: { principalType: 'GROUP', principal: 'PlatformAdmins', permissionSet: 'Admin', account: 'management' },
      id: `${groupId('PlatformAdmins')},GROUP,111111111111,AWS_ACCOUNT,${psArn('Admin')},${INSTANCE_ARN}`,
    });
  });

  test.each<[ImportResourceType, string, string]>([
    [ImportResourceType.PERMISSION_SET, 'ReadOnly', `${psArn('ReadOnly')},${INSTANCE_ARN}`],
    [
      ImportResourceType.MANAGED_POLICY_ATTACHMENT,
      'ReadOnly/arn:aws:iam::aws:policy/SecurityAudit',
      `arn:aws:iam::aws:policy/SecurityAudit,${psArn('ReadOnly')},${INSTANCE_ARN}`,
    ],
    [ImportResourceType.CUSTOMER_MANAGED_POLICY_ATTACHMENT, 'ReadOnly//teams/TeamBoundary', `TeamBoundary,/teams/,${psArn('ReadOnly')},${INSTANCE_ARN}`],
    [ImportResourceType.INLINE_POLICY, 'ReadOnly', `${psArn('ReadOnly')},${INSTANCE_ARN}`],
    [ImportResourceType.PERMISSIONS_BOUNDARY_ATTACHMENT, 'ReadOnly', `${psArn('ReadOnly')},${INSTANCE_ARN}`],
    [ImportResourceType.GROUP, 'PlatformAdmins', `${STORE_ID}/${groupId('PlatformAdmins')}`],
    [ImportResourceType.USER, 'alice', `${STORE_ID}/${userId('alice')}`],
    [ImportResourceType.KMS_KEY, 'identity-center', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
    [ImportResourceType.KMS_ALIAS, 'identity-center', 'alias/identity-center'],
  ])('plan holds %s %s with import id %s', (type, key, id) => {
    expect(out.plan.resources.find((r) => r.type === type && r.key === key)?.id).toBe(id);
  });

  test('replica keys are imported in their own region', () => {
    expect(out.plan.resources.filter((r) => r.type === ImportResourceType.KMS_REPLICA_KEY)).toEqual([
      {
        type: 'aws_kms_replica_key',
        key: 'identity-center/eu-central-2',
        identity: { key: 'identity-center', region: 'eu-central-2' },
        id: 'mrk-1234abcd12ab34cd56ef1234567890ab',
        region: 'eu-central-2',
      },
    ]);
  });

  test("a replica's alias is read in the replica's Region and imported there (aliases are Regional)", async () => {
    // the small estate's replica carries the primary's alias; ListAliases asked eu-central-2 for the replica's ARN
    expect(out.plan.resources.filter((r) => r.type === ImportResourceType.KMS_ALIAS)).toEqual([
      { type: 'aws_kms_alias', key: 'identity-center', identity: { alias: 'alias/identity-center', key: 'identity-center' }, id: 'alias/identity-center' },
      {
        type: 'aws_kms_alias',
        key: 'identity-center/eu-central-2',
        identity: { alias: 'alias/identity-center', key: 'identity-center', region: 'eu-central-2' },
        id: 'alias/identity-center',
        region: 'eu-central-2',
      },
    ]);
    // GIVEN a replica without an alias in its Region (made outside idcgen), THEN there is nothing to import for it
    const estate = smallEstate();
    const bare = await importEstate({ ...estate, key: { ...estate.key!, replicaAliases: {} } });
    expect(bare.plan.resources.filter((r) => r.type === ImportResourceType.KMS_ALIAS).map((r) => r.key)).toEqual(['identity-center']);
  });

  test('synced principals are never imported: idcgen does not create them', () => {
    const ids = out.plan.resources.map((r) => r.id).join('\n');
    expect(ids).not.toContain(`${STORE_ID}/${groupId('Auditors')}`);
    expect(ids).not.toContain(`${STORE_ID}/${userId('carol')}`);
  });

  test('the plan file reads back and is sorted by type, then key', () => {
    const plan = parseImportPlan(out.planJson, 'org.imports.json');
    const order = plan.resources.map((r) => `${r.type} ${r.key}`);
    expect(order).toEqual([...order].sort());
    expect(plan.instanceArn).toBe(INSTANCE_ARN);
  });
});

describe('pagination', () => {
  test('every list call follows its page token and the result matches an unpaged read', async () => {
    // GIVEN the same estate served one item per page
    const paged = await importEstate(smallEstate(), { pageSize: 1 });
    const whole = await importEstate(smallEstate(), { pageSize: 1000 });
    expect(paged.yaml).toBe(whole.yaml);
    expect(paged.planJson).toBe(whole.planJson);
    // THEN each list operation was called with a token at least once
    const listOps = [...paged.calls.keys()].filter((op) => op.startsWith('List'));
    const withoutToken = listOps.filter((op) => !(paged.calls.get(op) ?? []).some((i) => i.NextToken !== undefined || i.Marker !== undefined));
    // these return one item here (one instance, one root, one alias in each Region, one key tag, one tag per permission set,
    // and one application: the AWS managed one the fake lists beside the estate's none): one page, no token
    expect(withoutToken.sort()).toEqual([
      'ListAliases',
      'ListAliases(eu-central-2)',
      'ListApplications',
      'ListInstances',
      'ListResourceTags',
      'ListRoots',
      'ListTagsForResource(sso-admin)',
    ]);
    expect(listOps.length).toBeGreaterThanOrEqual(14);
  });
});

describe('throttling', () => {
  test('throttled calls are retried with exponential backoff and the result is unchanged', async () => {
    const calm = await importEstate(smallEstate());
    const throttled = await importEstate(smallEstate(), {
      throttle: (op, nth) => (op === 'ListAccountAssignments' && nth <= 3) || (op === 'DescribeOrganization' && nth === 1) || (op === 'ListUsers' && nth <= 2),
    });
    expect(throttled.yaml).toBe(calm.yaml);
    expect(throttled.planJson).toBe(calm.planJson);
    // three throttles in a row back off 200, 400, 800 ms (pacing waits are in the list too)
    expect(throttled.sleeps).toEqual(expect.arrayContaining([200, 400, 800]));
    const count = (r: typeof calm, op: string): number => r.calls.get(op)?.length ?? 0;
    expect(count(throttled, 'ListAccountAssignments')).toBe(count(calm, 'ListAccountAssignments') + 3);
    expect(count(throttled, 'ListUsers')).toBe(count(calm, 'ListUsers') + 2);
    expect(count(throttled, 'DescribeOrganization')).toBe(2);
  });

  test('fails if AWS keeps throttling, naming the operation', async () => {
    await expect(importEstate(smallEstate(), { throttle: (op) => op === 'ListPermissionSets' })).rejects.toThrow(
      'ListPermissionSets was throttled 8 times in a row; retry later or raise the ssoAdmin quota',
    );
  });
});

describe('instance and key', () => {
  test('fails if the region holds two instances and none is chosen', async () => {
    const other = 'arn:aws:sso:::instance/ssoins-9999888877776666';
    await expect(importEstate(smallEstate(), { otherInstances: [other] })).rejects.toThrow(
      `2 identity center instances in this region (${INSTANCE_ARN}, ${other}); choose one with --instance-arn`,
    );
    const chosen = await importEstate(smallEstate(), { otherInstances: [other] }, { instanceArn: INSTANCE_ARN });
    expect(chosen.model.identityCenter.instanceArn).toBe(INSTANCE_ARN);
  });

  test('fails if the chosen instance is not in the region', async () => {
    await expect(importEstate(smallEstate(), {}, { instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000' })).rejects.toThrow(
      `instance arn:aws:sso:::instance/ssoins-0000000000000000 is not in this region; instances found: ${INSTANCE_ARN}`,
    );
  });

  test('an instance on the AWS owned key imports no key and no encryption setting', async () => {
    const { keys: _keys, identityCenter, ...rest } = BASE;
    const model: OrgModel = {
      ...rest,
      identityCenter: { region: identityCenter.region, instanceArn: identityCenter.instanceArn, identityStoreId: identityCenter.identityStoreId },
    };
    const out = await importEstate(estateFromModel(model));
    expect(out.model.keys).toBeUndefined();
    expect(out.model.identityCenter.encryption).toBeUndefined();
    expect(out.calls.has('DescribeKey')).toBe(false);
    expect(out.plan.resources.some((r) => r.type.startsWith('aws_kms'))).toBe(false);
  });

  test('key principals the model cannot express are reported', async () => {
    const e = smallEstate();
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Admins',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111111111111:user/bob', 'arn:aws:iam::111111111111:role/KeyAdmin'] },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    const out = await importEstate({ ...e, key: { ...(e.key as NonNullable<Estate['key']>), policy } });
    // the role from the console-style statement, and Admin found through its inline policy
    expect(out.model.keys?.[0].administrators).toEqual([
      { permissionSet: 'Admin', account: 'management' },
      { role: 'arn:aws:iam::111111111111:role/KeyAdmin' },
    ]);
    expect(out.notes).toContain(
      'key identity-center: principal arn:aws:iam::111111111111:user/bob in statement Admins cannot be written in the model; the generated key policy will not include it',
    );
    expect(out.notes.find((n) => n.startsWith('key identity-center: the generated key policy differs'))).toMatch(
      /replaced: Admins; added: .*AllowIdentityCenterAdminAccounts/,
    );
    expect(() => resolveText(out.yaml)).not.toThrow();
  });
});
