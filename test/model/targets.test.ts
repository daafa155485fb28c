import type { ResolvedAccount } from '../../src/model/ir';
import { selectAccounts, type TargetInput } from '../../src/model/targets';

const acct = (name: string, ou: string, tags: Record<string, string> = {}): ResolvedAccount => ({
  name,
  id: String(100000000000 + name.length * 7919 + name.charCodeAt(0)).slice(0, 12),
  ou,
  tags,
});

// GIVEN an organization: management in the root, Workloads with nested Prod/Sub and Dev
const ORG: ResolvedAccount[] = [
  acct('management', 'Root', { env: 'prod' }),
  acct('sandbox', 'Root'),
  acct('security', 'Security', { env: 'prod', team: 'sec' }),
  acct('workloads-shared', 'Workloads', { env: 'shared' }),
  acct('prod-app', 'Workloads/Prod', { env: 'prod', team: 'app' }),
  acct('prod-data', 'Workloads/Prod/Data', { env: 'prod', team: 'data' }),
  acct('dev-app', 'Workloads/Dev', { env: 'dev', team: 'app' }),
  acct('team-a', 'Teams/Team-A', { team: 'a' }),
  acct('team-b', 'Teams/Team-B', { team: 'b' }),
];

function names(target: TargetInput): string[] {
  const { selected, problems } = selectAccounts(target, ORG, 'management');
  expect(problems).toEqual([]);
  return selected.map((s) => s.account.name);
}

function problemsOf(target: TargetInput): { path: (string | number)[]; message: string }[] {
  return selectAccounts(target, ORG, 'management').problems;
}

describe('accounts by name', () => {
  test('selects the named accounts, sorted by name, with an account reason', () => {
    const { selected } = selectAccounts({ accounts: ['security', 'prod-app'] }, ORG, 'management');
    expect(selected.map((s) => [s.account.name, s.reasons])).toEqual([
      ['prod-app', ['account prod-app']],
      ['security', ['account security']],
    ]);
  });

  test('naming the management account selects it without includeManagementAccount', () => {
    expect(names({ accounts: ['management'] })).toEqual(['management']);
  });

  test('fails if an account name is unknown, listing the known accounts and a case hint', () => {
    expect(problemsOf({ accounts: ['prod-app', 'Security'] })).toEqual([
      {
        path: ['accounts', 1],
        message:
          "account 'Security' is not in accounts (did you mean security?); known accounts: dev-app, management, prod-app, prod-data, sandbox, security, team-a, team-b, workloads-shared",
      },
    ]);
  });
});

describe('ous: recursion', () => {
  test('a plain path selects the ou and everything below it by default', () => {
    expect(names({ ous: ['Workloads'] })).toEqual(['dev-app', 'prod-app', 'prod-data', 'workloads-shared']);
  });

  test('recursive: false selects only the accounts directly in the ou', () => {
    expect(names({ ous: [{ path: 'Workloads', recursive: false }] })).toEqual(['workloads-shared']);
    expect(names({ ous: [{ path: 'Workloads/Prod', recursive: false }] })).toEqual(['prod-app']);
  });

  test('a path does not select a sibling whose name merely starts with it', () => {
    const org = [...ORG, acct('prod-legacy', 'Workloads/Production')];
    const { selected } = selectAccounts({ ous: ['Workloads/Prod'] }, org, 'management');
    expect(selected.map((s) => s.account.name)).toEqual(['prod-app', 'prod-data']);
  });

  test('reasons name the selector and, when different, the account ou', () => {
    const { selected } = selectAccounts({ ous: ['Workloads/Prod'] }, ORG, 'management');
    expect(selected.map((s) => s.reasons)).toEqual([['ou Workloads/Prod'], ['ou Workloads/Prod (Workloads/Prod/Data)']]);
  });

  test('Root selects every account except the management account', () => {
    expect(names({ ous: ['Root'] })).toEqual(
      ORG.map((a) => a.name)
        .filter((n) => n !== 'management')
        .sort(),
    );
  });

  test('Root non-recursive selects the accounts directly under the root', () => {
    expect(names({ ous: [{ path: 'Root', recursive: false }] })).toEqual(['sandbox']);
  });

  test('a leading Root/ and surrounding slashes are accepted', () => {
    expect(names({ ous: ['Root/Workloads/Prod'] })).toEqual(['prod-app', 'prod-data']);
    expect(names({ ous: ['/Security/'] })).toEqual(['security']);
  });
});

