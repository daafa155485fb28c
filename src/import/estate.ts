/**
 * An Identity Center estate as read from AWS: ids and ARNs kept, nothing interpreted yet.
 * `readEstate` fills it; `estateToModel` turns it into a model and an import plan. Keeping the two
 * apart lets tests check the translation without AWS and the reading without the translation.
 */

import { USER_TEXT_ATTRIBUTES, type UserAddress, type UserContact } from '../model';

export interface EstateInstance {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  readonly ownerAccountId?: string;
  /** From DescribeInstance EncryptionConfigurationDetails. */
  readonly keyType?: 'AWS_OWNED_KMS_KEY' | 'CUSTOMER_MANAGED_KEY';
  readonly kmsKeyArn?: string;
}

export interface EstateAccount {
  readonly id: string;
  readonly name: string;
  /** OU names from the root, e.g. ['Workloads', 'Prod']; [] for accounts directly under the root. */
  readonly ouPath: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Organizations account state (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, PENDING_ACTIVATION).
   * @default absent when AWS did not say
   */
  readonly state?: string;
}

/** An organizational unit with its id, as the OU tree lists it. */
export interface EstateOu {
  readonly id: string;
  /** OU names from the root, e.g. ['Workloads', 'Prod']. */
  readonly path: readonly string[];
}

export interface EstateOrganization {
  readonly id: string;
  readonly managementAccountId: string;
  readonly accounts: readonly EstateAccount[];
  /** @default absent when not read */
  readonly rootId?: string;
  /** Every OU of the organization, sorted by id. @default absent when not read */
  readonly organizationalUnits?: readonly EstateOu[];
}

export interface EstatePolicyRef {
  readonly name: string;
  readonly path: string;
}

export interface EstatePermissionSet {
  readonly arn: string;
  readonly name: string;
  readonly description?: string;
  readonly sessionDuration?: string;
  readonly relayState?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly managedPolicyArns: readonly string[];
  readonly customerManagedPolicies: readonly EstatePolicyRef[];
  /** The inline policy as JSON text, as AWS returns it. */
  readonly inlinePolicy?: string;
  readonly permissionsBoundary?: { readonly managedPolicyArn: string } | { readonly customerManagedPolicy: EstatePolicyRef };
}

export interface EstateGroup {
  readonly id: string;
  readonly displayName: string;
  readonly description?: string;
  /** Synced from an external IdP (SCIM): the group has ExternalIds. */
  readonly external: boolean;
  /** Only read for groups that are not external (the IdP owns the others' members). */
  readonly memberships: readonly { readonly membershipId: string; readonly userId: string }[];
}

/** Optional string attributes of a user, named as the model names them (the model's own list). */
export { USER_TEXT_ATTRIBUTES };

export type EstateUser = {
  readonly id: string;
  readonly userName: string;
  readonly displayName?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  /** As the identity store lists them (`primary` false when it does not say true). */
  readonly emails?: readonly UserContact[];
  readonly phoneNumbers?: readonly UserContact[];
  readonly addresses?: readonly UserAddress[];
  readonly external: boolean;
} & { readonly [K in (typeof USER_TEXT_ATTRIBUTES)[number]]?: string };

export interface EstateAssignment {
  readonly permissionSetArn: string;
  readonly accountId: string;
  readonly principalType: 'GROUP' | 'USER';
  readonly principalId: string;
}

export interface EstateKey {
  readonly keyId: string;
  readonly arn: string;
  readonly description?: string;
  readonly multiRegion: boolean;
  /** Regions of the multi-Region replicas of this (primary) key. */
  readonly replicaRegions: readonly string[];
  readonly rotationEnabled: boolean;
  readonly rotationPeriodDays?: number;
  /** Alias names (`alias/...`) pointing at the key. */
  readonly aliases: readonly string[];
  /** Region → alias names pointing at the replica there (aliases are Regional). */
  readonly replicaAliases: Readonly<Record<string, readonly string[]>>;
  readonly tags: Readonly<Record<string, string>>;
  /** The key policy JSON text. */
  readonly policy: string;
}

/** A customer managed application of the instance, with who may open it. */
export interface EstateApplication {
  readonly arn: string;
  readonly name: string;
  readonly providerArn: string;
  readonly description?: string;
  readonly status: 'ENABLED' | 'DISABLED';
  readonly portal?: {
    readonly visibility?: 'ENABLED' | 'DISABLED';
    readonly signIn?: { readonly origin: 'IDENTITY_CENTER' | 'APPLICATION'; readonly url?: string };
  };
  readonly assignmentRequired: boolean;
  readonly assignments: readonly { readonly principalType: 'GROUP' | 'USER'; readonly principalId: string }[];
  readonly accessScopes: readonly { readonly scope: string; readonly authorizedTargets: readonly string[] }[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface Estate {
  readonly region: string;
  readonly instance: EstateInstance;
  readonly organization: EstateOrganization;
  readonly permissionSets: readonly EstatePermissionSet[];
  readonly groups: readonly EstateGroup[];
  readonly users: readonly EstateUser[];
  readonly assignments: readonly EstateAssignment[];
  /** The customer managed key Identity Center uses; absent with the AWS owned key. */
  readonly key?: EstateKey;
  /**
   * Customer managed applications (AWS managed ones belong to their service and are not read).
   * @default none
   */
  readonly applications?: readonly EstateApplication[];
  /**
   * The instance's attributes for access control, by key.
   * @default none configured
   */
  readonly accessControlAttributes?: readonly { readonly key: string; readonly sources: readonly string[] }[];
}
