/** A resolved model around keys built by buildKeys, for lint tests (only the fields lint reads matter). */
import type { ResolvedKey, ResolvedModel, ResolvedPermissionSet } from '../../../src/model/ir';
import type { KeyInput } from '../../../src/model/schema';
import { buildKeys } from '../../../src/policy/keys';
import { withKeyStatements } from '../../../src/policy/inline';
import type { PolicyDocumentJson } from '../../../src/policy/types';
import { ACCOUNTS, context, IDENTITY_STORE_ID, INSTANCE_ARN, MGMT_ID, ORG_ID, PERMISSION_SETS } from './fixtures';

export function irFor(keys: KeyInput[], opts: { encryptionKey?: string; inline?: Record<string, PolicyDocumentJson> } = {}): ResolvedModel {
  const encryptionKey = 'encryptionKey' in opts ? opts.encryptionKey : keys[0]?.name;
  const built = buildKeys(keys, context({ encryptionKeyName: encryptionKey }));
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
      identityCenter: { region: 'us-west-2', instanceArn: INSTANCE_ARN, identityStoreId: IDENTITY_STORE_ID, ...(encryptionKey ? { encryptionKey } : {}), manageEncryption: false },
      deployment: { roleName: 'OrganizationAccountAccessRole', maxResourcesPerStack: 500, backend: { type: 'local' } },
      accounts: ACCOUNTS,
      groups: [],
      users: [],
      permissionSets,
      assignments: [],
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
  return withKeys(ir, ir.keys.map((k, i) => (i === 0 ? { ...k, keyPolicy: edit(k.keyPolicy) } : k)));
}