describe('ous: globs', () => {
  test.each<[string, string[]]>([
    ['Workloads/*', ['dev-app', 'prod-app']],
    ['Workloads/**', ['dev-app', 'prod-app', 'prod-data']],
    ['Teams/Team-*', ['team-a', 'team-b']],
    ['*', ['security', 'workloads-shared']],
    ['**/Data', ['prod-data']],
    ['Workloads/**/Data', ['prod-data']],
    ['**/Prod/**', ['prod-data']],
  ])('%s selects %j', (glob, expected) => {
    expect(names({ ous: [glob] })).toEqual(expected);
  });

  test('a glob with recursive: true also selects everything below each matched ou', () => {
    expect(names({ ous: [{ path: 'Workloads/*', recursive: true }] })).toEqual(['dev-app', 'prod-app', 'prod-data']);
  });

  test('glob reasons show the account ou', () => {
    const { selected } = selectAccounts({ ous: ['Workloads/**'] }, ORG, 'management');
    expect(selected.find((s) => s.account.name === 'prod-data')?.reasons).toEqual(['ou Workloads/** (Workloads/Prod/Data)']);
  });

  test('glob characters other than * are literal', () => {
    const org = [acct('m', 'Root'), acct('odd', 'A.B/C+D')];
    const { selected, problems } = selectAccounts({ ous: ['A.B/*'] }, org, 'm');
    expect(problems).toEqual([]);
    expect(selected.map((s) => s.account.name)).toEqual(['odd']);
    expect(selectAccounts({ ous: ['AxB/*'] }, org, 'm').problems).toHaveLength(1);
  });

  test.each<[string, string]>([
    ['Work**', "ou glob 'Work**' is not valid: '**' must be a whole path segment, found 'Work**'"],
    ['Workloads//Prod', "ou 'Workloads//Prod' has an empty path segment; write ou paths like Workloads/Prod"],
    ['', 'ou path is empty; give an ou path such as Workloads/Prod, a glob such as Workloads/*, or Root'],
  ])('fails if the ou selector %j is malformed', (sel, message) => {
    expect(problemsOf({ ous: [sel] })).toEqual([{ path: ['ous', 0], message }]);
  });
});

describe('tags', () => {
  test('a map is all-of', () => {
    expect(names({ tags: { env: 'prod', team: 'app' } })).toEqual(['prod-app']);
  });

  test('a list value is any-of for that key', () => {
    expect(names({ tags: { team: ['a', 'b'] } })).toEqual(['team-a', 'team-b']);
    expect(names({ tags: { env: 'prod', team: ['app', 'data'] } })).toEqual(['prod-app', 'prod-data']);
  });

  test('reasons carry the account actual values', () => {
    const { selected } = selectAccounts({ tags: { env: 'prod', team: ['app', 'data'] } }, ORG, 'management');
    expect(selected.map((s) => s.reasons)).toEqual([['tags env=prod, team=app'], ['tags env=prod, team=data']]);
    const one = selectAccounts({ tags: { team: ['a', 'b'] } }, ORG, 'management').selected;
    expect(one.map((s) => s.reasons)).toEqual([['tag team=a'], ['tag team=b']]);
  });

  test('fails if no account has the tag key', () => {
    expect(problemsOf({ tags: { owner: 'x' } })).toEqual([{ path: ['tags', 'owner'], message: 'no account has tag owner; tag keys in use: env, team' }]);
  });

  test('fails if no account has any of the values', () => {
    expect(problemsOf({ tags: { env: ['qa', 'uat'] } })).toEqual([
      { path: ['tags', 'env'], message: 'tag env=qa|uat matches no account; values of env in use: dev, prod, shared' },
    ]);
  });

  test('fails if each key matches some account but none matches all', () => {
    expect(problemsOf({ tags: { env: 'dev', team: 'data' } })).toEqual([
      { path: ['tags'], message: "tags env=dev, team=data match no account together (every key must match); check each key's values" },
    ]);
  });

  test('fails if a tag lists no values or the map is empty', () => {
    expect(problemsOf({ tags: { env: [] } })).toEqual([{ path: ['tags', 'env'], message: 'tag env lists no values; give a value or a list of values' }]);
    expect(problemsOf({ tags: {} })).toEqual([{ path: ['tags'], message: 'tags selector is empty; give at least one tag key and value' }]);
  });
});

