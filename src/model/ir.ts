/**
 * The resolved model (IR): the only input of every emitter, the review and explain.
 *
 * Invariants (established by resolve.ts, relied on everywhere else):
 * - every list is sorted by its stable key (name, or `key` for assignments) with `compareKeys`;
 * - every reference is bound (account ids, permission sets, principals);
 * - no field depends on YAML order, file positions or the machine.
 */
import type { PolicyDocumentJson } from './policy-types';
import type { ModelUseCaseId, PolicyProfile } from './schema';

/** A key's policy profile (defined with the schema, which reads it). */
export { POLICY_PROFILES, type PolicyProfile } from './schema';

/** Tags by key. */
export type Tags = Readonly<Record<string, string>>;

/** An AWS account of the organization, with its normalized OU path and tags. */
export interface ResolvedAccount {
  readonly name: string;
  readonly id: string;
  /** OU path without leading/trailing slashes, e.g. `Workloads/Prod`; `Root` for the root. */
  readonly ou: string;
  readonly tags: Tags;
}

/** An identity store group, created by idcgen or (external) looked up by name. */
export interface ResolvedGroup {
  readonly name: string;
  readonly description?: string;
  /** Synced by SCIM from the IdP: looked up by display name, never created. */
  readonly external: boolean;
  /** User names; only for groups idcgen creates. Sorted. */
  readonly members: readonly string[];
}

/** An email address or phone number of a user (identity store Email, PhoneNumber). */
export interface UserContact {
  readonly value: string;
  /** e.g. `work`. @default absent */
  readonly type?: string;
  readonly primary: boolean;
}

/** A postal address of a user (identity store Address); every part optional. */
export interface UserAddress {
  readonly streetAddress?: string;
  readonly locality?: string;
  readonly region?: string;
  readonly postalCode?: string;
  readonly country?: string;
  readonly formatted?: string;
  readonly type?: string;
  readonly primary: boolean;
}

/**
 * Optional text attributes of a user, as the model and the identity store name them
 * (`aws_identitystore_user`); one list for resolve, import and its tests.
 */
export const USER_TEXT_ATTRIBUTES = [
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
  'formattedName',
  'nickname',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
] as const;

/**
 * An identity store user, created by idcgen or (external) looked up by user name. External users
 * carry no attributes (the identity provider owns them): names are empty, lists empty.
 * @see https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_CreateUser.html
 */
export interface ResolvedUser {
  readonly userName: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly middleName?: string;
  readonly honorificPrefix?: string;
  readonly honorificSuffix?: string;
  readonly formattedName?: string;
  /** At most one each: the identity store holds one email, phone number and address per user. */
  readonly emails: readonly UserContact[];
  readonly phoneNumbers: readonly UserContact[];
  readonly addresses: readonly UserAddress[];
  readonly nickname?: string;
  readonly profileUrl?: string;
  readonly title?: string;
  readonly userType?: string;
  readonly preferredLanguage?: string;
  readonly locale?: string;
  readonly timezone?: string;
  readonly external: boolean;
}

/** A customer managed IAM policy, by name and path, as permission sets reference it. */
export interface CustomerManagedPolicyRef {
  readonly name: string;
  /** IAM path, always starting and ending with `/`. */
  readonly path: string;
}

/** The permissions boundary of a permission set: an AWS managed policy, or a customer managed one by name. */
export type PermissionsBoundary = { readonly managedPolicyArn: string } | { readonly customerManagedPolicy: CustomerManagedPolicyRef };

/**
 * A permission set with its policies, boundary and session settings; or, `external`, one owned
 * outside idcgen (Control Tower, a landing zone) that is looked up by name and only assigned.
 */
export interface ResolvedPermissionSet {
  readonly name: string;
  /**
   * Owned elsewhere: no unit creates or changes it; assignments look it up by name. Its
   * `managedPolicyArns` are the ones the model declares it holds (for review and import), and it
   * has no other policies here.
   * @default absent: idcgen creates it
   */
  readonly external?: boolean;
  readonly description?: string;
  /** ISO-8601, PT1H..PT12H; default PT1H. */
  readonly sessionDuration: string;
  readonly relayState?: string;
  readonly tags: Tags;
  /** Sorted. */
  readonly managedPolicyArns: readonly string[];
  /** Sorted by path+name. */
  readonly customerManagedPolicies: readonly CustomerManagedPolicyRef[];
  /**
   * The user's inline policy with the KMS statements this permission set needs (as a key principal)
   * appended; absent when there is neither.
   */
  readonly inlinePolicy?: PolicyDocumentJson;
  readonly permissionsBoundary?: PermissionsBoundary;
}

/** Who an assignment is for: a group or a user of the identity store. */
export type PrincipalType = 'GROUP' | 'USER';

