/**
 * View of the management root: identity store, permission sets, applications, attributes for
 * access control, keys with their replicas, and the opt-in encryption step. Everything is precomputed and sorted here; the template only places it.
 */
import {
  compareKeys,
  type ManagementUnit,
  type ResolvedGroup,
  type ResolvedKey,
  type ResolvedModel,
  type ResolvedPermissionSet,
  type ResolvedUser,
  unitApplications,
  unitGroups,
  unitMemberLookups,
  unitPermissionSets,
  unitUsers,
} from '../../model';
import { ENCRYPTION_STEP_NAME, encryptionStep } from '../encryption-step';
import { bool, list, num, obj, ref, str, template, type Expr, type ObjectEntry, type TemplatePart } from './private/expr';
import { regionIdentifier, replicaIdentifier, type MovedView } from './private/names';
import { accessControlAttributesCall, applicationsCall } from './view-applications';
import { instanceView, keyIdentifiers, refResolver, tags, type InstanceView, type ModuleCallView } from './view-common';
import { moduleSource } from './module-calls';
import { groupEntry, userEntry } from './view-identity-entries';
import { keyUserPoliciesCall } from './view-member';
import { keyMoves, membershipMoves } from './view-moved';
import { keyPolicyStatements, policyDocument, type RefResolver } from './view-policy';

export interface ReplicaView extends ModuleCallView {
  readonly region: string;
  readonly key: string;
}

export interface KeyView {
  readonly name: string;
  readonly module: ModuleCallView;
  readonly replicas: readonly ReplicaView[];
}

export interface EncryptionStepView {
  readonly name: string;
  readonly triggers: Expr;
  readonly command: Expr;
  readonly dependsOn: Expr;
}

export interface ManagementView {
  readonly source: string;
  readonly instance: InstanceView;
  readonly identityStore: ModuleCallView | null;
  readonly permissionSets: ModuleCallView | null;
  readonly applications: ModuleCallView | null;
  readonly accessControlAttributes: ModuleCallView | null;
  /** IAM policies the management account needs (key identity policies, customer managed policies), or null. */
  readonly keyUserPolicies: ModuleCallView | null;
  readonly keys: readonly KeyView[];
  readonly encryptionStep: EncryptionStepView | null;
  /** From the addresses an earlier idcgen gave keys, replicas and memberships (view-moved.ts). */
  readonly moved: readonly MovedView[];
  readonly outputs: {
    readonly keyArns: Expr;
    readonly keyPolicies: Expr;
    readonly replicaKeyArns: Expr;
  };
}

const byName = <T extends { name: string }>(a: T, b: T): number => compareKeys(a.name, b.name);

function permissionSetEntry(ps: ResolvedPermissionSet, resolve: RefResolver): ObjectEntry {
  const entries: ObjectEntry[] = [];
  if (ps.description !== undefined) entries.push({ key: 'description', value: str(ps.description) });
  entries.push({ key: 'session_duration', value: str(ps.sessionDuration) });
  if (ps.relayState !== undefined) entries.push({ key: 'relay_state', value: str(ps.relayState) });
  if (Object.keys(ps.tags).length > 0) entries.push({ key: 'tags', value: tags(ps.tags) });
  if (ps.managedPolicyArns.length > 0) {
    entries.push({ key: 'managed_policy_arns', value: list([...ps.managedPolicyArns].sort(compareKeys).map(str)) });
  }
  if (ps.customerManagedPolicies.length > 0) {
    const refs = [...ps.customerManagedPolicies].sort((a, b) => compareKeys(a.path + a.name, b.path + b.name));
    entries.push({
      key: 'customer_managed_policies',
      value: list(
        refs.map((p) =>
          obj([
            { key: 'name', value: str(p.name) },
            { key: 'path', value: str(p.path) },
          ]),
        ),
      ),
    });
  }
  if (ps.inlinePolicy !== undefined) entries.push({ key: 'inline_policy', value: policyDocument(ps.inlinePolicy, resolve) });
  const boundary = ps.permissionsBoundary;
  if (boundary !== undefined) {
    const value =
      'managedPolicyArn' in boundary
        ? obj([{ key: 'managed_policy_arn', value: str(boundary.managedPolicyArn) }])
        : obj([
            {
              key: 'customer_managed_policy',
              value: obj([
                { key: 'name', value: str(boundary.customerManagedPolicy.name) },
                { key: 'path', value: str(boundary.customerManagedPolicy.path) },
              ]),
            },
          ]);
    entries.push({ key: 'permissions_boundary', value });
  }
  return { key: ps.name, value: obj(entries), quoteKey: true };
}

