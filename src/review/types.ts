/**
 * The review of a change (base model → head model) and the explanation of one model, as typed
 * data. Renderers (markdown, json, csv) only format these; every decision is made when they are
 * built, so all formats agree.
 */
import type { PrincipalType, UnitKind, StatementJson } from '../model';
import type { KeyPower } from '../policy/power';

export type { KeyPower, KeyPowerLevel } from '../policy/power';

/** Ordered from least to most severe; `--fail-on` compares by this order. */
export const RISK_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** Every risk rule, documented in examples/ci/README.md. */
export const RISK_RULES = [
  'admin-access-granted',
  'production-affected',
  'key-service-access-removed',
  'key-administrator-removed',
  'key-administer-granted',
  'key-single-region',
  'key-removed',
  'key-deletion-window-shortened',
  'key-replica-removed',
  'key-rotation-disabled',
  'wildcard-principal-widened',
  'permission-set-renamed',
  'external-permission-set-unknown',
  'application-assignment-not-required',
] as const;
export type RiskRule = (typeof RISK_RULES)[number];

export interface RiskFlag {
  readonly rule: RiskRule;
  readonly severity: RiskSeverity;
  /** One sentence, lowercase start, no trailing period. */
  readonly message: string;
}

/** A plain value as it appears in the model; lists are sorted. */
export type FieldValue = string | number | boolean | readonly string[];

export interface FieldChange {
  /** Model term, e.g. `sessionDuration`, `rotation.periodDays`. */
  readonly field: string;
  readonly before?: FieldValue;
  readonly after?: FieldValue;
}

export interface AccountRef {
  readonly name: string;
  readonly id: string;
  /** Matches the production rule (see production.ts). */
  readonly production: boolean;
}

/** Assignments of one principal to one permission set, with the accounts they reach. */
export interface AssignmentGroup {
  readonly principalType: PrincipalType;
  readonly principalName: string;
  readonly permissionSet: string;
  /** Sorted by account name; complete (the Markdown shows a few). */
  readonly accounts: readonly AccountRef[];
  /**
   * Why the accounts are selected, by selector, with how many accounts each selects: `ou Workloads`,
   * `tag env=prod`, `accounts by name` (the reasons `explain` gives, without each account's own OU).
   * Sorted by selector.
   */
  readonly selectors: readonly { readonly selector: string; readonly accounts: number }[];
}

/**
 * What a group membership change does for the user: the permission sets and accounts the user gains
 * or loses through that group (access the user keeps or had through another path is left out).
 */
export interface MembershipEffect {
  readonly userName: string;
  readonly group: string;
  readonly change: 'gains' | 'loses';
  readonly permissionSet: string;
  /** Sorted by account name. */
  readonly accounts: readonly AccountRef[];
  /** Accounts (names, sorted) where this permission set's role may administer a key (`kms:PutKeyPolicy`). */
  readonly keyAdministratorIn: readonly string[];
}

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One policy statement that differs; `sid` is absent for statements compared by content. */
export interface StatementChange {
  readonly change: ChangeKind;
  readonly sid?: string;
  readonly before?: StatementJson;
  readonly after?: StatementJson;
  /** Key policy statements only: the use case the statement serves. */
  readonly useCase?: string;
  readonly docUrl?: string;
}

export interface ListChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface PermissionSetChange {
  readonly name: string;
  /** `renamed`: a removed and an added permission set with identical content. */
  readonly change: ChangeKind | 'renamed';
  readonly renamedFrom?: string;
  readonly fields: readonly FieldChange[];
  readonly managedPolicies: ListChange;
  /** `path + name`, e.g. `/BoundaryReadOnly`. */
  readonly customerManagedPolicies: ListChange;
  readonly inlinePolicy: readonly StatementChange[];
  /** The boundary reference: a managed policy ARN or a customer managed `path + name`. */
  readonly permissionsBoundary?: FieldChange;
}

