/**
 * `idcgen accounts sync` against AWS Organizations served by aws-sdk-client-mock (the import's
 * fake, with pagination and throttling): what changes, how the files are edited (only the lines
 * that change; comments and other keys kept), exit codes, and that only read calls are made.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT_CHANGED, runAccountsSync, type SyncArgs } from '../../src/cli/cmds/accounts';
import type { Estate, EstateAccount } from '../../src/import/estate';
import { loadResolved } from '../../src/pipeline';
import { accountHandle } from '../../src/sync/plan';
import { runCli } from '../support/cli';
import { fakeAws, fakeOuId, type FakeOptions } from '../import/support/fake-aws';

const ROOT = path.resolve(__dirname, '../..');
const READ_OPERATIONS = [
  'DescribeOrganization',
  'ListRoots',
  'ListAccountsForParent',
  'ListOrganizationalUnitsForParent',
  'ListTagsForResource(organizations)',
];

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-sync-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Copy an example (a file or the split directory) into tmp; returns the main model's path. */
function copyExample(rel: string): string {
  const src = path.join(ROOT, rel);
  if (fs.statSync(src).isDirectory()) {
    fs.cpSync(src, path.join(tmp, 'model'), { recursive: true });
    return path.join(tmp, 'model', 'main.yaml');
  }
  fs.mkdirSync(path.join(tmp, 'model'));
  fs.copyFileSync(src, path.join(tmp, 'model', 'org.yaml'));
  return path.join(tmp, 'model', 'org.yaml');
}