function keyView(key: ResolvedKey, ident: string, resolve: RefResolver): KeyView {
  const rotation = key.rotation.enabled ? [{ key: 'rotation_period_in_days', value: num(key.rotation.periodDays) }] : [];
  const keyTags = Object.keys(key.tags).length > 0 ? [{ key: 'tags', value: tags(key.tags) }] : [];
  const module: ModuleCallView = {
    ident,
    module: 'key',
    source: moduleSource('key'),
    key: key.name,
    providerAlias: null,
    args: [
      { key: 'alias', value: str(key.alias) },
      { key: 'description', value: str(key.description) },
      { key: 'multi_region', value: bool(key.multiRegion) },
      { key: 'enable_key_rotation', value: bool(key.rotation.enabled) },
      ...rotation,
      { key: 'deletion_window_in_days', value: num(key.deletionWindowDays) },
      ...keyTags,
      { key: 'policy_statements', value: keyPolicyStatements(key, resolve), gap: true },
    ],
  };
  const replicas = [...key.replicaRegions].sort(compareKeys).map((region): ReplicaView => ({
    region,
    key: key.name,
    ident: replicaIdentifier(ident, region),
    module: 'replica',
    source: moduleSource('replica'),
    providerAlias: regionIdentifier(region),
    args: [
      { key: 'primary_key_arn', value: ref(`module.${ident}.key_arn`) },
      // KMS does not copy key policies to replicas: every Region gets the primary's document.
      { key: 'policy', value: ref(`module.${ident}.key_policy`) },
      { key: 'description', value: str(key.description) },
      { key: 'deletion_window_in_days', value: num(key.deletionWindowDays) },
      ...keyTags,
      // Aliases are Regional: without its own, the replica has no alias in its Region.
      { key: 'alias', value: str(key.alias) },
    ],
  }));
  return { name: key.name, module, replicas };
}

function encryptionStepView(ir: ResolvedModel, keys: readonly KeyView[]): EncryptionStepView | null {
  const step = encryptionStep(ir);
  if (!step) return null;
  const key = keys.find((k) => k.name === step.keyName);
  if (!key) throw new Error(`identity center encryption uses key '${step.keyName}', which the model does not define`);
  const keyArn = `module.${key.module.ident}.key_arn`;
  // The command is built from placeholders, then split, so its literal text is escaped like every
  // other string while the two references stay interpolations.
  const KEY = '\u0000key\u0000';
  const INSTANCE = '\u0000instance\u0000';
  const parts: TemplatePart[] = step
    .command(KEY, INSTANCE)
    // eslint-disable-next-line no-control-regex -- NUL marks the placeholders: it cannot occur in a command
    .split(/(\u0000key\u0000|\u0000instance\u0000)/)
    .filter((p) => p !== '')
    .map((p) => (p === KEY ? ref(keyArn) : p === INSTANCE ? ref('local.instance_arn') : p));
  return {
    name: ENCRYPTION_STEP_NAME,
    triggers: list([ref(keyArn)]),
    command: template(parts),
    dependsOn: list([key.module, ...key.replicas].map((m) => ref(`module.${m.ident}`))),
  };
}

/**
 * The identity-store module call, or null when there is nothing to hold. `memberLookups` are users
 * another root creates whom memberships here name: passed as `external`, the module looks them up.
 */
