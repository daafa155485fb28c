/**
 * Targets by account id and by OU id (issue 18): `accounts:` accepts a 12-digit id of an account in
 * the model, `ous:` an OU id (`ou-…`) or the root id (`r-…`) that `organizationalUnits` maps to a
 * path; exclusions accept the same. Unit level through selectAccounts, then end to end through a
 * model file (positions and messages checked by hand).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResolvedAccount } from '../../src/model/ir';
import { formatIssue, ModelError } from '../../src/model/issues';
import { selectAccounts, type TargetInput } from '../../src/model/targets';
import { loadResolved } from '../../src/pipeline';

const ORG: ResolvedAccount[] = [
  { name: 'management', id: '111111111111', ou: 'Root', tags: {} },
  { name: 'security', id: '222222222222', ou: 'Security', tags: {} },
  { name: 'prod-app', id: '333333333333', ou: 'Workloads/Prod', tags: {} },
  { name: 'prod-data', id: '444444444444', ou: 'Workloads/Prod/Data', tags: {} },
  { name: 'dev-app', id: '555555555555', ou: 'Workloads/Dev', tags: {} },
];

// OU id → normalized OU path ('' is the root).
const OU_IDS = new Map([
  ['r-ab12', ''],
  ['ou-ab12-11111111', 'Security'],
  ['ou-ab12-22222222', 'Workloads'],
  ['ou-ab12-33333333', 'Workloads/Prod'],
  ['ou-ab12-44444444', 'Sandbox'],
]);

const select = (t: TargetInput) => selectAccounts(t, ORG, 'management', OU_IDS);

describe('accounts by id', () => {
  test('an account id selects that account; the reason names the id and the account', () => {
    // GIVEN a target naming one account by id and one by name
    const { selected, problems } = select({ accounts: ['333333333333', 'security'] });
    // THEN both are selected, the id's reason saying which account it is
    expect(problems).toEqual([]);
    expect(selected.map((s) => [s.account.name, s.reasons])).toEqual([
      ['prod-app', ['account 333333333333 (prod-app)']],
      ['security', ['account security']],
    ]);
  });

  test('the management account named by id is selected, as when named by name', () => {
    expect(select({ accounts: ['111111111111'] }).selected.map((s) => s.account.name)).toEqual(['management']);
  });

  test('fails if an account id is not in the model, listing the ids it knows', () => {
    expect(select({ accounts: ['999999999999'] }).problems).toEqual([
      {
        path: ['accounts', 0],
        message: "account id '999999999999' is not in accounts; known account ids: 111111111111, 222222222222, 333333333333, 444444444444, 555555555555",
      },
    ]);
  });

  test('exclude accepts account ids', () => {
    const { selected, problems } = select({ ous: ['Workloads'], exclude: { accounts: ['444444444444'] } });
    expect(problems).toEqual([]);
    expect(selected.map((s) => s.account.name)).toEqual(['dev-app', 'prod-app']);
  });
});

describe('ous by id', () => {
  test('an ou id selects that ou and everything below it, each reason naming the id and the ou', () => {
    const { selected, problems } = select({ ous: ['ou-ab12-22222222'] });
    expect(problems).toEqual([]);
    expect(selected.map((s) => [s.account.name, s.reasons])).toEqual([
      ['dev-app', ['ou ou-ab12-22222222 (Workloads/Dev)']],
      ['prod-app', ['ou ou-ab12-22222222 (Workloads/Prod)']],
      ['prod-data', ['ou ou-ab12-22222222 (Workloads/Prod/Data)']],
    ]);
  });

  test('{ path: <ou id>, recursive: false } selects only the accounts directly in it', () => {
    expect(select({ ous: [{ path: 'ou-ab12-33333333', recursive: false }] }).selected.map((s) => s.account.name)).toEqual(['prod-app']);
  });

  test('the root id selects the organization, the management account only when asked for', () => {
    expect(select({ ous: ['r-ab12'] }).selected.map((s) => s.account.name)).toEqual(['dev-app', 'prod-app', 'prod-data', 'security']);
    expect(select({ ous: ['r-ab12'], includeManagementAccount: true }).selected.map((s) => s.account.name)).toContain('management');
  });

  test('exclude accepts ou ids', () => {
    const { selected, problems } = select({ ous: ['Root'], exclude: { ous: ['ou-ab12-33333333'] } });
    expect(problems).toEqual([]);
    expect(selected.map((s) => s.account.name)).toEqual(['dev-app', 'security']);
  });

  test('fails if an ou id is not in organizationalUnits', () => {
    expect(select({ ous: ['ou-ab12-99999999'] }).problems).toEqual([
      {
        path: ['ous', 0],
        message:
          "ou id 'ou-ab12-99999999' is not in organizationalUnits; add it there (idcgen accounts sync fills organizationalUnits) or write the ou path; ou ids known: ou-ab12-11111111, ou-ab12-22222222, ou-ab12-33333333, ou-ab12-44444444, r-ab12",
      },
    ]);
  });

  test('fails if a known ou id holds no account, naming its path', () => {
    expect(select({ ous: ['ou-ab12-44444444'] }).problems).toEqual([
      {
        path: ['ous', 0],
        message: 'ou ou-ab12-44444444 (Sandbox) matches no account; ous that hold accounts: Root, Security, Workloads/Dev, Workloads/Prod, Workloads/Prod/Data',
      },
    ]);
  });

  test('without organizationalUnits an ou id is unknown', () => {
    expect(selectAccounts({ ous: ['ou-ab12-22222222'] }, ORG, 'management').problems[0].message).toMatch(
      /^ou id 'ou-ab12-22222222' is not in organizationalUnits;.*ou ids known: \(none\)$/,
    );
  });
});

describe('in a model file', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-target-ids-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const HEAD = `version: 1
organization: { id: o-a1b2c3d4e5, managementAccount: management }
identityCenter: { region: eu-west-1 }
accounts:
  - { name: management, id: "111111111111", ou: Root }
  - { name: prod, id: "333333333333", ou: Workloads/Prod }
  - { name: dev, id: "555555555555", ou: Workloads/Dev }
groups: [{ name: Ops }]
permissionSets: [{ name: ReadOnly }]
`;

  function issues(body: string): string[] {
    const file = path.join(tmp, 'org.yaml');
    fs.writeFileSync(file, HEAD + body);
    try {
      loadResolved(file);
      return [];
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      return e.issues.map((i) => formatIssue(i).slice(file.length + 1));
    }
  }

  test('an assignment by ou id and account id expands like one by path and name', () => {
    const file = path.join(tmp, 'org.yaml');
    fs.writeFileSync(
      file,
      `${HEAD}organizationalUnits: { Root: r-ab12, Workloads: ou-ab12-22222222, Workloads/Prod: ou-ab12-33333333, Workloads/Dev: ou-ab12-55555555 }
assignments:
  - { group: Ops, permissionSet: ReadOnly, ous: [ou-ab12-22222222], exclude: { accounts: ["555555555555"] } }
  - { group: Ops, permissionSet: ReadOnly, accounts: ["111111111111"] }
`,
    );
    const { ir } = loadResolved(file);
    expect(ir.assignments.map((a) => [a.key, a.reasons])).toEqual([
      ['GROUP/Ops/ReadOnly/management', ['account 111111111111 (management)']],
      ['GROUP/Ops/ReadOnly/prod', ['ou ou-ab12-22222222 (Workloads/Prod)']],
    ]);
  });

  test('fails, positioned, for an ou id the model does not map', () => {
    expect(
      issues(`organizationalUnits: { Workloads: ou-ab12-22222222 }
assignments:
  - { group: Ops, permissionSet: ReadOnly, ous: [ou-ab12-77777777] }
`),
    ).toEqual([
      "12:50: ou id 'ou-ab12-77777777' is not in organizationalUnits; add it there (idcgen accounts sync fills organizationalUnits) or write the ou path; ou ids known: ou-ab12-22222222",
    ]);
  });

  test('fails, positioned, for an account id the model does not hold', () => {
    expect(issues('assignments:\n  - { group: Ops, permissionSet: ReadOnly, accounts: ["999999999999"] }\n')).toEqual([
      "11:55: account id '999999999999' is not in accounts; known account ids: 111111111111, 333333333333, 555555555555",
    ]);
  });

  test.each([
    [
      'an ou id of the wrong shape',
      'organizationalUnits: { Workloads: ou-AB12-x }\n',
      "10:35: organizationalUnits 'Workloads' id 'ou-AB12-x' is not valid; expected ou- and 4 to 32 lowercase letters or digits, -, and 8 to 32 lowercase letters or digits, e.g. ou-ab12-34cd56ef",
    ],
    [
      'the root with an ou id',
      'organizationalUnits: { Root: ou-ab12-22222222 }\n',
      "10:30: organizationalUnits 'Root' id 'ou-ab12-22222222' is not valid; expected r- and 4 to 32 lowercase letters or digits, e.g. r-ab12",
    ],
    [
      'an ou with the root id',
      'organizationalUnits: { Workloads: r-ab12 }\n',
      "10:35: organizationalUnits 'Workloads' id 'r-ab12' is not valid; expected ou- and 4 to 32 lowercase letters or digits, -, and 8 to 32 lowercase letters or digits, e.g. ou-ab12-34cd56ef",
    ],
    [
      'one id for two paths',
      'organizationalUnits: { Workloads: ou-ab12-22222222, Security: ou-ab12-22222222 }\n',
      "10:63: ou id 'ou-ab12-22222222' is given to both Workloads and Security; each ou has its own id",
    ],
    [
      'one path written twice',
      'organizationalUnits: { Workloads: ou-ab12-22222222, Root/Workloads: ou-ab12-33333333 }\n',
      "10:53: organizationalUnits 'Root/Workloads' is the ou Workloads, which is already listed; list each ou once",
    ],
    [
      'an ou of another root',
      'organizationalUnits: { Root: r-ab12, Workloads: ou-zz99-22222222 }\n',
      "10:49: ou id 'ou-zz99-22222222' belongs to root r-zz99, but organizationalUnits gives Root the id r-ab12; ou ids start with ou-<root id suffix>-",
    ],
    [
      'an empty path segment',
      'organizationalUnits: { Workloads//Prod: ou-ab12-22222222 }\n',
      "10:24: organizationalUnits 'Workloads//Prod' has an empty path segment; write ou paths like Workloads/Prod",
    ],
  ])('fails if organizationalUnits has %s', (_, body, message) => {
    expect(issues(body)).toEqual([message]);
  });

  test('fails if exclude names an account id the model does not hold', () => {
    expect(issues('assignments:\n  - { group: Ops, permissionSet: ReadOnly, ous: [Workloads], exclude: { accounts: ["999999999999"] } }\n')).toEqual([
      "11:84: account id '999999999999' is not in accounts; known account ids: 111111111111, 333333333333, 555555555555",
    ]);
  });
});
