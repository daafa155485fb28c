/**
 * The CDKTF equivalent of `import {}` blocks: an `import` list added to each synthesized stack's
 * `cdk.tf.json` (Terraform reads import blocks in JSON syntax as it does in HCL; it is also what
 * CDKTF's `importFrom()` writes).
 *
 * Resources are found by what they are, read from the synthesized configuration itself (a
 * permission set by its `name`, an attachment by its policy and the permission set its
 * `permission_set_arn` refers to, an assignment by principal, permission set and `target_id`), never
 * by construct ids, so the addresses are whatever the CDKTF emitter chose.
 * @see https://developer.hashicorp.com/terraform/language/syntax/json#import-blocks
 */
import { unescapeTemplate } from '../../emit';
import { applicationAssignmentKey, applicationScopeKey } from '../../emit/hcl';
import { compareKeys, type ResolvedModel } from '../../model';
import { ImportResourceType as T, type ImportPlan, type ImportResource } from '../plan';
import type { ImportBlocksResult } from './hcl';

type Block = Record<string, unknown>;
interface StackJson {
  resource?: Record<string, Record<string, Block>>;
  data?: Record<string, Record<string, Block>>;
  import?: { to: string; id: string }[];
  [k: string]: unknown;
}

/** `${aws_x.Name.attr}` or `${data.aws_x.Name.attr}` → [type, name, isData]. */
function refOf(v: unknown): { type: string; name: string; data: boolean } | undefined {
  const m = typeof v === 'string' ? /^\$\{(data\.)?([a-z0-9_]+)\.([^.}]+)\.[a-z_]+\}$/.exec(v) : null;
  return m ? { type: m[2], name: m[3], data: m[1] !== undefined } : undefined;
}

/** The stack's values as the model wrote them: cdk.tf.json holds model text escaped (`$${`, `%%{`). */
function modelText<T>(value: T): T {
  if (typeof value === 'string') return unescapeTemplate(value) as T;
  if (Array.isArray(value)) return value.map(modelText) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [unescapeTemplate(k), modelText(v)])) as T;
  return value;
}