/** One account assignment: a principal gets a permission set in one account. */
export interface ResolvedAssignment {
  /** Stable address: `<GROUP|USER>/<principal>/<permissionSet>/<account>`; never list positions. */
  readonly key: string;
  readonly principalType: PrincipalType;
  readonly principalName: string;
  readonly permissionSet: string;
  readonly accountName: string;
  readonly accountId: string;
  /** Deployment unit (assignment shard) holding this assignment. */
  readonly unit: string;
  /** Why this account was selected, e.g. `account prod-app`, `ou Workloads/*`, `tag env=prod`. Sorted. */
  readonly reasons: readonly string[];
}

/** Who may open an application: a group or a user of the identity store. */
export interface ResolvedApplicationAssignment {
  readonly principalType: PrincipalType;
  readonly principalName: string;
}

/** An access scope of an application, with the application or instance ARNs it is authorized for. */
export interface ResolvedAccessScope {
  /** e.g. `redshift:connect`. */
  readonly scope: string;
  /** Sorted; empty = none given. */
  readonly authorizedTargets: readonly string[];
}

/** Visible in the access portal, or in use at all (ENABLED | DISABLED, the AWS wire strings). */
export type ApplicationSwitch = 'ENABLED' | 'DISABLED';

/** Access portal options of an application; absent fields are AWS's defaults. */
export interface ApplicationPortal {
  readonly visibility?: ApplicationSwitch;
  readonly signIn?: { readonly origin: 'IDENTITY_CENTER' | 'APPLICATION'; readonly url?: string };
}

/**
 * A customer managed application of Identity Center with its assignment requirement, the groups
 * and users assigned to it and its access scopes.
 * @see https://docs.aws.amazon.com/singlesignon/latest/userguide/customermanagedapps.html
 */
export interface ResolvedApplication {
  readonly name: string;
  /** `arn:<partition>:sso::aws:applicationProvider/<name>`; default the partition's `custom`. */
  readonly providerArn: string;
  readonly description?: string;
  readonly status: ApplicationSwitch;
  /** @default absent: AWS's defaults */
  readonly portal?: ApplicationPortal;
  /** True: only the assigned principals can open it (AWS's default). */
  readonly assignmentRequired: boolean;
  /** Groups first, then users, each by name. */
  readonly assignments: readonly ResolvedApplicationAssignment[];
  /** Sorted by scope. */
  readonly accessScopes: readonly ResolvedAccessScope[];
  readonly tags: Tags;
}

/** An attribute for access control: the session tag key and the identity-source attribute its value comes from. */
export interface AccessControlAttribute {
  /** Session tag key (`aws:PrincipalTag/<key>`). */
  readonly key: string;
  /** Attribute references as AWS takes them, e.g. `${path:enterprise.department}`: literal text, never interpolated. */
  readonly sources: readonly string[];
}

/**
 * Use cases idcgen adds to a key from other settings: administrators, the Identity Center service
 * statements, the deployer and the deletion guard (never listed under a key's useCases).
 */
export type AddedUseCaseId = 'key-administration' | 'identity-center-service' | 'deployer' | 'deletion-guard';

/** Every use case of the catalog (src/policy/catalog/use-cases.ts): the model's and those idcgen adds. */
export type UseCaseId = AddedUseCaseId | ModelUseCaseId;

/** A documented statement in a key policy, with where it comes from. */
export interface StatementSource {
  readonly sid: string;
  /** Catalog use case id, e.g. `identity-center-service`, `delegated-admins`. */
  readonly useCase: UseCaseId;
  /** AWS documentation page the statement comes from. */
  readonly docUrl: string;
}

/** An IAM identity policy that a principal outside the management account needs to use the key. */
export interface KeyIdentityPolicy {
  readonly keyName: string;
  readonly accountName: string;
  readonly accountId: string;
  /** IAM policy name, e.g. `idcgen-identity-center-key-use`. */
  readonly policyName: string;
  /** Role names in that account to attach it to (role principals); empty = policy only. Sorted. */
  readonly attachToRoles: readonly string[];
  readonly document: PolicyDocumentJson;
  /** The use cases that need this policy, in catalog order. */
  readonly useCases: readonly UseCaseId[];
}

/** A key principal as the model names it, bound to its account. */
export type KeyPrincipalRef =
  | { readonly kind: 'role'; readonly arn: string; readonly roleName: string; readonly accountId: string; readonly accountName: string }
  | { readonly kind: 'account'; readonly accountId: string; readonly accountName: string }
  | { readonly kind: 'permission-set'; readonly permissionSet: string; readonly accountId: string; readonly accountName: string };

/** A principal the model names for a key, and what for. */
export interface KeyPrincipalUse {
  /** `key-administration` (administrators) or the model use case that names it. */
  readonly useCase: 'key-administration' | ModelUseCaseId;
  readonly principal: KeyPrincipalRef;
}