/** A customer managed policy document idcgen creates in member accounts (the same everywhere). */
export interface PolicyDocumentChange {
  /** `path + name`. */
  readonly name: string;
  readonly change: ChangeKind;
  readonly statements: readonly StatementChange[];
}

/** A group or user that gains or loses an application (an application assignment). */
export interface ApplicationAssignmentChange {
  readonly application: string;
  readonly principalType: PrincipalType;
  readonly principalName: string;
}

/** An application added, removed or changed: its settings and access scopes (`scope` or `scope → targets`). */
export interface ApplicationChange {
  readonly name: string;
  readonly change: ChangeKind;
  readonly fields: readonly FieldChange[];
  readonly accessScopes: ListChange;
}

export interface IdentityPolicyChange {
  readonly accountName: string;
  readonly policyName: string;
  readonly change: ChangeKind;
  readonly attachToRoles: ListChange;
  readonly statements: readonly StatementChange[];
}

export interface KeyChange {
  readonly name: string;
  readonly change: ChangeKind;
  readonly fields: readonly FieldChange[];
  readonly statements: readonly StatementChange[];
  readonly identityPolicies: readonly IdentityPolicyChange[];
}

/** How a principal reaches a key. */
export type KeyAccessKind = 'service' | 'administrator' | 'org-principals' | 'managed-applications' | 'principal' | 'wildcard';

export interface KeyAccess {
  readonly key: string;
  readonly kind: KeyAccessKind;
  /**
   * Service principal, principal ARN (pattern), `permission set <name> in <account>`, `*`, or a
   * description such as `principals in organization o-…`.
   */
  readonly principal: string;
  /** The AWS account the principal is in, when it is one account. */
  readonly accountId?: string;
  /** Sorted, deduplicated. */
  readonly actions: readonly string[];
  /** `kms:ViaService` values that narrow the access, sorted; empty = any caller path. */
  readonly via: readonly string[];
  /** Key policy statements granting it, sorted. */
  readonly statements: readonly string[];
  /** Use cases of those statements, sorted. */
  readonly useCases: readonly string[];
  /**
   * Cross-account principals: the identity policies their account gives them (`account/policy`),
   * because KMS needs both the key policy and an identity policy. Sorted.
   */
  readonly identityPolicies: readonly string[];
}

/** One principal's effective power on one key before and after (principal + account identify it). */
export interface KeyPowerChange {
  readonly change: ChangeKind;
  readonly before?: KeyPower;
  readonly after?: KeyPower;
}

export interface KeyAccessChange {
  readonly change: ChangeKind;
  readonly before?: KeyAccess;
  readonly after?: KeyAccess;
}

export interface PrincipalChange {
  readonly principalType: PrincipalType;
  readonly name: string;
  readonly change: ChangeKind;
  readonly fields: readonly FieldChange[];
  /** Groups only. */
  readonly members: ListChange;
}

export type UnitChange = ChangeKind;

export interface TouchedUnit {
  readonly name: string;
  readonly kind: UnitKind;
  readonly change: UnitChange;
  readonly accountName: string;
  /** HCL root in the generate output, `hcl/<unit>`. */
  readonly hclRoot: string;
  /** CDKTF stack name, `<unit>`. */
  readonly stack: string;
}

