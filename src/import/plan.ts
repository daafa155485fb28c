/**
 * The import plan: which resources of the generated Terraform already exist in AWS, and the id
 * Terraform imports each one by. `idcgen import` writes it next to the model as
 * `<model>.imports.json`; the emitters turn it into `import {}` blocks (HCL) and the CDKTF
 * equivalent, so the first plan adopts existing access instead of destroying and recreating it.
 *
 * File format (JSON, sorted, no timestamps):
 * ```json
 * {
 *   "format": "idcgen-import-plan",
 *   "version": 1,
 *   "model": "org.yaml",
 *   "region": "eu-west-1",
 *   "instanceArn": "arn:aws:sso:::instance/ssoins-…",
 *   "identityStoreId": "d-…",
 *   "resources": [
 *     { "type": "aws_ssoadmin_permission_set", "key": "ReadOnly",
 *       "identity": { "permissionSet": "ReadOnly" },
 *       "id": "arn:aws:sso:::permissionSet/ssoins-…/ps-…,arn:aws:sso:::instance/ssoins-…" }
 *   ]
 * }
 * ```
 * `type` is the hashicorp/aws resource type; `key` is built from model names only (never ids), so
 * an emitter can find the resource it generates for it; `identity` holds the same names by field;
 * `id` is the provider's import id (reference §11.3–11.5); `region` is set only for resources
 * outside the Identity Center Region (multi-Region key replicas).
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssoadmin_account_assignment#import
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssoadmin_application_assignment#import
 */
import { compareKeys, sortedRecord } from '../model';

export const IMPORT_PLAN_FORMAT = 'idcgen-import-plan';
export const IMPORT_PLAN_VERSION = 1;

/** The resource types an import plan can hold, with how their `key` and import `id` are formed. */
export enum ImportResourceType {
  /** key `<permissionSet>`; id `<ps_arn>,<instance_arn>` */
  PERMISSION_SET = 'aws_ssoadmin_permission_set',
  /** key `<permissionSet>/<policyArn>`; id `<policy_arn>,<ps_arn>,<instance_arn>` */
  MANAGED_POLICY_ATTACHMENT = 'aws_ssoadmin_managed_policy_attachment',
  /** key `<permissionSet>/<path><name>`; id `<name>,<path>,<ps_arn>,<instance_arn>` */
  CUSTOMER_MANAGED_POLICY_ATTACHMENT = 'aws_ssoadmin_customer_managed_policy_attachment',
  /** key `<permissionSet>`; id `<ps_arn>,<instance_arn>` */
  INLINE_POLICY = 'aws_ssoadmin_permission_set_inline_policy',
  /** key `<permissionSet>`; id `<ps_arn>,<instance_arn>` */
  PERMISSIONS_BOUNDARY_ATTACHMENT = 'aws_ssoadmin_permissions_boundary_attachment',
  /** key `<GROUP|USER>/<principal>/<permissionSet>/<account>` (ResolvedAssignment.key);
   *  id `<principal_id>,<GROUP|USER>,<account_id>,AWS_ACCOUNT,<ps_arn>,<instance_arn>` */
  ACCOUNT_ASSIGNMENT = 'aws_ssoadmin_account_assignment',
  /** key `<group>`; id `<identity_store_id>/<group_id>` (groups idcgen creates, not external ones) */
  GROUP = 'aws_identitystore_group',
  /** key `<userName>`; id `<identity_store_id>/<user_id>` */
  USER = 'aws_identitystore_user',
  /** key `<group>/<userName>`; id `<identity_store_id>/<membership_id>` */
  GROUP_MEMBERSHIP = 'aws_identitystore_group_membership',
  /** key `<keyName>`; id `<key_id>` */
  KMS_KEY = 'aws_kms_key',
  /** key `<keyName>`; id `<key_id>` (when the emitter keeps the policy in its own resource) */
  KMS_KEY_POLICY = 'aws_kms_key_policy',
  /** key `<keyName>`; id `<alias name>`. A replica's alias: key `<keyName>/<region>`, `region` set */
  KMS_ALIAS = 'aws_kms_alias',
  /** key `<keyName>/<region>`; id `<key_id>`; `region` set */
  KMS_REPLICA_KEY = 'aws_kms_replica_key',
  /** key `<application>`; id `<application_arn>` */
  APPLICATION = 'aws_ssoadmin_application',
  /** key `<application>`; id `<application_arn>` */
  APPLICATION_ASSIGNMENT_CONFIGURATION = 'aws_ssoadmin_application_assignment_configuration',
  /** key `<application>/<scope>` (`%` and `/` of the name as `%25`, `%2F`); id `<application_arn>,<scope>` */
  APPLICATION_ACCESS_SCOPE = 'aws_ssoadmin_application_access_scope',
  /** key `<application>/<GROUP|USER>/<principal>` (names encoded as above); id `<application_arn>,<principal_id>,<GROUP|USER>` */
  APPLICATION_ASSIGNMENT = 'aws_ssoadmin_application_assignment',
  /** key `instance`; id `<instance_arn>` */
  ACCESS_CONTROL_ATTRIBUTES = 'aws_ssoadmin_instance_access_control_attributes',
}

export interface ImportResource {
  readonly type: ImportResourceType;
  readonly key: string;
  readonly identity: Readonly<Record<string, string>>;
  readonly id: string;
  readonly region?: string;
}

export interface ImportPlan {
  readonly format: typeof IMPORT_PLAN_FORMAT;
  readonly version: typeof IMPORT_PLAN_VERSION;
  /** The model file the plan belongs to, as written next to it (base name). */
  readonly model: string;
  readonly region: string;
  readonly instanceArn: string;
  readonly identityStoreId: string;
  /** Sorted by type, then key. */
  readonly resources: readonly ImportResource[];
}

export function sortResources(resources: readonly ImportResource[]): ImportResource[] {
  return [...resources].sort((a, b) => compareKeys(a.type, b.type) || compareKeys(a.key, b.key));
}

/** Stable JSON text of a plan: fixed key order, two-space indent, final newline. */
export function renderImportPlan(plan: ImportPlan): string {
  const resources = sortResources(plan.resources).map((r) => ({
    type: r.type,
    key: r.key,
    identity: sortedRecord(r.identity),
    id: r.id,
    ...(r.region !== undefined ? { region: r.region } : {}),
  }));
  const ordered = {
    format: plan.format,
    version: plan.version,
    model: plan.model,
    region: plan.region,
    instanceArn: plan.instanceArn,
    identityStoreId: plan.identityStoreId,
    resources,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Read a plan back (e.g. for the emitters); throws with a message naming what is wrong. */
export function parseImportPlan(text: string, file: string): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid json (${(e as Error).message})`, { cause: e });
  }
  const p = data as Partial<ImportPlan>;
  if (p?.format !== IMPORT_PLAN_FORMAT) throw new Error(`${file}: format is ${JSON.stringify(p?.format)}; expected '${IMPORT_PLAN_FORMAT}'`);
  if (p.version !== IMPORT_PLAN_VERSION) throw new Error(`${file}: version ${JSON.stringify(p.version)} is not supported; expected ${IMPORT_PLAN_VERSION}`);
  const types = new Set<string>(Object.values(ImportResourceType));
  (p.resources ?? []).forEach((r, i) => {
    if (!types.has(r.type)) throw new Error(`${file}: resources[${i}].type '${r.type}' is not known; allowed: ${[...types].sort().join(', ')}`);
    if (typeof r.key !== 'string' || typeof r.id !== 'string') throw new Error(`${file}: resources[${i}] needs string key and id`);
  });
  return p as ImportPlan;
}
