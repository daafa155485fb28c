/** A resolved model around keys built by buildKeys, for lint tests (only the fields lint reads matter). */
import type { ResolvedAssignment, ResolvedKey, ResolvedModel, ResolvedPermissionSet } from '../../../src/model/ir';
import type { KeyInput } from '../../../src/model/schema';
import { buildKeys } from '../../../src/policy/keys';
import { withKeyStatements } from '../../../src/policy/inline';
import type { PolicyDocumentJson } from '../../../src/model/policy-types';
import { ACCOUNTS, context, IDENTITY_STORE_ID, INSTANCE_ARN, MGMT_ID, ORG_ID, PERMISSION_SETS } from './fixtures';

/** The deployer every lint IR has unless a test says otherwise. */
export const DEPLOYER = `arn:aws:iam::${MGMT_ID}:role/IdcgenDeployer`;

/**
 * `assigned`: (permission set, account name) pairs with an assignment; by default every
 * permission-set principal of the keys is assigned where the key names it.
 */
export function irFor(
  keys: KeyInput[],
  opts: { encryptionKey?: string; inline?: Record<string, PolicyDocumentJson>; deployer?: string; assigned?: readonly [string, string][] } = {},
): ResolvedModel {
  const encryptionKey = 'encryptionKey' in opts ? opts.encryptionKey : keys[0]?.name;
  const deployer = 'deployer' in opts ? opts.deployer : DEPLOYER;
  const built = buildKeys(keys, context({ encryptionKeyName: encryptionKey, deployer }));
  const errors = built.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(errors)}`);
  const permissionSets: ResolvedPermissionSet[] = PERMISSION_SETS.map((name) => {
    const inlinePolicy = withKeyStatements(opts.inline?.[name], built.permissionSetStatements.get(name) ?? []);
    return { name, sessionDuration: 'PT1H', tags: {}, managedPolicyArns: [], customerManagedPolicies: [], ...(inlinePolicy ? { inlinePolicy } : {}) };
  });
  return withKeys(
    {
      source: 'org.yaml',
      organization: { id: ORG_ID, managementAccountName: 'management', managementAccountId: MGMT_ID },
      identityCenter: {
        region: 'us-west-2',
        instanceArn: INSTANCE_ARN,
        identityStoreId: IDENTITY_STORE_ID,
        ...(encryptionKey ? { encryptionKey } : {}),
        manageEncryption: false,
      },
      deployment: {
        ...(deployer !== undefined ? { deployer } : {}),
        roleName: 'OrganizationAccountAccessRole',
        maxResourcesPerStack: 500,
        backend: { type: 'local' },
      },
      accounts: ACCOUNTS,
      groups: [],
      users: [],
      permissionSets,
      assignments: (opts.assigned ?? defaultAssigned(built.keys)).map(([permissionSet, accountName]) => assignment(permissionSet, accountName)),
      keys: [],
      units: [],
    },
    built.keys,
  );
}

export function withKeys(ir: ResolvedModel, keys: ResolvedKey[]): ResolvedModel {
  return { ...ir, keys };
}

/** The IR with one key's policy statements transformed. */
export function editKeyPolicy(ir: ResolvedModel, edit: (doc: PolicyDocumentJson) => PolicyDocumentJson): ResolvedModel {
  return withKeys(
    ir,
    ir.keys.map((k, i) => (i === 0 ? { ...k, keyPolicy: edit(k.keyPolicy) } : k)),
  );
}

function defaultAssigned(keys: readonly ResolvedKey[]): [string, string][] {
  const pairs = keys.flatMap((k) =>
    k.principals.flatMap(({ principal: p }) => (p.kind === 'permission-set' ? [[p.permissionSet, p.accountName] as [string, string]] : [])),
  );
  return [...new Map(pairs.map((p) => [p.join('/'), p])).values()];
}

function assignment(permissionSet: string, accountName: string): ResolvedAssignment {
  const account = ACCOUNTS.find((a) => a.name === accountName);
  if (!account) throw new Error(`no account ${accountName}`);
  return {
    key: `GROUP/Admins/${permissionSet}/${accountName}`,
    principalType: 'GROUP',
    principalName: 'Admins',
    permissionSet,
    accountName,
    accountId: account.id,
    unit: 'assignments',
    reasons: [`account ${accountName}`],
  };
}