export interface Review {
  readonly base: string;
  readonly head: string;
  readonly risks: readonly RiskFlag[];
  readonly granted: readonly AssignmentGroup[];
  readonly revoked: readonly AssignmentGroup[];
  /** Application assignments granted and revoked, by application, principal type and name. */
  readonly applicationsGranted: readonly ApplicationAssignmentChange[];
  readonly applicationsRevoked: readonly ApplicationAssignmentChange[];
  readonly applications: readonly ApplicationChange[];
  readonly principals: readonly PrincipalChange[];
  /** What each membership change grants or revokes, by user, group and permission set. */
  readonly membership: readonly MembershipEffect[];
  readonly permissionSets: readonly PermissionSetChange[];
  readonly customerManagedPolicies: readonly PolicyDocumentChange[];
  readonly keys: readonly KeyChange[];
  readonly keyAccess: readonly KeyAccessChange[];
  /** Effective key power (key policy with identity policies) gained, lost or changed. */
  readonly keyPower: readonly KeyPowerChange[];
  /** organization, identityCenter and deployment settings. */
  readonly settings: readonly FieldChange[];
  readonly units: readonly TouchedUnit[];
  /**
   * The added and changed units (planned from the head) in apply order, cut into at most
   * MAX_BATCHES lists that fit a CI job matrix; one unit each while they fit.
   */
  readonly batches: readonly (readonly string[])[];
  /** The removed units (planned for destruction from the base), batched last wave first. */
  readonly removedBatches: readonly (readonly string[])[];
}

/** GitHub Actions runs at most 256 jobs from one matrix. */
export const MAX_BATCHES = 256;

/** One cell of the access matrix: a permission set a principal holds in an account. */
export interface MatrixGrant {
  readonly permissionSet: string;
  /** Why the account was selected, e.g. `ou Workloads/*`. Sorted. */
  readonly reasons: readonly string[];
}

export interface MatrixRow {
  readonly principalType: PrincipalType;
  readonly principalName: string;
  readonly account: AccountRef;
  /** Sorted by permission set. */
  readonly grants: readonly MatrixGrant[];
}

export interface KeyExplanation {
  readonly name: string;
  readonly alias: string;
  readonly usedByIdentityCenter: boolean;
  readonly multiRegion: boolean;
  readonly replicaRegions: readonly string[];
  /** Sorted by kind, then principal. */
  readonly access: readonly KeyAccess[];
  /** What each principal can really do with the key (src/policy/key-power.ts), strongest first. */
  readonly power: readonly KeyPower[];
}

/** Where a deployment unit runs (explain, review.md). */
export interface UnitPlacement {
  readonly name: string;
  readonly kind: string;
  /** The account its resources are managed from. */
  readonly account: { readonly name: string; readonly id: string };
  /** Role assumed in that account; null: the credentials' own account (management). */
  readonly role: string | null;
  readonly wave: number;
}

/** Which unit (and account) manages a permission set (explain, review.md). */
export interface PermissionSetPlacement {
  readonly name: string;
  /** Owned outside idcgen: looked up, never created or changed. */
  readonly external: boolean;
  /** Null for an external permission set. */
  readonly unit: string | null;
  readonly managedFrom: { readonly name: string; readonly id: string } | null;
  /** Provisioned into the management account: only the management account can manage it. */
  readonly assignedInManagement: boolean;
  /** External ones: the AWS managed policies the model says it holds. */
  readonly declaredManagedPolicies?: readonly string[];
}

/** Who can open one application. */
export interface ApplicationExplanation {
  readonly name: string;
  readonly providerArn: string;
  readonly status: 'ENABLED' | 'DISABLED';
  /** False: every user of the identity store can open it, assigned or not. */
  readonly assignmentRequired: boolean;
  /** Assigned groups with their members where the model lists them (synced groups: empty), sorted. */
  readonly groups: readonly { readonly name: string; readonly external: boolean; readonly members: readonly string[] }[];
  /** Users assigned directly, sorted. */
  readonly users: readonly string[];
  readonly accessScopes: readonly string[];
}

export interface Explanation {
  readonly source: string;
  /** Every deployment unit in IR order, with the account it runs in. */
  readonly units: readonly UnitPlacement[];
  /** Sorted by name. */
  readonly permissionSets: readonly PermissionSetPlacement[];
  /** Sorted by principal type, principal name, account name. */
  readonly matrix: readonly MatrixRow[];
  /** Group name → members (groups idcgen creates). Sorted. */
  readonly groupMembers: Readonly<Record<string, readonly string[]>>;
  readonly keys: readonly KeyExplanation[];
  /** Sorted by name. */
  readonly applications: readonly ApplicationExplanation[];
}
