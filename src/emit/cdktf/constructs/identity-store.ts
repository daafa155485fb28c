/**
 * Identity store principals. Groups and users idcgen owns are created (with the memberships of the
 * created groups); external ones, synced by SCIM from the identity provider, are only read, by
 * display name or user name. Either way callers get ids, never names: assignments and memberships
 * take identity store UUIDs.
 *
 * A created principal is never also read through a data source in the same stack: the look-up
 * runs at plan time, before the principal exists, and fails.
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/identitystore_group
 */
import type { ResolvedGroup, ResolvedUser } from '../../../model';
import {
  Construct,
  DataAwsIdentitystoreGroup,
  DataAwsIdentitystoreUser,
  IdentitystoreGroup,
  IdentitystoreGroupMembership,
  IdentitystoreUser,
  type IdentitystoreUserConfig,
} from '../cdktf';
import { constructId, namespace } from '../private/namespace';

/** Props of {@link IdentityStore}. */
export interface IdentityStoreProps {
  readonly identityStoreId: string;
  readonly groups: readonly ResolvedGroup[];
  readonly users: readonly ResolvedUser[];
  /**
   * Read every principal, created ones too: for stacks deployed after the one that creates them.
   * No memberships then.
   * @default false
   */
  readonly lookupOnly?: boolean;
  /**
   * Users created by a stack deployed before this one that the memberships here name: read by
   * user name (identity-store units that hold groups but not their members).
   * @default none
   */
  readonly memberLookups?: readonly string[];
}

/** Identity store groups, users and group memberships (external ones looked up). */
export class IdentityStore extends Construct {
  private readonly groupIds = new Map<string, string>();
  private readonly userIds = new Map<string, string>();

  constructor(scope: Construct, id: string, props: IdentityStoreProps) {
    super(scope, id);
    const { identityStoreId } = props;
    const lookupOnly = props.lookupOnly ?? false;

    const lookupUser = (userName: string): void => {
      const found = new DataAwsIdentitystoreUser(namespace(this, 'UserLookup'), constructId(userName), {
        identityStoreId,
        alternateIdentifier: { uniqueAttribute: { attributePath: 'UserName', attributeValue: userName } },
      });
      this.userIds.set(userName, found.userId);
    };

    for (const user of props.users) {
      if (user.external || lookupOnly) {
        lookupUser(user.userName);
      } else {
        const created = new IdentitystoreUser(namespace(this, 'User'), constructId(user.userName), { identityStoreId, ...userAttributes(user) });
        this.userIds.set(user.userName, created.userId);
      }
    }

    for (const userName of props.memberLookups ?? []) lookupUser(userName);

    for (const group of props.groups) {
      if (group.external || lookupOnly) {
        const found = new DataAwsIdentitystoreGroup(namespace(this, 'GroupLookup'), constructId(group.name), {
          identityStoreId,
          alternateIdentifier: { uniqueAttribute: { attributePath: 'DisplayName', attributeValue: group.name } },
        });
        this.groupIds.set(group.name, found.groupId);
        continue;
      }
      const created = new IdentitystoreGroup(namespace(this, 'Group'), constructId(group.name), {
        identityStoreId,
        displayName: group.name,
        description: group.description,
      });
      this.groupIds.set(group.name, created.groupId);
      for (const member of group.members) {
        new IdentitystoreGroupMembership(namespace(namespace(this, 'Membership'), group.name), constructId(member), {
          identityStoreId,
          groupId: created.groupId,
          memberId: this.userId(member),
        });
      }
    }
  }

  /** Terraform expression of the group's identity store id. */
  groupId(name: string): string {
    const id = this.groupIds.get(name);
    if (id === undefined) throw new Error(`group ${name} is not in this stack's identity store`);
    return id;
  }

  /** Terraform expression of the user's identity store id. */
  userId(userName: string): string {
    const id = this.userIds.get(userName);
    if (id === undefined) throw new Error(`user ${userName} is not in this stack's identity store`);
    return id;
  }

  principalId(type: 'GROUP' | 'USER', name: string): string {
    return type === 'GROUP' ? this.groupId(name) : this.userId(name);
  }
}

/**
 * A created user's attributes as the provider takes them: one email, phone number and address at
 * most (each a single block in provider 5.100 and 6.x, as the identity store holds one of each).
 */
function userAttributes(u: ResolvedUser): Omit<IdentitystoreUserConfig, 'identityStoreId'> {
  const [email] = u.emails;
  const [phone] = u.phoneNumbers;
  const [address] = u.addresses;
  return {
    userName: u.userName,
    displayName: u.displayName,
    name: {
      givenName: u.givenName,
      familyName: u.familyName,
      middleName: u.middleName,
      honorificPrefix: u.honorificPrefix,
      honorificSuffix: u.honorificSuffix,
      formatted: u.formattedName,
    },
    emails: email ? { value: email.value, type: email.type, primary: email.primary } : undefined,
    phoneNumbers: phone ? { value: phone.value, type: phone.type, primary: phone.primary } : undefined,
    addresses: address ? { ...address } : undefined,
    nickname: u.nickname,
    profileUrl: u.profileUrl,
    title: u.title,
    userType: u.userType,
    preferredLanguage: u.preferredLanguage,
    locale: u.locale,
    timezone: u.timezone,
  };
}
