/**
 * The modules a root calls, as data: the one table of module source paths (the views write them,
 * import addresses resources through them) and the module calls of every root, which import reads
 * instead of parsing the rendered main.tf.
 */
/** Where a root finds the copied modules. */
export const MODULES_PATH = '../modules';

/** Each module a root calls: its directory below modules/. */
export const HCL_MODULES = {
  identityStore: 'identity-store',
  permissionSets: 'permission-sets',
  key: 'identity-center-key',
  replica: 'identity-center-key/modules/replica',
  assignments: 'account-assignments',
  applications: 'applications',
  accessControlAttributes: 'access-control-attributes',
  keyUserPolicies: 'key-user-policies',
} as const;

export type HclModule = keyof typeof HCL_MODULES;

/** The `source` a root writes for a module. */
export function moduleSource(module: HclModule): string {
  return `${MODULES_PATH}/${HCL_MODULES[module]}`;
}

/** One `module "<ident>"` block of a root. */
export interface HclModuleCall {
  readonly ident: string;
  readonly module: HclModule;
  /** Replica calls: the Region of the provider passed as their `aws`. */
  readonly region?: string;
  /** Key and replica calls: the name of the key. */
  readonly key?: string;
}

/** The part of a view that is a module call (view-management's ModuleCallView and ReplicaView). */
interface CallLike {
  readonly ident: string;
  readonly module: HclModule;
  readonly region?: string;
  readonly key?: string;
}

function isCall(v: object): v is CallLike {
  return typeof (v as CallLike).ident === 'string' && typeof (v as CallLike).module === 'string' && (v as CallLike).module in HCL_MODULES;
}

/** Every module call a root's view holds, in view order. */
export function callsOfView(view: unknown): HclModuleCall[] {
  const out: HclModuleCall[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      if (isCall(v))
        out.push({ ident: v.ident, module: v.module, ...(v.region !== undefined ? { region: v.region } : {}), ...(v.key !== undefined ? { key: v.key } : {}) });
      // A module call's arguments are expressions, never further calls.
      else Object.values(v).forEach(walk);
    }
  };
  walk(view);
  return out;
}
