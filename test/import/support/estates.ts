/**
 * Estates for import tests: a small hand-written one, and `estateFromModel`, which builds the
 * estate a model describes (what `terraform apply` of its generated code would leave in AWS), so a
 * round trip model → estate → import → model can be checked.
 */
import { createHash } from 'node:crypto';
import type { Estate, EstateAccount, EstateAssignment, EstateGroup, EstateKey, EstatePermissionSet, EstateUser } from '../../../src/import/estate';
import type { ResolvedAccount } from '../../../src/model/ir';
import type { OrgModel } from '../../../src/model/schema';
import { selectAccounts } from '../../../src/model/targets';

export const INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-1111222233334444';
export const STORE_ID = 'd-1111222233';

/** Stable fake ids: the same name always gets the same id. */
export function fakeId(kind: string, name: string, length = 16): string {
  return createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, length);
}
export const psArn = (name: string): string => `arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-${fakeId('ps', name)}`;
const guid = (kind: string, name: string): string => {
  const h = fakeId(kind, name, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
export const groupId = (name: string): string => guid('group', name);
export const userId = (name: string): string => guid('user', name);
export const membershipId = (group: string, user: string): string => guid('membership', `${group}/${user}`);

const KEY_ID = 'mrk-1234abcd12ab34cd56ef1234567890ab';
const keyArn = (region: string): string => `arn:aws:kms:${region}:111111111111:key/${KEY_ID}`;

export function adminKeyPolicy(admins: readonly string[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'KeyAdministration',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:List*', 'kms:Put*', 'kms:Update*', 'kms:Revoke*', 'kms:Disable*', 'kms:Get*', 'kms:Delete*', 'kms:TagResource', 'kms:UntagResource', 'kms:ScheduleKeyDeletion', 'kms:CancelKeyDeletion'],
        Resource: '*',
        Condition: { ArnLike: { 'aws:PrincipalArn': admins } },
      },
    ],
  });
}

/** The estate a model describes: targets expanded with selectAccounts, ids from names. */
export function estateFromModel(model: OrgModel, key?: Partial<EstateKey>): Estate {
  const accounts: EstateAccount[] = (model.accounts ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    ouPath: !a.ou || a.ou === 'Root' ? [] : a.ou.split('/'),
    tags: a.tags ?? {},
  }));
  const resolved: ResolvedAccount[] = (model.accounts ?? []).map((a) => ({ name: a.name, id: a.id, ou: a.ou ?? 'Root', tags: a.tags ?? {} }));
  const idOf = new Map(resolved.map((a) => [a.name, a.id]));
  const mgmt = model.organization.managementAccount;

  const permissionSets: EstatePermissionSet[] = (model.permissionSets ?? []).map((p) => ({
    arn: psArn(p.name),
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    sessionDuration: p.sessionDuration ?? 'PT1H',
    ...(p.relayState ? { relayState: p.relayState } : {}),
    tags: p.tags ?? {},
    managedPolicyArns: p.managedPolicies ?? [],
    customerManagedPolicies: (p.customerManagedPolicies ?? []).map((c) => ({ name: c.name, path: c.path ?? '/' })),
    ...(p.inlinePolicy ? { inlinePolicy: JSON.stringify(p.inlinePolicy) } : {}),
    ...(p.permissionsBoundary
      ? {
          permissionsBoundary:
            'managedPolicy' in p.permissionsBoundary
              ? { managedPolicyArn: p.permissionsBoundary.managedPolicy }
              : { customerManagedPolicy: { name: p.permissionsBoundary.customerManagedPolicy.name, path: p.permissionsBoundary.customerManagedPolicy.path ?? '/' } },
        }
      : {}),
  }));

  const users: EstateUser[] = (model.users ?? []).map((u) => ({
    id: userId(u.userName),
    userName: u.userName,
    ...(u.displayName ? { displayName: u.displayName } : {}),
    ...(u.givenName ? { givenName: u.givenName } : {}),
    ...(u.familyName ? { familyName: u.familyName } : {}),
    ...(u.email ? { email: u.email } : {}),
    external: u.external === true,
  }));
  const groups: EstateGroup[] = (model.groups ?? []).map((g) => ({
    id: groupId(g.name),
    displayName: g.name,
    ...(g.description ? { description: g.description } : {}),
    external: g.external === true,
    memberships: (g.members ?? []).map((m) => ({ membershipId: membershipId(g.name, m), userId: userId(m) })),
  }));

  const assignments: EstateAssignment[] = [];
  for (const a of model.assignments ?? []) {
    const { selected, problems } = selectAccounts(a, resolved, mgmt);
    if (problems.length > 0) throw new Error(`test model target problem: ${JSON.stringify(problems)}`);
    for (const s of selected) {
      assignments.push({
        permissionSetArn: psArn(a.permissionSet),
        accountId: s.account.id,
        principalType: a.group !== undefined ? 'GROUP' : 'USER',
        principalId: a.group !== undefined ? groupId(a.group) : userId(a.user as string),
      });
    }
  }

  const modelKey = model.keys?.[0];
  const region = model.identityCenter.region;
  const estateKey: EstateKey | undefined = modelKey
    ? {
        keyId: KEY_ID,
        arn: keyArn(region),
        ...(modelKey.description ? { description: modelKey.description } : {}),
        multiRegion: modelKey.multiRegion === true,
        replicaRegions: modelKey.replicaRegions ?? [],
        rotationEnabled: modelKey.rotation?.enabled ?? true,
        ...(modelKey.rotation?.periodDays !== undefined ? { rotationPeriodDays: modelKey.rotation.periodDays } : {}),
        aliases: modelKey.alias ? [modelKey.alias] : [],
        tags: modelKey.tags ?? {},
        policy: adminKeyPolicy(
          (modelKey.administrators ?? []).map((p) =>
            'permissionSet' in p
              ? `arn:aws:iam::${idOf.get(p.account)}:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_${p.permissionSet}_*`
              : 'role' in p
                ? p.role
                : `arn:aws:iam::${idOf.get(p.accountRoot)}:root`,
          ),
        ),
        ...key,
      }
    : undefined;

  return {
    region,
    instance: {
      instanceArn: model.identityCenter.instanceArn ?? INSTANCE_ARN,
      identityStoreId: model.identityCenter.identityStoreId ?? STORE_ID,
      ownerAccountId: idOf.get(mgmt),
      ...(estateKey ? { keyType: 'CUSTOMER_MANAGED_KEY' as const, kmsKeyArn: estateKey.arn } : { keyType: 'AWS_OWNED_KMS_KEY' as const }),
    },
    organization: { id: model.organization.id, managementAccountId: idOf.get(mgmt) as string, accounts },
    permissionSets,
    groups,
    users,
    assignments,
    ...(estateKey ? { key: estateKey } : {}),
  };
}
