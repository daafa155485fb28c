/**
 * Estates for import tests: `estateFromModel` builds the estate a model describes (what
 * `terraform apply` of its generated code would leave in AWS), so a round trip
 * model → estate → import → model can be checked.
 */
import { createHash } from 'node:crypto';
import {
  USER_TEXT_ATTRIBUTES,
  type Estate,
  type EstateAccount,
  type EstateApplication,
  type EstateAssignment,
  type EstateGroup,
  type EstateKey,
  type EstatePermissionSet,
  type EstateUser,
} from '../../../src/import/estate';
import { stringify } from 'yaml';
import type { OrgModel } from '../../../src/model/schema';
import type { ResolvedUser } from '../../../src/model/ir';
import { applicationArn, arnPartition, identityStoreArn, keyArn as buildKeyArn, partitionOf } from '../../../src/model/arns';
import { renderPolicy, type PolicyRefValues } from '../../../src/policy/render';
import { resolveText } from './validate';

export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-1111222233334444';
export const STORE_ID = 'd-1111222233';

/** Stable fake ids: the same name always gets the same id. */
export function fakeId(kind: string, name: string, length = 16): string {
  return createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, length);
}
export const psArn = (name: string, partition = 'aws'): string => `arn:${partition}:sso:::permissionSet/ssoins-1111222233334444/ps-${fakeId('ps', name)}`;
const guid = (kind: string, name: string): string => {
  const h = fakeId(kind, name, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
export const groupId = (name: string): string => guid('group', name);
export const userId = (name: string): string => guid('user', name);
export const membershipId = (group: string, user: string): string => guid('membership', `${group}/${user}`);

const KEY_ID = 'mrk-1234abcd12ab34cd56ef1234567890ab';
/** The estate's ARNs are in the partition of the model's Region, as AWS's would be. */
const keyArn = (region: string): string => buildKeyArn(region, '111111111111', KEY_ID, partitionOf(region));

/**
 * The estate a model describes, as `terraform apply` of its generated code would leave it: the model
 * is resolved by the project pipeline, and the key policy, inline policies (with the KMS statements
 * resolve appends) and assignments come from the IR, with ids derived from names.
 */
export function estateFromModel(model: OrgModel, key?: Partial<EstateKey>): Estate {
  const ir = resolveText(stringify(model));
  const region = ir.identityCenter.region;
  const instanceArn = ir.identityCenter.instanceArn ?? INSTANCE_ARN;
  const identityStoreId = ir.identityCenter.identityStoreId ?? STORE_ID;
  const mgmtId = ir.organization.managementAccountId;
  const irKey = ir.keys.find((k) => k.usedByIdentityCenter);
  const values: PolicyRefValues = {
    keyArns: irKey ? { [irKey.name]: keyArn(region) } : {},
    instanceArn,
    identityStoreArn: identityStoreArn(mgmtId, identityStoreId, partitionOf(region)),
  };
  const accounts: EstateAccount[] = ir.accounts.map((a) => ({ id: a.id, name: a.name, ouPath: a.ou === 'Root' ? [] : a.ou.split('/'), tags: { ...a.tags } }));

  const permissionSets: EstatePermissionSet[] = ir.permissionSets.map((p) => ({
    arn: psArn(p.name, arnPartition(instanceArn)),
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    sessionDuration: p.sessionDuration,
    ...(p.relayState ? { relayState: p.relayState } : {}),
    tags: { ...p.tags },
    managedPolicyArns: [...p.managedPolicyArns],
    customerManagedPolicies: p.customerManagedPolicies.map((c) => ({ name: c.name, path: c.path })),
    ...(p.inlinePolicy ? { inlinePolicy: JSON.stringify(renderPolicy(p.inlinePolicy, values)) } : {}),
    ...(p.permissionsBoundary
      ? {
          permissionsBoundary:
            'managedPolicyArn' in p.permissionsBoundary
              ? { managedPolicyArn: p.permissionsBoundary.managedPolicyArn }
              : { customerManagedPolicy: { ...p.permissionsBoundary.customerManagedPolicy } },
        }
      : {}),
  }));

  const users: EstateUser[] = ir.users.map((u) => ({
    id: userId(u.userName),
    userName: u.userName,
    ...(u.external ? {} : userAttributes(u)),
    external: u.external,
  }));
  const groups: EstateGroup[] = ir.groups.map((g) => ({
    id: groupId(g.name),
    displayName: g.name,
    ...(g.description ? { description: g.description } : {}),
    external: g.external,
    memberships: g.members.map((m) => ({ membershipId: membershipId(g.name, m), userId: userId(m) })),
  }));
  const assignments: EstateAssignment[] = ir.assignments.map((a) => ({
    permissionSetArn: psArn(a.permissionSet, arnPartition(instanceArn)),
    accountId: a.accountId,
    principalType: a.principalType,
    principalId: a.principalType === 'GROUP' ? groupId(a.principalName) : userId(a.principalName),
  }));

  const applications: EstateApplication[] = (ir.applications ?? []).map((a) => ({
    arn: applicationArn(mgmtId, 'ssoins-1111222233334444', `apl-${fakeId('app', a.name)}`, partitionOf(region)),
    name: a.name,
    providerArn: a.providerArn,
    ...(a.description ? { description: a.description } : {}),
    status: a.status,
    ...(a.portal ? { portal: a.portal } : {}),
    assignmentRequired: a.assignmentRequired,
    assignments: a.assignments.map((p) => ({
      principalType: p.principalType,
      principalId: p.principalType === 'GROUP' ? groupId(p.principalName) : userId(p.principalName),
    })),
    accessScopes: a.accessScopes.map((s) => ({ scope: s.scope, authorizedTargets: [...s.authorizedTargets] })),
    tags: { ...a.tags },
  }));

  const estateKey: EstateKey | undefined = irKey
    ? {
        keyId: KEY_ID,
        arn: keyArn(region),
        description: irKey.description,
        multiRegion: irKey.multiRegion,
        replicaRegions: [...irKey.replicaRegions],
        rotationEnabled: irKey.rotation.enabled,
        ...(irKey.rotation.enabled ? { rotationPeriodDays: irKey.rotation.periodDays } : {}),
        aliases: [irKey.alias],
        // as generated: every replica carries the primary's alias in its Region
        replicaAliases: Object.fromEntries(irKey.replicaRegions.map((r) => [r, [irKey.alias]])),
        tags: { ...irKey.tags },
        policy: JSON.stringify(renderPolicy(irKey.keyPolicy, values)),
        ...key,
      }
    : undefined;

  return {
    region,
    instance: {
      instanceArn,
      identityStoreId,
      ownerAccountId: mgmtId,
      ...(estateKey ? { keyType: 'CUSTOMER_MANAGED_KEY' as const, kmsKeyArn: estateKey.arn } : { keyType: 'AWS_OWNED_KMS_KEY' as const }),
    },
    organization: { id: ir.organization.id, managementAccountId: mgmtId, accounts },
    permissionSets,
    groups,
    users,
    assignments,
    ...(estateKey ? { key: estateKey } : {}),
    ...(applications.length > 0 ? { applications } : {}),
    ...(ir.identityCenter.accessControlAttributes
      ? { accessControlAttributes: ir.identityCenter.accessControlAttributes.map((a) => ({ key: a.key, sources: [...a.sources] })) }
      : {}),
  };
}

/** A created user as the identity store holds it: names and every attribute the IR gives it. */
function userAttributes(u: ResolvedUser): Partial<EstateUser> {
  const out: Record<string, unknown> = { displayName: u.displayName, givenName: u.givenName, familyName: u.familyName };
  for (const k of USER_TEXT_ATTRIBUTES) if (u[k] !== undefined) out[k] = u[k];
  if (u.emails.length) out.emails = u.emails;
  if (u.phoneNumbers.length) out.phoneNumbers = u.phoneNumbers;
  if (u.addresses.length) out.addresses = u.addresses;
  return out as Partial<EstateUser>;
}