/** The IR-level key of each resource in one stack, computed from its configuration. */
function identify(stack: StackJson, ir: ResolvedModel): Map<string, string> {
  const resources = stack.resource ?? {};
  const data = stack.data ?? {};
  const accountName = new Map(ir.accounts.map((a) => [a.id, a.name]));
  /** The name a reference points at: a resource's own name field or a lookup's attribute value. */
  const nameOf = (v: unknown, field: string): string | undefined => {
    const r = refOf(v);
    if (!r) return undefined;
    const block = (r.data ? data : resources)[r.type]?.[r.name];
    if (!block) return undefined;
    if (r.data) {
      const alt = block.alternate_identifier as { unique_attribute?: { attribute_value?: string } } | undefined;
      return alt?.unique_attribute?.attribute_value ?? (block.name as string | undefined);
    }
    return block[field] as string | undefined;
  };
  const out = new Map<string, string>();
  // No `provider` in the import: Terraform takes the resource's own (and allows it only when generating configuration).
  const set = (type: string, key: string | undefined, name: string): void => {
    if (key !== undefined) out.set(`${type} ${key}`, `${type}.${name}`);
  };
  for (const [type, byName] of Object.entries(resources)) {
    for (const [name, b] of Object.entries(byName)) {
      const ps = nameOf(b.permission_set_arn, 'name');
      switch (type) {
        case T.PERMISSION_SET:
          set(type, b.name as string, name);
          break;
        case T.MANAGED_POLICY_ATTACHMENT:
          set(type, ps && `${ps}/${b.managed_policy_arn as string}`, name);
          break;
        case T.CUSTOMER_MANAGED_POLICY_ATTACHMENT: {
          const ref = b.customer_managed_policy_reference as { name: string; path?: string } | undefined;
          set(type, ps && ref && `${ps}/${ref.path ?? '/'}${ref.name}`, name);
          break;
        }
        case T.INLINE_POLICY:
        case T.PERMISSIONS_BOUNDARY_ATTACHMENT:
          set(type, ps, name);
          break;
        case T.GROUP:
          set(type, b.display_name as string, name);
          break;
        case T.USER:
          set(type, b.user_name as string, name);
          break;
        case T.GROUP_MEMBERSHIP: {
          const group = nameOf(b.group_id, 'display_name');
          const user = nameOf(b.member_id, 'user_name');
          set(type, group && user && `${group}/${user}`, name);
          break;
        }
        case T.ACCOUNT_ASSIGNMENT: {
          const field = b.principal_type === 'GROUP' ? 'display_name' : 'user_name';
          const principal = nameOf(b.principal_id, field);
          const account = accountName.get(b.target_id as string);
          set(type, ps && principal && account && `${b.principal_type as string}/${principal}/${ps}/${account}`, name);
          break;
        }
        case T.APPLICATION:
          set(type, b.name as string, name);
          break;
        case T.APPLICATION_ASSIGNMENT_CONFIGURATION:
          set(type, nameOf(b.application_arn, 'name'), name);
          break;
        case T.APPLICATION_ACCESS_SCOPE: {
          const app = nameOf(b.application_arn, 'name');
          set(type, app && applicationScopeKey(app, b.scope as string), name);
          break;
        }
        case T.APPLICATION_ASSIGNMENT: {
          const app = nameOf(b.application_arn, 'name');
          const principal = nameOf(b.principal_id, b.principal_type === 'GROUP' ? 'display_name' : 'user_name');
          set(type, app && principal && applicationAssignmentKey(app, b.principal_type as string, principal), name);
          break;
        }
        case T.ACCESS_CONTROL_ATTRIBUTES:
          set(type, 'instance', name);
          break;
      }
    }
  }
  // Keys: the alias names its key; the policy and replicas refer to that key.
  for (const key of ir.keys) {
    const aliasEntry = Object.entries(resources[T.KMS_ALIAS] ?? {}).find(([, b]) => b.name === key.alias && refOf(b.target_key_id)?.type === T.KMS_KEY);
    if (!aliasEntry) continue;
    const keyName = refOf(aliasEntry[1].target_key_id)?.name as string;
    set(T.KMS_ALIAS, key.name, aliasEntry[0]);
    const keyBlock = resources[T.KMS_KEY]?.[keyName];
    if (keyBlock) set(T.KMS_KEY, key.name, keyName);
    for (const [name, b] of Object.entries(resources[T.KMS_KEY_POLICY] ?? {})) if (refOf(b.key_id)?.name === keyName) set(T.KMS_KEY_POLICY, key.name, name);
    for (const [name, b] of Object.entries(resources[T.KMS_REPLICA_KEY] ?? {})) {
      if (refOf(b.primary_key_arn)?.name !== keyName) continue;
      const region = providerRegion(stack, b.provider);
      if (!region) continue;
      set(T.KMS_REPLICA_KEY, `${key.name}/${region}`, name);
      // The replica's own alias (aliases are Regional) targets the replica resource.
      const replicaAlias = Object.entries(resources[T.KMS_ALIAS] ?? {}).find(
        ([, a]) => a.name === key.alias && refOf(a.target_key_id)?.type === T.KMS_REPLICA_KEY && refOf(a.target_key_id)?.name === name,
      );
      if (replicaAlias) set(T.KMS_ALIAS, `${key.name}/${region}`, replicaAlias[0]);
    }
  }
  return out;
}

/** The Region of a provider reference such as `aws.eu-central-2`, from the stack's provider blocks. */
function providerRegion(stack: StackJson, ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const alias = ref.split('.')[1];
  const providers = ((stack.provider as Record<string, Block[]> | undefined)?.aws ?? []) as Block[];
  return providers.find((p) => p.alias === alias)?.region as string | undefined;
}

export function cdktfImportBlocks(files: ReadonlyMap<string, string>, ir: ResolvedModel, plan: ImportPlan): ImportBlocksResult {
  const stacks = [...files.keys()].filter((p) => /^cdktf\/stacks\/[^/]+\/cdk\.tf\.json$/.test(p)).sort(compareKeys);
  const parsed = stacks.map((path) => ({ path, json: JSON.parse(files.get(path) as string) as StackJson }));
  const found = parsed.map((s) => identify(modelText(s.json), ir));
  const out = new Map<string, string>();
  const unmatched: ImportResource[] = [];
  const imports = parsed.map(() => [] as { to: string; id: string }[]);
  for (const r of plan.resources) {
    const i = found.findIndex((m) => m.has(`${r.type} ${r.key}`));
    if (i < 0) {
      unmatched.push(r);
      continue;
    }
    imports[i].push({ to: found[i].get(`${r.type} ${r.key}`) as string, id: r.id });
  }
  parsed.forEach((s, i) => {
    if (imports[i].length === 0) return;
    const json: StackJson = { ...s.json, import: [...(s.json.import ?? []), ...imports[i].sort((a, b) => compareKeys(a.to, b.to))] };
    out.set(s.path, JSON.stringify(json, null, 2));
  });
  return { files: out, unmatched };
}
