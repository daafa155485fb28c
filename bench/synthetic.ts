/**
 * Seeded synthetic organizations for benchmarks and scale tests: accounts in a nested OU tree with
 * tags, groups (some synced from an IdP), users, permission sets with mixed policies, and
 * assignments by account, OU glob and tag. The same seed and size always give the same model.
 */
import type { OrgModel } from '../src/model/schema';

export interface SyntheticSize {
  readonly accounts: number;
  readonly groups: number;
  readonly users: number;
  readonly permissionSets: number;
  /** Assignment entries in the YAML; each expands to one or more accounts. */
  readonly assignmentEntries: number;
  /** Business units per environment OU (Workloads/<Env>/<BU>). */
  readonly businessUnits: number;
}

export const SIZES = {
  small: { accounts: 12, groups: 20, users: 10, permissionSets: 10, assignmentEntries: 40, businessUnits: 2 },
  medium: { accounts: 200, groups: 500, users: 200, permissionSets: 50, assignmentEntries: 1200, businessUnits: 8 },
  enterprise: { accounts: 2000, groups: 5000, users: 2000, permissionSets: 500, assignmentEntries: 3000, businessUnits: 40 },
} as const satisfies Record<string, SyntheticSize>;

export type SizeName = keyof typeof SIZES;

/**
 * The one-line change of the review figures (bench) and the CI comment test: one more assignment,
 * by OU, that reaches 1,720 accounts of the enterprise model (597 of them production).
 */
export const ONE_LINE_CHANGE = { group: 'group-00002', permissionSet: 'PS0001', ous: ['Workloads'] };