/** A customer managed KMS key with its key policy, replicas and the identity policies its users need. */
export interface ResolvedKey {
  readonly name: string;
  /** `alias/...` */
  readonly alias: string;
  readonly description: string;
  readonly multiRegion: boolean;
  readonly rotation: { readonly enabled: boolean; readonly periodDays: number };
  readonly deletionWindowDays: number;
  readonly profile: PolicyProfile;
  /** Sorted; never the Identity Center Region. */
  readonly replicaRegions: readonly string[];
  /** Use case ids in catalog order. */
  readonly useCases: readonly UseCaseId[];
  /** The key policy; applied identically to the primary and every replica. */
  readonly keyPolicy: PolicyDocumentJson;
  /** One entry per key policy statement, same order. */
  readonly statementSources: readonly StatementSource[];
  /** Member-account identity policies, sorted by account name. */
  readonly identityPolicies: readonly KeyIdentityPolicy[];
  readonly tags: Tags;
  /** True when Identity Center is configured to use this key. */
  readonly usedByIdentityCenter: boolean;
  /**
   * The principals the model names: administrators (`key-administration`) and each use case's
   * principals, sorted by use case order then principal. The deployer is not among them.
   */
  readonly principals: readonly KeyPrincipalUse[];
  /** The key policy denies deletion, disabling and policy changes to all but administrators and the deployer. */
  readonly deletionGuard: boolean;
}

/** State in an S3 bucket, one key per unit, locked with a lock file (`use_lockfile`). */
export interface S3Backend {
  readonly type: 's3';
  readonly bucket: string;
  /** State key is `<keyPrefix>/<unit>/terraform.tfstate`. */
  readonly keyPrefix: string;
  readonly region: string;
  /** Deprecated by Terraform 1.10's lock file (`use_lockfile`, always set); kept for migrations. */
  readonly dynamodbTable?: string;
  readonly encrypt: boolean;
  /** Role Terraform assumes for state access (`assume_role.role_arn`). @default absent: the caller's credentials */
  readonly roleArn?: string;
  /** KMS key (or alias) ARN encrypting state objects. @default absent: S3's default encryption */
  readonly kmsKeyId?: string;
}

/** Where every unit keeps its Terraform state: a local file, or S3 with a key per unit. */
export type BackendConfig = { readonly type: 'local' } | S3Backend;

/**
 * Where a deployment unit runs, common to every kind: one CDKTF stack and one HCL root.
 */
interface UnitPlacement {
  /**
   * `management`, `account-<name>`, `assignments[-<shard>]` (and `assignments-management` with a
   * delegated administrator), `permission-sets[-<shard>]`,
   * `users[-<shard>]` and `groups[-<shard>]` (the last two of kind `identity-store`),
   * `applications[-<shard>]`.
   */
  readonly name: string;
  readonly accountName: string;
  readonly accountId: string;
  /**
   * Role assumed in the unit's account: member units, and units running in the delegated
   * administrator's account. Absent for units of the management account.
   */
  readonly assumeRoleArn?: string;
  /**
   * Units with assumeRoleArn: role assumed in that account when planning (`TF_VAR_idcgen_plan=true`),
   * from `deployment.planRoleName`.
   * @default absent: plans assume assumeRoleArn too
   */
  readonly planAssumeRoleArn?: string;
}

/** A customer managed policy a unit creates in its account, with its document. */
export type CustomerManagedPolicyToCreate = CustomerManagedPolicyRef & { readonly document: PolicyDocumentJson };

/** The IAM policies a unit creates in its account (the management unit and member units). */
interface AccountPolicies {
  /** Customer managed policies the permission sets assigned in this account name, sorted. */
  readonly customerManagedPolicies: readonly CustomerManagedPolicyToCreate[];
  /** Key identity policies to create in this account, sorted by key name. */
  readonly keyIdentityPolicies: readonly KeyIdentityPolicy[];
}

/**
 * The management account's unit: the keys, Identity Center settings, and whatever no other unit
 * lists (every permission set, group, user and application when no permission-set, identity-store
 * or applications unit exists), plus the IAM policies of the management account.
 */
export interface ManagementUnit extends UnitPlacement, AccountPolicies {
  readonly kind: 'management';
}

/** A member account's unit (`account-<name>`): the IAM policies created in that account. */
export interface MemberUnit extends UnitPlacement, AccountPolicies {
  readonly kind: 'member';
  readonly assumeRoleArn: string;
}

/** An assignment unit (`assignments[-<shard>]`, `assignments-management`). */
export interface AssignmentsUnit extends UnitPlacement {
  readonly kind: 'assignments';
  /** Keys of the assignments this unit holds, sorted. */
  readonly assignmentKeys: readonly string[];
}

