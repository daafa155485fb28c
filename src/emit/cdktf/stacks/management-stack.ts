/**
 * The management account's stack: the Identity Center keys (with their replicas), permission sets,
 * identity store principals and applications (unless the model moved them into stacks of their own
 * to respect the stack bound), the attributes for access control, any IAM policies the management
 * account itself needs, and the opt-in encryption step. Its provider works in the Identity Center Region.
 */
import { partitionOf, compareKeys, type ManagementUnit, unitApplications, unitGroups, unitMemberLookups, unitPermissionSets, unitUsers } from '../../../model';
import { encryptionStep } from '../../encryption-step';
import { AwsProvider, Construct } from '../cdktf';
import { AccessControlAttributes } from '../constructs/access-control-attributes';
import { Applications } from '../constructs/applications';
import { IdentityCenterEncryption } from '../constructs/encryption-step';
import { IdentityCenterInstance } from '../constructs/identity-center-instance';
import { IdentityCenterKey } from '../constructs/identity-center-key';
import { IdentityStore } from '../constructs/identity-store';
import { KeyUserPolicies } from '../constructs/key-user-policies';
import { PermissionSets } from '../constructs/permission-sets';
import { constructId } from '../private/namespace';
import { refResolver, type RefTargets } from '../private/refs';
import { GeneratedStack } from '../private/generated-stack';
import { literalView } from '../private/literal-view';
import { awsProvider, configureStack, type UnitStackConfig } from '../private/stack-setup';

/** The model and the unit this stack deploys (see UnitStackConfig). */
export type ManagementStackConfig = UnitStackConfig<ManagementUnit>;

/** The stack of the management unit: the keys and, while they fit, permission sets and the identity store. */
export class ManagementStack extends GeneratedStack {
  readonly instance: IdentityCenterInstance;
  /** By key name. */
  readonly keys: ReadonlyMap<string, IdentityCenterKey>;
  readonly permissionSets: PermissionSets;
  readonly identityStore: IdentityStore;
  readonly applications: Applications;
  readonly accessControlAttributes?: AccessControlAttributes;
  readonly encryption?: IdentityCenterEncryption;

  constructor(scope: Construct, id: string, config: ManagementStackConfig) {
    super(scope, id);
    const { ir, unit } = literalView(config.ir, config.unit);
    const { region } = ir.identityCenter;
    const accountId = ir.organization.managementAccountId;
    configureStack(this, unit, ir.deployment.backend, config.configureBackend);
    awsProvider(this, 'aws', { region, accountId });

    // One provider per replica Region, shared by every key with a replica there.
    const replicaRegions = [...new Set(ir.keys.flatMap((k) => k.replicaRegions))].sort(compareKeys);
    const replicaProviders = new Map<string, AwsProvider>(replicaRegions.map((r) => [r, awsProvider(this, `aws-${r}`, { region: r, accountId, alias: r })]));

    this.instance = IdentityCenterInstance.of(this, ir);

    const keys = new Map<string, IdentityCenterKey>();
    const key = (name: string): IdentityCenterKey => {
      const k = keys.get(name);
      if (!k) throw new Error(`policy names key ${name}, which is not in the model`);
      return k;
    };
    const partition = partitionOf(ir.identityCenter.region);
    const refTargets: RefTargets = {
      managementAccountId: accountId,
      partition,
      keyArn: (name) => key(name).arn,
      keyId: (name) => key(name).kmsKey.keyId,
      instanceArn: () => this.instance.instanceArn,
      identityStoreId: () => this.instance.identityStoreId,
    };
    const resolve = refResolver(refTargets);
    const keyScope = new Construct(this, 'Key');
    for (const k of ir.keys) {
      keys.set(k.name, new IdentityCenterKey(keyScope, constructId(k.name), { key: k, replicaProviders, refTargets }));
    }
    this.keys = keys;

    this.permissionSets = new PermissionSets(this, 'PermissionSets', {
      instanceArn: this.instance.instanceArn,
      permissionSets: unitPermissionSets(ir, unit),
      resolve,
    });

    this.identityStore = new IdentityStore(this, 'IdentityStore', {
      identityStoreId: this.instance.identityStoreId,
      groups: unitGroups(ir, unit),
      users: unitUsers(ir, unit),
      memberLookups: unitMemberLookups(ir, unit),
    });

    // Applications stay in this stack only with the identity store (shard.ts): they take its ids.
    this.applications = new Applications(this, 'Applications', {
      instanceArn: this.instance.instanceArn,
      applications: unitApplications(ir, unit),
      principalId: (type, name) => this.identityStore.principalId(type, name),
    });

    const attributes = ir.identityCenter.accessControlAttributes ?? [];
    if (attributes.length > 0) {
      this.accessControlAttributes = new AccessControlAttributes(this, 'AccessControlAttributes', { instanceArn: this.instance.instanceArn, attributes });
    }

    if (unit.customerManagedPolicies.length > 0 || unit.keyIdentityPolicies.length > 0) {
      new KeyUserPolicies(this, 'Policies', {
        customerManagedPolicies: unit.customerManagedPolicies,
        keyIdentityPolicies: unit.keyIdentityPolicies,
        resolve,
      });
    }

    const step = encryptionStep(ir);
    if (step) {
      const k = key(step.keyName);
      this.encryption = new IdentityCenterEncryption(this, 'Encryption', {
        step,
        keyArn: k.arn,
        instanceArn: this.instance.instanceArn,
        dependsOn: [k.keyPolicy, ...k.replicas.values()],
      });
    }
  }
}
