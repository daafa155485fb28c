/**
 * `idcgen permissions`: the IAM policy documents whoever runs the generated Terraform needs, built
 * from the resource and data source types each unit's stack really contains (synthesized, so
 * nothing is guessed) and the actions each type's provider code calls (terraform-actions.ts).
 *
 * Per unit, two identities:
 * - the deployer: credentials in the management account (`deployment.deployer` when the model
 *   names one), which apply the management-account units and, for member units, read the key
 *   through the management provider and assume the member role;
 * - the member role (`deployment.roleName` in the unit's account), which creates IAM policies there.
 * Each in two modes: `apply` (read and write) and `plan` (read only; member roots assume
 * `deployment.planRoleName` while planning).
 * Resources are `*` except where the shape is known beforehand (assumed roles, Identity Center's
 * reserved roles): key and permission set ARNs do not exist before the first apply.
 */
import { partitionOf, compareKeys, type DeploymentUnit, type ResolvedModel, type PolicyDocumentJson, type StatementJson } from '../model';
import { ENCRYPTION_ACTIONS, IMPORT_ACTIONS } from './sdk-actions';
import { TERRAFORM_ACTIONS } from './terraform-actions';

export type Mode = 'apply' | 'plan';

/** What one unit's stack holds: its resource types, by the provider (account) they run through. */
export interface UnitTypes {
  readonly unit: string;
  /** Types run with the deployer's credentials in the management account (`data.` prefix for data sources). */
  readonly management: readonly string[];
  /** Types run through the assumed role in the unit's account (member units). */
  readonly member: readonly string[];
}

export interface PermissionDocument {
  /** `<unit|import|encryption>/<deployer|member-role>/<apply|plan>` */
  readonly name: string;
  /** Who the policy is for. */
  readonly attachTo: string;
  readonly policy: PolicyDocumentJson;
}

/** Actions of a mode, and resource-scoped actions (resources in `partition`), for a set of types. */
function actionsOf(types: readonly string[], mode: Mode, partition: string): { any: Set<string>; scoped: Map<string, Set<string>> } {
  const any = new Set<string>();
  const scoped = new Map<string, Set<string>>();
  for (const type of types) {
    const t = TERRAFORM_ACTIONS[type];
    if (!t) {
      if (type === 'terraform_data') {
        if (mode === 'apply') for (const a of ENCRYPTION_ACTIONS) any.add(a);
        continue;
      }
      throw new Error(`no IAM actions are known for Terraform type ${type}; add it to src/permissions/terraform-actions.ts`);
    }
    for (const a of mode === 'apply' ? [...t.read, ...t.write] : t.read) any.add(a);
    for (const s of t.scoped ?? []) {
      const resource = s.resource(partition);
      const set = scoped.get(resource) ?? new Set<string>();
      for (const a of s.actions) if (mode === 'apply' || /:(Get|List|Describe)/.test(a)) set.add(a);
      if (set.size > 0) scoped.set(resource, set);
    }
  }
  return { any, scoped };
}

const sorted = (s: Iterable<string>): string[] => [...s].sort(compareKeys);

/** One statement per service prefix (Sid `<Service><Mode>`), then the resource-scoped ones. */
function document(any: Set<string>, scoped: ReadonlyMap<string, Set<string>>, mode: Mode, extra: readonly StatementJson[]): PolicyDocumentJson {
  const byService = new Map<string, string[]>();
  for (const a of sorted(any)) {
    const svc = a.slice(0, a.indexOf(':'));
    byService.set(svc, [...(byService.get(svc) ?? []), a]);
  }
  const title = (s: string): string => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  const modeWord = mode === 'apply' ? 'Apply' : 'Plan';
  const statements: StatementJson[] = [...byService].map(([svc, actions]) => ({
    Sid: `${title(svc)}${modeWord}`,
    Effect: 'Allow',
    Action: actions,
    Resource: '*',
  }));
  let n = 0;
  for (const [resource, actions] of [...scoped].sort(([a], [b]) => compareKeys(a, b))) {
    statements.push({ Sid: `IdentityCenterReserved${modeWord}${++n}`, Effect: 'Allow', Action: sorted(actions), Resource: resource });
  }
  return { Version: '2012-10-17', Statement: [...statements, ...extra] };
}

/** The documents of one unit, from the types its stack holds. */
export function unitDocuments(ir: ResolvedModel, unit: DeploymentUnit, types: UnitTypes): PermissionDocument[] {
  const partition = partitionOf(ir.identityCenter.region);
  const deployer = ir.organization.managementAccountId;
  const out: PermissionDocument[] = [];
  for (const mode of ['apply', 'plan'] as const) {
    const roleArn = mode === 'plan' ? (unit.planAssumeRoleArn ?? unit.assumeRoleArn) : unit.assumeRoleArn;
    const assume: StatementJson[] = roleArn
      ? [{ Sid: `AssumeMemberRole${mode === 'apply' ? 'Apply' : 'Plan'}`, Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }]
      : [];
    const m = actionsOf(types.management, mode, partition);
    out.push({
      name: `${unit.name}/deployer/${mode}`,
      attachTo: `the identity that runs terraform ${mode === 'apply' ? 'apply' : 'plan'} for ${unit.name}, in the management account ${deployer}`,
      policy: document(m.any, m.scoped, mode, assume),
    });
    if (roleArn) {
      const r = actionsOf(types.member, mode, partition);
      out.push({
        name: `${unit.name}/member-role/${mode}`,
        attachTo: `${roleArn} (assumed in ${unit.accountName})`,
        policy: document(r.any, r.scoped, mode, []),
      });
    }
  }
  // A unit with nothing to do in an account (no statements) needs no policy there.
  return out.filter((d) => d.policy.Statement.length > 0);
}

/** `idcgen import` (read-only) and `idcgen encryption`, both run in the management account. */
export function commandDocuments(ir: ResolvedModel): PermissionDocument[] {
  const account = ir.organization.managementAccountId;
  return [
    {
      name: 'import/deployer/plan',
      attachTo: `the identity that runs idcgen import, in the management account ${account}`,
      policy: document(new Set(Object.values(IMPORT_ACTIONS)), new Map(), 'plan', []),
    },
    {
      name: 'encryption/deployer/apply',
      attachTo: `the identity that runs idcgen encryption (or the management root's encryption step), in ${account}`,
      policy: document(new Set(ENCRYPTION_ACTIONS), new Map(), 'apply', []),
    },
  ];
}