describe('union and exclusions', () => {
  test('accounts, ous and tags are a union with merged reasons', () => {
    const { selected } = selectAccounts({ accounts: ['prod-app'], ous: ['Workloads/Prod'], tags: { team: 'app' } }, ORG, 'management');
    expect(selected.map((s) => [s.account.name, s.reasons])).toEqual([
      ['dev-app', ['tag team=app']],
      ['prod-app', ['account prod-app', 'ou Workloads/Prod', 'tag team=app']],
      ['prod-data', ['ou Workloads/Prod (Workloads/Prod/Data)']],
    ]);
  });

  test('exclude removes accounts by name, ou and tag', () => {
    expect(names({ ous: ['Root'], exclude: { accounts: ['sandbox'] } })).not.toContain('sandbox');
    expect(names({ ous: ['Workloads'], exclude: { ous: ['Workloads/Prod'] } })).toEqual(['dev-app', 'workloads-shared']);
    expect(names({ ous: ['Workloads'], exclude: { ous: [{ path: 'Workloads/Prod', recursive: false }] } })).toEqual([
      'dev-app',
      'prod-data',
      'workloads-shared',
    ]);
    expect(names({ ous: ['Workloads'], exclude: { tags: { env: ['dev', 'shared'] } } })).toEqual(['prod-app', 'prod-data']);
  });

  test('exclude wins over an explicitly named account', () => {
    expect(names({ accounts: ['security', 'prod-app'], exclude: { accounts: ['prod-app'] } })).toEqual(['security']);
  });

  test('an exclusion that matches accounts outside the selection is not a problem', () => {
    expect(names({ ous: ['Security'], exclude: { tags: { env: 'dev' } } })).toEqual(['security']);
  });

  test.each<[string, TargetInput, (string | number)[]]>([
    ['an excluded account is unknown', { ous: ['Workloads'], exclude: { accounts: ['nope'] } }, ['exclude', 'accounts', 0]],
    ['an excluded ou matches nothing', { ous: ['Workloads'], exclude: { ous: ['Workloads/Test'] } }, ['exclude', 'ous', 0]],
    ['an excluded tag matches nothing', { ous: ['Workloads'], exclude: { tags: { env: 'qa' } } }, ['exclude', 'tags', 'env']],
    ['excluded tags match nothing together', { ous: ['Workloads'], exclude: { tags: { env: 'dev', team: 'data' } } }, ['exclude', 'tags']],
  ])('fails if %s', (_, target, path) => {
    expect(problemsOf(target).map((p) => p.path)).toEqual([path]);
  });

  test('fails if exclude removes every selected account', () => {
    expect(problemsOf({ ous: ['Workloads/Dev'], exclude: { tags: { team: 'app' } } })).toEqual([
      { path: ['exclude'], message: 'exclude removes every selected account (dev-app); the target selects nothing' },
    ]);
  });

  test('fails if the target has no selector', () => {
    expect(problemsOf({ exclude: { accounts: ['sandbox'] } })).toEqual([{ path: [], message: 'target selects no account; give accounts, ous or tags' }]);
  });
});

describe('management account', () => {
  test('ous and tags never select it by default', () => {
    expect(names({ ous: ['Root'] })).not.toContain('management');
    expect(names({ tags: { env: 'prod' } })).toEqual(['prod-app', 'prod-data', 'security']);
  });

  test('includeManagementAccount: true lets ous and tags select it', () => {
    expect(names({ ous: ['Root'], includeManagementAccount: true })).toContain('management');
    expect(names({ tags: { env: 'prod' }, includeManagementAccount: true })).toEqual(['management', 'prod-app', 'prod-data', 'security']);
  });

  test('fails if an ou matches only the management account, saying how to include it', () => {
    const org = [acct('management', 'Root'), acct('prod-app', 'Workloads')];
    expect(selectAccounts({ ous: [{ path: 'Root', recursive: false }] }, org, 'management').problems).toEqual([
      { path: ['ous', 0], message: "ou Root matches only the management account 'management'; set includeManagementAccount: true or name it under accounts" },
    ]);
  });

  test('fails if tags match only the management account', () => {
    const org = [acct('management', 'Root', { tier: 'org' }), acct('prod-app', 'Workloads')];
    expect(selectAccounts({ tags: { tier: 'org' } }, org, 'management').problems).toEqual([
      { path: ['tags'], message: "tags tier=org match only the management account 'management'; set includeManagementAccount: true or name it under accounts" },
    ]);
  });

  test('an ou that matches nothing lists the ous that hold accounts', () => {
    expect(problemsOf({ ous: ['Workloads/Test'] })).toEqual([
      {
        path: ['ous', 0],
        message:
          'ou Workloads/Test matches no account; ous that hold accounts: Root, Security, Teams/Team-A, Teams/Team-B, Workloads, Workloads/Dev, Workloads/Prod, Workloads/Prod/Data',
      },
    ]);
  });
});

test('same input gives the same output whatever the account order', () => {
  const target: TargetInput = { ous: ['Workloads/**'], tags: { team: ['a', 'app'] }, accounts: ['sandbox'] };
  const a = selectAccounts(target, ORG, 'management');
  const b = selectAccounts(target, [...ORG].reverse(), 'management');
  expect(JSON.stringify(b)).toEqual(JSON.stringify(a));
});
