import { inferTarget } from '../../src/import/infer-targets';
import type { ResolvedAccount } from '../../src/model/ir';
import { selectAccounts } from '../../src/model/targets';

let n = 100000000000;
const acct = (name: string, ou: string, tags: Record<string, string> = {}): ResolvedAccount => ({ name, id: String(n++), ou, tags });

// GIVEN an organization with nested OUs and tags
const ORG: ResolvedAccount[] = [
  acct('management', 'Root'),
  acct('sandbox', 'Root'),
  acct('audit', 'Security', { env: 'prod' }),
  acct('log', 'Security', { env: 'prod' }),
  acct('shared', 'Workloads', { env: 'shared' }),
  acct('prod-a', 'Workloads/Prod', { env: 'prod', team: 'a' }),
  acct('prod-b', 'Workloads/Prod', { env: 'prod', team: 'b' }),
  acct('prod-c', 'Workloads/Prod/Legacy', { env: 'prod', team: 'a' }),
  acct('dev-a', 'Workloads/Dev', { env: 'dev', team: 'a' }),
  acct('dev-b', 'Workloads/Dev', { env: 'dev', team: 'b' }),
  acct('test-a', 'Workloads/Test', { env: 'test', team: 'a' }),
];
const MGMT = 'management';

test.each<[string, string[], object]>([
  ['one account stays an account, even when it fills an OU', ['sandbox'], { accounts: ['sandbox'] }],
  ['a whole OU subtree becomes a recursive path', ['prod-a', 'prod-b', 'prod-c'], { ous: ['Workloads/Prod'] }],
  ['the whole organization becomes Root', ORG.filter((a) => a.name !== MGMT).map((a) => a.name), { ous: ['Root'] }],
  ['the management account is always named', ORG.map((a) => a.name), { accounts: ['management'], ous: ['Root'] }],
  ['one tag value that selects exactly the set', ['audit', 'log', 'prod-a', 'prod-b', 'prod-c'], { tags: { env: 'prod' } }],
  ['an any-of tag when that is exact', ['dev-a', 'dev-b', 'test-a'], { tags: { env: ['dev', 'test'] } }],
  [
    'an OU minus a few accounts when shorter',
    ['shared', 'prod-a', 'prod-b', 'dev-a', 'dev-b', 'test-a'],
    { ous: ['Workloads'], exclude: { accounts: ['prod-c'] } },
  ],
  [
    'the direct accounts of an OU without its children',
    ['prod-a', 'prod-b', 'audit'],
    { accounts: ['audit'], ous: [{ path: 'Workloads/Prod', recursive: false }] },
  ],
  ['two unrelated accounts stay accounts', ['audit', 'dev-a'], { accounts: ['audit', 'dev-a'] }],
])('%s', (_, names, expected) => {
  const t = inferTarget(names, ORG, MGMT);
  expect(t).toEqual(expected);
  // and whatever is chosen selects exactly those accounts
  const { selected, problems } = selectAccounts(t, ORG, MGMT);
  expect(problems).toEqual([]);
  expect(selected.map((s) => s.account.name).sort()).toEqual([...names].sort());
});

test('a tie between an OU and a tag goes to the OU', () => {
  // Security holds exactly the two accounts tagged env=sec
  const org = [acct('management', 'Root'), acct('x', 'Security', { env: 'sec' }), acct('y', 'Security', { env: 'sec' }), acct('z', 'Other')];
  expect(inferTarget(['x', 'y'], org, MGMT)).toEqual({ ous: ['Security'] });
});

test('a tag that also matches the management account is still exact: ous and tags never select it', () => {
  const org = [acct('management', 'Root', { env: 'prod' }), acct('x', 'A', { env: 'prod' }), acct('y', 'B', { env: 'prod' }), acct('z', 'B')];
  expect(inferTarget(['x', 'y'], org, MGMT)).toEqual({ tags: { env: 'prod' } });
});