/**
 * A permission-set unit (`permission-sets[-<shard>]`): only when the management unit would exceed
 * `maxResourcesPerStack` with its permission sets, or a delegated administrator manages them (shard.ts).
 */
export interface PermissionSetsUnit extends UnitPlacement {
  readonly kind: 'permission-sets';
  /** The permission sets (with their policy attachments, inline policy and boundary) this unit creates, sorted. */
  readonly permissionSets: readonly string[];
}

/** An identity-store unit (`groups[-<shard>]`, `users[-<shard>]`): as permission-set units, for the identity store. */
export interface IdentityStoreUnit extends UnitPlacement {
  readonly kind: 'identity-store';
  /**
   * The groups this unit creates (with their memberships) or, for external groups, looks up; sorted.
   * Members created by another unit are looked up by user name.
   */
  readonly groups: readonly string[];
  /** The users this unit creates (external ones: looks up), sorted. */
  readonly users: readonly string[];
}

/**
 * An applications unit (`applications[-<shard>]`): the applications it creates with their
 * assignment configuration, access scopes and assignments (principals looked up by name).
 */
export interface ApplicationsUnit extends UnitPlacement {
  readonly kind: 'applications';
  /** The applications this unit creates, sorted. */
  readonly applications: readonly string[];
}

/** A deployment unit: one CDKTF stack and one HCL root; what it holds depends on its kind. */
export type DeploymentUnit = ManagementUnit | MemberUnit | AssignmentsUnit | PermissionSetsUnit | IdentityStoreUnit | ApplicationsUnit;

/**
 * What a unit holds. `permission-sets` and `identity-store` units exist only when the management
 * unit would exceed `maxResourcesPerStack` with them, or a delegated administrator manages them
 * (shard.ts); small models have none.
 */
export type UnitKind = DeploymentUnit['kind'];

/** The unit type of one kind: `UnitOfKind<'assignments'>` is AssignmentsUnit. */
export type UnitOfKind<K extends UnitKind> = Extract<DeploymentUnit, { readonly kind: K }>;

/** The units that create IAM policies in their account. */
export type PolicyUnit = ManagementUnit | MemberUnit;

/** Whether the unit creates IAM policies in its account (customer managed and key identity policies). */
export function isPolicyUnit(unit: DeploymentUnit): unit is PolicyUnit {
  return unit.kind === 'management' || unit.kind === 'member';
}

/** The resolved organization model (IR): sorted, every reference bound; the input of every emitter and construct. */
export interface ResolvedModel {
  /** The model file as given on the command line (relative), for generated-file markers. */
  readonly source: string;
  readonly organization: {
    readonly id: string;
    readonly managementAccountName: string;
    readonly managementAccountId: string;
  };
  readonly identityCenter: {
    readonly region: string;
    readonly instanceArn?: string;
    readonly identityStoreId?: string;
    /** Name of the key Identity Center uses; absent = AWS owned key. */
    readonly encryptionKey?: string;
    /** Opt-in: generated Terraform runs the UpdateInstance step. */
    readonly manageEncryption: boolean;
    /**
     * The member account that administers Identity Center (identityCenter.delegatedAdmin): the
     * permission-set, identity-store and assignment units run there, except what only the
     * management account may manage (src/model/private/delegated-admin.ts).
     * @default absent: everything runs in the management account
     */
    readonly delegatedAdmin?: { readonly accountName: string; readonly accountId: string };
    /**
     * Attributes for access control (ABAC), sorted by key.
     * @default absent: none (the instance's configuration is not managed)
     */
    readonly accessControlAttributes?: readonly AccessControlAttribute[];
  };
  readonly deployment: {
    /**
     * IAM role ARN (management account) that runs Terraform: a key administrator of every key.
     * @default absent: the model names none
     */
    readonly deployer?: string;
    readonly roleName: string;
    /**
     * Role assumed in member accounts when planning (`deployment.planRoleName`).
     * @default absent: roleName
     */
    readonly planRoleName?: string;
    readonly maxResourcesPerStack: number;
    readonly backend: BackendConfig;
  };
  readonly accounts: readonly ResolvedAccount[];
  readonly groups: readonly ResolvedGroup[];
  readonly users: readonly ResolvedUser[];
  readonly permissionSets: readonly ResolvedPermissionSet[];
  readonly assignments: readonly ResolvedAssignment[];
  readonly keys: readonly ResolvedKey[];
  /**
   * Customer managed applications, sorted by name.
   * @default absent: none
   */
  readonly applications?: readonly ResolvedApplication[];
  /**
   * Sorted: management first, then member units, then permission-set units, then identity-store
   * units, then applications units, then assignment units, each by name.
   */
  readonly units: readonly DeploymentUnit[];
}

/** The one comparison used for every sort in the IR (stable across locales and machines). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
