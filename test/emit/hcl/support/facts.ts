/**
 * What a plan grants, independent of how the configuration is written: planned resources are
 * reduced to facts keyed by model names (mocked ARNs and IDs are turned back into names). Two
 * configurations that plan the same infrastructure give equal facts, whatever their addresses.
 * Policies are parsed JSON; statements of a key policy are keyed by Sid (IAM does not depend on
 * statement order), every other list keeps its order.
 */
import { compareKeys } from '../../../../src/model/ir';
import type { Mocks } from './mocks';
import type { PlannedResource } from './harness';

export type Facts = Record<string, unknown>;

/** The string attributes of aws_identitystore_user besides names (provider 5.100). */
const USER_TEXT = ['nickname', 'profile_url', 'title', 'user_type', 'preferred_language', 'locale', 'timezone'] as const;

function policy(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  const doc = JSON.parse(text) as { Statement?: unknown[] };
  return doc;
}

function keyPolicy(text: unknown): unknown {
  const doc = policy(text) as { Version: string; Statement: { Sid?: string }[] };
  return { Version: doc.Version, Statement: Object.fromEntries(doc.Statement.map((s) => [s.Sid, s])) };
}

/** Facts of one plan. Unknown values (`known after apply`) are left out on both sides. */
export function planFacts(resources: readonly PlannedResource[], m: Mocks): Facts {
  const facts: Record<string, Record<string, unknown>> = {};
  const put = (kind: string, key: string, value: unknown): void => {
    facts[kind] ??= {};
    if (key in facts[kind]) throw new Error(`two ${kind} facts for ${key}`);
    facts[kind][key] = value;
  };
  const name = (v: unknown): string => String(m.name(v));
  for (const { type, after: a } of resources) {
    switch (type) {
      case 'aws_kms_key':
        put('keys', name(a.arn), {
          description: a.description,
          key_usage: a.key_usage,
          spec: a.customer_master_key_spec,
          multi_region: a.multi_region,
          rotation: a.enable_key_rotation,
          rotation_days: a.enable_key_rotation ? a.rotation_period_in_days : null,
          deletion_window: a.deletion_window_in_days,
          tags: a.tags ?? {},
          // A policy set on the key itself counts as its key policy.
          policy: typeof a.policy === 'string' && a.policy.startsWith('{') ? keyPolicy(a.policy) : null,
        });
        break;
      case 'aws_kms_key_policy':
        put('key_policies', name(a.key_id), keyPolicy(a.policy));
        break;
      case 'aws_kms_alias': {
        // One per Region: the primary's and each replica's alias share the name and the key id.
        const aliases = (facts.aliases ??= {}) as Record<string, string[]>;
        aliases[String(a.name)] = [...(aliases[String(a.name)] ?? []), name(a.target_key_id)].sort(compareKeys);
        break;
      }
      case 'aws_kms_replica_key': {
        // One per replica Region; planned values do not say the Region (the provider does), so a
        // key's replicas are a list, sorted, compared as a whole.
        const replicas = (facts.replicas ??= {}) as Record<string, unknown[]>;
        const key = `${name(a.primary_key_arn)} ${String(a.description)}`;
        const fact = { deletion_window: a.deletion_window_in_days, tags: a.tags ?? {}, policy: keyPolicy(a.policy) };
        replicas[key] = [...(replicas[key] ?? []), fact].sort((x, y) => compareKeys(JSON.stringify(x), JSON.stringify(y)));
        break;
      }
      case 'aws_ssoadmin_permission_set':
        put('permission_sets', String(a.name), {
          instance: a.instance_arn,
          description: a.description ?? null,
          session_duration: a.session_duration,
          relay_state: a.relay_state ?? null,
          tags: a.tags ?? {},
        });
        break;
      case 'aws_ssoadmin_managed_policy_attachment':
        put('managed_policies', `${name(a.permission_set_arn)} ${String(a.managed_policy_arn)}`, a.instance_arn);
        break;
      case 'aws_ssoadmin_customer_managed_policy_attachment': {
        const ref = (a.customer_managed_policy_reference as { name: string; path: string }[])[0];
        put('customer_managed_policies', `${name(a.permission_set_arn)} ${ref.path}${ref.name}`, a.instance_arn);
        break;
      }
      case 'aws_ssoadmin_permission_set_inline_policy':
        put('inline_policies', name(a.permission_set_arn), policy(a.inline_policy));
        break;
      case 'aws_ssoadmin_permissions_boundary_attachment':
        put('boundaries', name(a.permission_set_arn), a.permissions_boundary);
        break;
      case 'aws_identitystore_group':
        put('groups', String(a.display_name), { description: a.description ?? null, store: a.identity_store_id });
        break;
      case 'aws_identitystore_user':
        put('users', String(a.user_name), {
          display_name: a.display_name,
          name: a.name,
          emails: a.emails ?? [],
          phone_numbers: a.phone_numbers ?? [],
          addresses: a.addresses ?? [],
          ...Object.fromEntries(USER_TEXT.map((k) => [k, a[k] ?? null])),
          store: a.identity_store_id,
        });
        break;
      case 'aws_identitystore_group_membership':
        put('memberships', `${name(a.group_id)} ${name(a.member_id)}`, a.identity_store_id);
        break;
      case 'aws_ssoadmin_account_assignment':
        put('assignments', `${String(a.principal_type)} ${name(a.principal_id)} ${name(a.permission_set_arn)} ${String(a.target_id)}`, {
          target_type: a.target_type,
          instance: a.instance_arn,
        });
        break;
      case 'aws_ssoadmin_application':
        put('applications', String(a.name), {
          instance: a.instance_arn,
          provider: a.application_provider_arn,
          description: a.description ?? null,
          status: a.status ?? null,
          portal: a.portal_options ?? [],
          tags: a.tags ?? {},
        });
        break;
      case 'aws_ssoadmin_application_assignment_configuration':
        put('application_assignment_required', name(a.application_arn), a.assignment_required);
        break;
      case 'aws_ssoadmin_application_access_scope':
        put('application_access_scopes', `${name(a.application_arn)} ${String(a.scope)}`, a.authorized_targets ?? null);
        break;
      case 'aws_ssoadmin_application_assignment':
        put('application_assignments', `${name(a.application_arn)} ${String(a.principal_type)} ${name(a.principal_id)}`, true);
        break;
      case 'aws_ssoadmin_instance_access_control_attributes': {
        // A set of blocks: keyed by attribute key, so the order Terraform lists them in does not matter.
        const attrs = a.attribute as { key: string; value: { source: string[] }[] }[];
        put('access_control_attributes', name(a.instance_arn), Object.fromEntries(attrs.map((x) => [x.key, x.value.map((v) => [...v.source].sort())])));
        break;
      }
      case 'aws_iam_policy':
        put('iam_policies', `${String(a.path ?? '/')}${String(a.name)}`, policy(a.policy));
        break;
      case 'aws_iam_role_policy_attachment':
        put('role_attachments', `${String(a.role)} ${name(a.policy_arn)}`, true);
        break;
      case 'terraform_data': {
        // What re-runs the step: the values that trigger it, however they are grouped.
        const t = a.triggers_replace;
        const values = Array.isArray(t) ? t : typeof t === 'object' && t !== null ? Object.values(t) : [t];
        put('encryption_step', 'triggers', values.map((v) => m.name(v)).sort());
        break;
      }
      default:
        put('other', type, true);
    }
  }
  // Sorted keys make a failing comparison readable; equality does not depend on them.
  return Object.fromEntries(
    Object.keys(facts)
      .sort(compareKeys)
      .map((k) => [
        k,
        Object.fromEntries(
          Object.keys(facts[k])
            .sort(compareKeys)
            .map((x) => [x, facts[k][x]]),
        ),
      ]),
  );
}
