/**
 * Deterministic fake identifiers for `terraform test` mock plans. Each permission set, group, user,
 * key, application and IAM policy gets its own value derived from its name, so a planned reference (the
 * `permission_set_arn` of an attachment, the `principal_id` of an assignment) tells which object
 * it points to. The same values are injected into the HCL roots and the CDKTF stacks, so their
 * plans can be compared field by field.
 */
import { createHash } from 'node:crypto';
import { isPolicyUnit, type ResolvedModel } from '../../../../src/model/ir';
import type { PolicyRef } from '../../../../src/model/policy-types';

const hex = (s: string, n: number): string => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, n);

/** Identity store IDs are GUIDs: the provider validates principal_id against that pattern. */
function guid(s: string): string {
  const h = hex(s, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What `data.aws_ssoadmin_instances` returns in every mocked plan. */
export const MOCK_INSTANCE_ARN = 'arn:aws:sso:::instance/ssoins-00000000mock0000';
export const MOCK_IDENTITY_STORE_ID = 'd-0000000000';

export class Mocks {
  readonly instanceArn: string;
  readonly identityStoreId: string;
  private readonly reverse = new Map<string, string>();

  constructor(private readonly ir: ResolvedModel) {
    this.instanceArn = ir.identityCenter.instanceArn ?? MOCK_INSTANCE_ARN;
    this.identityStoreId = ir.identityCenter.identityStoreId ?? MOCK_IDENTITY_STORE_ID;
    // Every name gets its value up front, so plans can be read back in any order.
    ir.keys.forEach((k) => this.keyArn(k.name));
    ir.permissionSets.forEach((p) => this.permissionSetArn(p.name));
    ir.groups.forEach((g) => this.groupId(g.name));
    ir.users.forEach((u) => this.userId(u.userName));
    ir.assignments.forEach((a) => (a.principalType === 'GROUP' ? this.groupId(a.principalName) : this.userId(a.principalName)));
    (ir.applications ?? []).forEach((a) => this.applicationArn(a.name));
    for (const unit of ir.units.filter(isPolicyUnit)) {
      unit.keyIdentityPolicies.forEach((p) => this.iamPolicyArn(unit.accountId, '/', p.policyName));
      unit.customerManagedPolicies.forEach((p) => this.iamPolicyArn(unit.accountId, p.path, p.name));
    }
  }

  private remember(value: string, what: string): string {
    this.reverse.set(value, what);
    return value;
  }

  keyId(key: string): string {
    return this.remember(`mrk-${hex(`key:${key}`, 32)}`, `key ${key}`);
  }

  keyArn(key: string): string {
    const { region } = this.ir.identityCenter;
    return this.remember(`arn:aws:kms:${region}:${this.ir.organization.managementAccountId}:key/${this.keyId(key)}`, `key ${key}`);
  }

  permissionSetArn(name: string): string {
    const instance = this.instanceArn.split('/').pop() as string;
    return this.remember(`arn:aws:sso:::permissionSet/${instance}/ps-${hex(`ps:${name}`, 16)}`, `permission set ${name}`);
  }

  groupId(name: string): string {
    return this.remember(guid(`group:${name}`), `group ${name}`);
  }

  userId(name: string): string {
    return this.remember(guid(`user:${name}`), `user ${name}`);
  }

  applicationArn(name: string): string {
    const instance = this.instanceArn.split('/').pop() as string;
    return this.remember(
      `arn:aws:sso::${this.ir.organization.managementAccountId}:application/${instance}/apl-${hex(`app:${name}`, 16)}`,
      `application ${name}`,
    );
  }

  iamPolicyArn(accountId: string, path: string, name: string): string {
    return this.remember(`arn:aws:iam::${accountId}:policy${path}${name}`, `policy ${name}`);
  }

  /** What a mocked identifier stands for (`group Auditors`), or the value itself when unknown. */
  name(value: unknown): unknown {
    return typeof value === 'string' ? (this.reverse.get(value) ?? value) : value;
  }

  /** A PolicyRef as the mocked plan holds it. */
  resolve = (ref: PolicyRef): string => {
    const mgmt = this.ir.organization.managementAccountId;
    switch (ref.ref) {
      case 'key-arn':
        return this.keyArn(ref.key ?? '');
      case 'key-arn-all-regions':
        return `arn:aws:kms:*:${mgmt}:key/${this.keyId(ref.key ?? '')}`;
      case 'instance-arn':
        return this.instanceArn;
      case 'identity-store-arn':
        return `arn:aws:identitystore::${mgmt}:identitystore/${this.identityStoreId}`;
    }
  };

  /** Every value of a policy document with its PolicyRefs resolved. */
  render(value: unknown): unknown {
    if (typeof value === 'object' && value !== null && typeof (value as PolicyRef).ref === 'string') {
      return this.resolve(value as PolicyRef);
    }
    if (Array.isArray(value)) return value.map((v) => this.render(v));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.render(v)]));
    }
    return value;
  }
}