/** mulberry32: tiny, fast, and identical on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MANAGED = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/PowerUserAccess',
  'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
  'arn:aws:iam::aws:policy/SecurityAudit',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AmazonEC2FullAccess',
  'arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess',
  'arn:aws:iam::aws:policy/job-function/Billing',
];
const ENVS = ['Prod', 'Staging', 'Dev'] as const;

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** A valid organization model of the given size. */
export function syntheticModel(size: SyntheticSize, seed = 42): OrgModel {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

  const leafOus: string[] = [];
  for (const env of ENVS) for (let b = 1; b <= size.businessUnits; b++) leafOus.push(`Workloads/${env}/BU${pad(b, 2)}`);
  const otherOus = ['Security', 'Infrastructure/Network', 'Infrastructure/Shared', 'Sandbox'];

  const accounts: NonNullable<OrgModel['accounts']> = [{ name: 'management', id: '100000000000', ou: 'Root' }];
  for (let i = 1; i < size.accounts; i++) {
    const ou = rnd() < 0.85 ? pick(leafOus) : pick(otherOus);
    const env = ou.includes('/Prod/') || ou === 'Security' ? 'prod' : ou.includes('/Staging/') ? 'staging' : 'dev';
    accounts.push({
      name: `acct-${pad(i, 5)}`,
      id: String(100000000000 + i),
      ou,
      tags: { env, team: `team-${pad(Math.floor(rnd() * 50), 2)}`, ...(rnd() < 0.1 ? { pci: 'true' } : {}) },
    });
  }

  const users: NonNullable<OrgModel['users']> = [];
  for (let i = 1; i <= size.users; i++) {
    users.push({
      userName: `user${pad(i, 5)}`,
      displayName: `User ${i}`,
      givenName: 'User',
      familyName: pad(i, 5),
      email: `user${pad(i, 5)}@example.com`,
    });
  }

  const groups: NonNullable<OrgModel['groups']> = [];
  for (let i = 1; i <= size.groups; i++) {
    const external = rnd() < 0.3;
    const members = external || users.length === 0 ? undefined : [pick(users).userName, pick(users).userName];
    groups.push({
      name: `group-${pad(i, 5)}`,
      description: `Synthetic group ${i}`,
      ...(external ? { external: true } : {}),
      ...(members ? { members: [...new Set(members)] } : {}),
    });
  }

  const permissionSets: NonNullable<OrgModel['permissionSets']> = [];
  for (let i = 1; i <= size.permissionSets; i++) {
    const managed = [...new Set([pick(MANAGED), pick(MANAGED)])];
    const ps: NonNullable<OrgModel['permissionSets']>[number] = {
      name: `PS${pad(i, 4)}`,
      description: `Synthetic permission set ${i}`,
      sessionDuration: `PT${1 + Math.floor(rnd() * 8)}H`,
      managedPolicies: managed,
      tags: { owner: `team-${pad(Math.floor(rnd() * 50), 2)}` },
    };
    if (rnd() < 0.3) {
      ps.inlinePolicy = {
        Version: '2012-10-17',
        Statement: [{ Sid: 'ReadTaggedBuckets', Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::bucket-${i}/*` }],
      };
    }
    if (rnd() < 0.2) ps.customerManagedPolicies = [{ name: `Boundary${pad(i % 10, 2)}`, path: '/idcgen/' }];
    if (rnd() < 0.2) ps.permissionsBoundary = { managedPolicy: 'arn:aws:iam::aws:policy/PowerUserAccess' };
    permissionSets.push(ps);
  }

  const assignments: NonNullable<OrgModel['assignments']> = [];
  const usedLeafOus = [...new Set(accounts.map((a) => a.ou ?? 'Root').filter((o) => o.startsWith('Workloads/')))].sort();
  const seen = new Set<string>();
  while (assignments.length < size.assignmentEntries) {
    const group = pick(groups).name;
    const permissionSet = pick(permissionSets).name;
    const kind = rnd();
    let entry: NonNullable<OrgModel['assignments']>[number];
    if (kind < 0.4) {
      const names = [...new Set([pick(accounts.slice(1)).name, pick(accounts.slice(1)).name])].sort();
      entry = { group, permissionSet, accounts: names };
    } else if (kind < 0.85) {
      // Only OUs that hold accounts: a selector matching nothing is a model error.
      const ou = pick(usedLeafOus);
      entry = { group, permissionSet, ous: [rnd() < 0.9 ? ou : `${ou.split('/').slice(0, 2).join('/')}/*`] };
    } else {
      const tags = pick(accounts.slice(1)).tags ?? {};
      entry = { group, permissionSet, tags: { env: tags.env, team: tags.team } };
    }
    const sig = JSON.stringify(entry);
    if (seen.has(sig)) continue;
    seen.add(sig);
    assignments.push(entry);
  }

  const psForAdmins = permissionSets[0].name;
  // the key administrators' permission set exists in the management account only while assigned there
  assignments.push({ group: groups[0].name, permissionSet: psForAdmins, accounts: ['management'] });
  return {
    version: 1,
    organization: { id: 'o-synthetic01', managementAccount: 'management' },
    identityCenter: {
      region: 'eu-west-1',
      instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444',
      identityStoreId: 'd-1111222233',
      encryption: { key: 'identity-center' },
    },
    deployment: { deployer: `arn:aws:iam::${accounts[0].id}:role/IdcgenDeployer` },
    accounts,
    groups,
    users,
    permissionSets,
    assignments,
    keys: [
      {
        name: 'identity-center',
        alias: 'alias/identity-center',
        description: 'Encrypts IAM Identity Center workforce identity data',
        multiRegion: true,
        rotation: { enabled: true, periodDays: 365 },
        deletionWindowDays: 30,
        policyProfile: 'least-privilege',
        administrators: [{ permissionSet: psForAdmins, account: 'management' }],
        replicaRegions: ['eu-central-1'],
        useCases: [
          { 'identity-center-admins': { principals: [{ permissionSet: psForAdmins, account: 'management' }] } },
          { 'managed-applications': {} },
          { 'restrict-to-instance': {} },
        ],
      },
    ],
  };
}