export function identityStoreCall(
  groupsHeld: readonly ResolvedGroup[],
  usersHeld: readonly ResolvedUser[],
  memberLookups: readonly string[],
): ModuleCallView | null {
  const groups = [...groupsHeld].sort(byName);
  const users = [
    ...usersHeld.map(userEntry),
    ...memberLookups.map((userName): ObjectEntry => ({ key: userName, value: obj([{ key: 'external', value: bool(true) }]), quoteKey: true })),
  ].sort((a, b) => compareKeys(a.key, b.key));
  return groups.length + users.length === 0
    ? null
    : {
        ident: 'identity_store',
        module: 'identityStore',
        source: moduleSource('identityStore'),
        providerAlias: null,
        args: [
          { key: 'identity_store_id', value: ref('local.identity_store_id') },
          { key: 'groups', value: obj(groups.map(groupEntry)), gap: true },
          { key: 'users', value: obj(users), gap: true },
        ],
      };
}

/** The permission-sets module call, or null when there is no permission set to hold. */
export function permissionSetsCall(sets: readonly ResolvedPermissionSet[], resolve: RefResolver): ModuleCallView | null {
  return sets.length === 0
    ? null
    : {
        ident: 'permission_sets',
        module: 'permissionSets',
        source: moduleSource('permissionSets'),
        providerAlias: null,
        args: [
          { key: 'instance_arn', value: ref('local.instance_arn') },
          { key: 'permission_sets', value: obj([...sets].sort(byName).map((ps) => permissionSetEntry(ps, resolve))), gap: true },
        ],
      };
}

/**
 * The management root. It holds the permission sets, groups and users that no permission-set or
 * identity-store root holds (all of them unless the model is split: src/model/shard.ts).
 */
export function managementView(ir: ResolvedModel, unit: ManagementUnit): ManagementView {
  const idents = keyIdentifiers(ir);
  const identOf = (key: ResolvedKey): string => idents.get(key.name) as string;
  const resolve = refResolver(ir, (key) => ({ arn: `module.${identOf(key)}.key_arn`, id: `module.${identOf(key)}.key_id` }));

  const groups = unitGroups(ir, unit);
  const identityStore = identityStoreCall(groups, unitUsers(ir, unit), unitMemberLookups(ir, unit));
  const permissionSets = permissionSetsCall(unitPermissionSets(ir, unit), resolve);
  // Applications stay in this root only with the identity store (shard.ts): they take its ids.
  const applications = applicationsCall(
    unitApplications(ir, unit),
    identityStore ? { groups: ref('module.identity_store.group_ids'), users: ref('module.identity_store.user_ids') } : null,
  );

  const keys = [...ir.keys].sort(byName).map((k) => keyView(k, identOf(k), resolve));
  const keyUserPolicies = unit.keyIdentityPolicies.length + unit.customerManagedPolicies.length > 0 ? keyUserPoliciesCall(unit, resolve, 'iam_policies') : null;
  // Names are one to one by construction (private/names.ts); two module calls of one name would be
  // `Duplicate module call` at init, so refuse here instead.
  const calls = [identityStore, permissionSets, keyUserPolicies, ...keys.flatMap((k) => [k.module, ...k.replicas])].flatMap((c) => (c ? [c.ident] : []));
  const twice = calls.find((c, i) => calls.indexOf(c) !== i);
  if (twice !== undefined) throw new Error(`unit ${unit.name}: two module calls are named ${twice}`);
  const keyMap = (f: (k: KeyView) => Expr): Expr => obj(keys.map((k) => ({ key: k.name, value: f(k), quoteKey: true })));
  return {
    source: ir.source,
    instance: instanceView(ir),
    identityStore,
    permissionSets,
    applications,
    accessControlAttributes: accessControlAttributesCall(ir.identityCenter.accessControlAttributes),
    keyUserPolicies,
    keys,
    encryptionStep: encryptionStepView(ir, keys),
    moved: [...keyMoves(ir), ...membershipMoves(groups)],
    outputs: {
      keyArns: keyMap((k) => ref(`module.${k.module.ident}.key_arn`)),
      keyPolicies: keyMap((k) => ref(`module.${k.module.ident}.key_policy`)),
      replicaKeyArns: keyMap((k) => obj(k.replicas.map((r) => ({ key: r.region, value: ref(`module.${r.ident}.key_arn`), quoteKey: true })))),
    },
  };
}