/** The organization as the model describes it (nothing but Organizations is read), then changed by `edit`. */
function organizationOf(modelFile: string, edit: (accounts: EstateAccount[]) => EstateAccount[] = (a) => a): Estate {
  const { ir } = loadResolved(modelFile);
  const accounts: EstateAccount[] = ir.accounts.map((a) => ({ id: a.id, name: a.name, ouPath: a.ou === 'Root' ? [] : a.ou.split('/'), tags: { ...a.tags } }));
  return {
    region: ir.identityCenter.region,
    instance: { instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444', identityStoreId: 'd-1111222233' },
    organization: { id: ir.organization.id, managementAccountId: ir.organization.managementAccountId, accounts: edit(accounts) },
    permissionSets: [],
    groups: [],
    users: [],
    assignments: [],
  };
}

function sink(): { text: string; write(s: string): boolean } {
  return {
    text: '',
    write(s: string) {
      this.text += s;
      return true;
    },
  };
}

async function sync(model: string, estate: Estate, opts: FakeOptions & Partial<SyncArgs> = {}) {
  const aws = fakeAws(estate, opts);
  const stdout = sink();
  const stderr = sink();
  try {
    const code = await runAccountsSync(
      { model, write: opts.write ?? false },
      { organizations: () => aws.clients.organizations, sleep: async () => {}, stdout, stderr },
    );
    return { code, stdout: stdout.text, stderr: stderr.text, calls: aws.calls };
  } finally {
    aws.restore();
  }
}

const NEW_PROD: EstateAccount = { id: '777777777777', name: 'Payments Prod (EU)', ouPath: ['Workloads', 'Prod'], tags: { env: 'prod', owner: 'payments' } };

describe('GIVEN the split example, whose accounts live in an included file', () => {
  test('WHEN the organization matches THEN nothing changes (exit 0) and only read calls were made', async () => {
    const model = copyExample('examples/split');
    const res = await sync(model, organizationOf(model));
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(`idcgen accounts sync: ${model} is up to date (3 accounts in the organization)\n`);
    expect([...res.calls.keys()].sort()).toEqual([...READ_OPERATIONS].sort());
  });

  test('WHEN an account is added, one moves, one is retagged and one is suspended THEN the diff shows exactly that, exit 3, and nothing is written without --write', async () => {
    const model = copyExample('examples/split');
    const accountsFile = path.join(path.dirname(model), 'accounts.yaml');
    const before = fs.readFileSync(accountsFile, 'utf8');
    const estate = organizationOf(model, (accounts) => [
      ...accounts.map((a) =>
        a.id === '333333333333'
          ? { ...a, ouPath: ['Workloads', 'Production'], tags: { env: 'prod', team: 'apps' } }
          : a.id === '555555555555'
            ? { ...a, state: 'SUSPENDED' }
            : a,
      ),
      NEW_PROD,
    ]);
    const res = await sync(model, estate);
    expect(res.code).toBe(EXIT_CHANGED);
    expect(res.stdout).toBe(
      [
        `--- a/${accountsFile}`,
        `+++ b/${accountsFile}`,
        '@@ -1,5 +1,5 @@',
        ' # Included by main.yaml: list sections only (no version, no settings).',
        ' accounts:',
        '   - { name: management, id: "111111111111", ou: Root }',
        '-  - { name: prod-app, id: "333333333333", ou: Workloads/Prod, tags: { env: prod } }',
        '-  - { name: dev-app, id: "555555555555", ou: Workloads/Dev, tags: { env: dev } }',
        '+  - { name: prod-app, id: "333333333333", ou: Workloads/Production, tags: { env: prod, team: apps } }',
        '+  - { name: payments-prod-eu, id: "777777777777", ou: Workloads/Prod, tags: { env: prod, owner: payments } }',
        '',
      ].join('\n'),
    );
    expect(res.stderr).toContain(
      "idcgen accounts sync: warning: account 'dev-app' (555555555555) is suspended in aws organizations: removed from the model; assignments can no longer reach it\n",
    );
    expect(res.stderr).toContain(
      'idcgen accounts sync: 1 added (payments-prod-eu), 1 removed (dev-app), 1 updated (prod-app); nothing written (pass --write to apply)\n',
    );
    expect(fs.readFileSync(accountsFile, 'utf8')).toBe(before);
  });

  test('WHEN run with --write THEN the files change as the diff said, the model validates, and a second run changes nothing', async () => {
    const model = copyExample('examples/split');
    const estate = organizationOf(model, (accounts) => [...accounts, NEW_PROD]);
    const res = await sync(model, estate, { write: true });
    expect(res.code).toBe(EXIT_CHANGED);
    expect(res.stderr).toMatch(/; wrote .*accounts\.yaml\n$/);
    const accountsFile = path.join(path.dirname(model), 'accounts.yaml');
    expect(fs.readFileSync(accountsFile, 'utf8')).toBe(
      `${fs.readFileSync(path.join(ROOT, 'examples/split/accounts.yaml'), 'utf8')}  - { name: payments-prod-eu, id: "777777777777", ou: Workloads/Prod, tags: { env: prod, owner: payments } }\n`,
    );
    const { ir } = loadResolved(model);
    expect(ir.accounts.find((a) => a.id === '777777777777')).toEqual({
      name: 'payments-prod-eu',
      id: '777777777777',
      ou: 'Workloads/Prod',
      tags: { env: 'prod', owner: 'payments' },
    });
    const again = await sync(model, estate, { write: true });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
  });
});

describe('GIVEN typical.yaml, whose accounts share the main file with everything else', () => {
  test('WHEN an account is added THEN only its line is added: comments, flow lists and every other line stay byte for byte', async () => {
    const model = copyExample('examples/typical.yaml');
    const before = fs.readFileSync(model, 'utf8');
    const res = await sync(
      model,
      organizationOf(model, (a) => [...a, NEW_PROD]),
      { write: true },
    );
    expect(res.code).toBe(EXIT_CHANGED);
    const after = fs.readFileSync(model, 'utf8');
    const added = '  - { name: payments-prod-eu, id: "777777777777", ou: Workloads/Prod, tags: { env: prod, owner: payments } }\n';
    const last = '  - { name: sandbox, id: "666666666666", ou: Sandbox, tags: { env: dev } }\n';
    expect(after).toBe(before.replace(last, last + added));
    // the new account is in production Workloads: the Auditors' ou glob reaches it
    const { ir } = loadResolved(model);
    expect(ir.assignments.filter((a) => a.accountName === 'payments-prod-eu').map((a) => a.key)).toEqual(['GROUP/Auditors/ReadOnly/payments-prod-eu']);
  });

  test('WHEN a removed account is still named by an assignment THEN the sync says where, and still reports the change (exit 3)', async () => {
    const model = copyExample('examples/typical.yaml');
    const res = await sync(
      model,
      organizationOf(model, (a) => a.filter((x) => x.name !== 'security')),
    );
    expect(res.code).toBe(EXIT_CHANGED);
    expect(res.stderr).toContain(
      "idcgen accounts sync: warning: account 'security' (222222222222) is not in organization o-a1b2c3d4e5: removed from the model; assignments can no longer reach it\n",
    );
    expect(res.stderr).toMatch(
      new RegExp(
        `idcgen accounts sync: warning: after the sync: ${model.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: account 'security' is not defined in accounts`,
      ),
    );
  });
});

describe('reading AWS', () => {
  test('pages of one item and a throttled first call of every operation give the same result', async () => {
    const model = copyExample('examples/split');
    const estate = organizationOf(model, (a) => [...a, NEW_PROD]);
    const plain = await sync(model, estate);
    const hard = await sync(model, estate, { pageSize: 1, throttle: (_op, nth) => nth === 1 });
    expect(hard.code).toBe(plain.code);
    expect(hard.stdout).toBe(plain.stdout);
    expect(hard.stderr).toContain('ListRoots throttled (attempt 1); retrying in 200 ms');
    // Workloads/Prod holds two accounts: two pages, the second asked for with the first's token
    const prodPages = (hard.calls.get('ListAccountsForParent') ?? []).filter((c) => c.ParentId === fakeOuId(['Workloads', 'Prod']));
    expect(prodPages.map((c) => c.NextToken)).toEqual([undefined, 'page-1']);
    expect([...hard.calls.keys()].sort()).toEqual([...READ_OPERATIONS].sort());
  });

  test('fails (exit 1) if the credentials belong to another organization', async () => {
    const model = copyExample('examples/split');
    const estate = organizationOf(model);
    const other = { ...estate, organization: { ...estate.organization, id: 'o-zzzzzzzzzz' } };
    await expect(sync(model, other)).rejects.toThrow(
      "aws organizations answered for organization o-zzzzzzzzzz, but the model is organization o-a1b2c3d4e5; use credentials of the model's organization",
    );
  });
});

describe('organizationalUnits (OU path -> id, for targets by OU id)', () => {
  const ids = {
    root: 'r-root',
    security: fakeOuId(['Security']),
    workloads: fakeOuId(['Workloads']),
    prod: fakeOuId(['Workloads', 'Prod']),
    dev: fakeOuId(['Workloads', 'Dev']),
    sandbox: fakeOuId(['Sandbox']),
  };

  test('GIVEN a model with organizationalUnits: {} WHEN synced THEN it lists the root and every ou with its id, once, and a target by ou id then resolves', async () => {
    const model = copyExample('examples/typical.yaml');
    fs.writeFileSync(model, fs.readFileSync(model, 'utf8').replace('accounts:\n', 'organizationalUnits: {}\naccounts:\n'));
    const res = await sync(model, organizationOf(model), { write: true });
    expect(res.code).toBe(EXIT_CHANGED);
    expect(res.stderr).toContain('0 added, 0 removed, 0 updated, 6 organizationalUnits changes; wrote');
    // Root first, then by path; a block mapping, one ou a line (Workloads holds no account, yet is listed)
    expect(fs.readFileSync(model, 'utf8')).toContain(
      [
        'organizationalUnits:',
        `  Root: ${ids.root}`,
        `  Sandbox: ${ids.sandbox}`,
        `  Security: ${ids.security}`,
        `  Workloads: ${ids.workloads}`,
        `  Workloads/Dev: ${ids.dev}`,
        `  Workloads/Prod: ${ids.prod}`,
        'accounts:',
      ].join('\n'),
    );
    const again = await sync(model, organizationOf(model));
    expect(again.code).toBe(0);

    fs.writeFileSync(
      model,
      fs.readFileSync(model, 'utf8').replace('assignments:\n', `assignments:\n  - { group: Developers, permissionSet: ReadOnly, ous: [${ids.workloads}] }\n`),
    );
    const { ir } = loadResolved(model);
    expect(ir.assignments.filter((a) => a.principalName === 'Developers' && a.permissionSet === 'ReadOnly').map((a) => [a.accountName, a.reasons])).toEqual([
      ['dev-app', [`ou ${ids.workloads} (Workloads/Dev)`]],
      ['prod-app', [`ou ${ids.workloads} (Workloads/Prod)`]],
    ]);
  });

  test('GIVEN entries for a renamed ou, a recreated ou and a deleted ou WHEN synced THEN each follows organizations, in place, comments kept', async () => {
    const model = copyExample('examples/typical.yaml');
    const section = [
      'organizationalUnits:',
      `  Root: ${ids.root}`,
      `  Security: ${ids.security}   # kept as it is`,
      `  Root/Workloads: ${ids.workloads}`,
      `  Production: ${ids.prod}   # renamed to Workloads/Prod in organizations`,
      '  Workloads/Dev: ou-root-0000000000   # recreated: a new id',
      '  Legacy: ou-root-1111111111   # deleted',
      '',
    ].join('\n');
    fs.writeFileSync(model, fs.readFileSync(model, 'utf8').replace('accounts:\n', `${section}accounts:\n`));
    const res = await sync(model, organizationOf(model), { write: true });
    expect(res.code).toBe(EXIT_CHANGED);
    expect(res.stderr).toContain(`note: ou Legacy (ou-root-1111111111) is not in organization o-a1b2c3d4e5: removed from organizationalUnits`);
    expect(fs.readFileSync(model, 'utf8')).toContain(
      [
        'organizationalUnits:',
        `  Root: ${ids.root}`,
        `  Security: ${ids.security}   # kept as it is`,
        `  Root/Workloads: ${ids.workloads}`,
        // a changed line is written anew (one space before its comment); unchanged lines stay byte for byte
        `  Workloads/Prod: ${ids.prod} # renamed to Workloads/Prod in organizations`,
        `  Workloads/Dev: ${ids.dev} # recreated: a new id`,
        `  Sandbox: ${ids.sandbox}`,
        'accounts:',
      ].join('\n'),
    );
  });

  test('GIVEN a model without organizationalUnits WHEN synced THEN no section is added', async () => {
    const model = copyExample('examples/typical.yaml');
    const res = await sync(model, organizationOf(model));
    expect(res.code).toBe(0);
  });
});

describe('names of new accounts', () => {
  test.each([
    ['Payments Prod (EU)', 'payments-prod-eu'],
    ['Zürich Data', 'zurich-data'],
    ['--Log Archive--', 'log-archive'],
    ['日本', 'account'],
    ['A'.repeat(80), 'a'.repeat(50)],
  ])('%s becomes %s', (aws, name) => {
    expect(accountHandle(aws)).toBe(name);
  });

  test('a taken name, or one two new accounts share, gets the account id, whatever the listing order', async () => {
    const model = copyExample('examples/split');
    const fresh: EstateAccount[] = [
      { id: '888888888888', name: 'Data Lake', ouPath: ['Sandbox'], tags: {} },
      { id: '999999999999', name: 'data-lake', ouPath: ['Sandbox'], tags: {} },
      { id: '123456789012', name: 'Prod App', ouPath: ['Sandbox'], tags: {} },
      { id: '210987654321', name: 'Pending', ouPath: ['Sandbox'], tags: {}, state: 'PENDING_ACTIVATION' },
    ];
    const forward = await sync(
      model,
      organizationOf(model, (a) => [...a, ...fresh]),
    );
    const backward = await sync(
      model,
      organizationOf(model, (a) => [...fresh].reverse().concat(a)),
    );
    expect(forward.stdout).toBe(backward.stdout);
    expect(forward.stderr).toContain('3 added (data-lake-888888888888, data-lake-999999999999, prod-app-123456789012)');
    expect(forward.stderr).toContain("note: account 'Pending' (210987654321) is still being created; it will be added once active");
  });
});

test('idcgen accounts needs a subcommand (usage, exit 2)', async () => {
  const res = await runCli(['accounts']);
  expect(res.code).toBe(2);
  expect(res.stderr).toContain('name a subcommand: sync');
});
