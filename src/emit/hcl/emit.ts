/**
 * The HCL emitter: per deployment unit, a root configuration in `hcl/<unit>/` rendered from
 * templates/, plus the modules copied into `hcl/modules/` so the output stands alone.
 * Reads only the resolved model; every policy decision was made before it.
 */
import type { DeploymentUnit, ResolvedModel } from '../../model';
import { keptFiles, type FileMap, type KeptUnits } from '../files';
import { moduleFiles } from './private/assets';
import { format } from './private/fmt';
import { render } from './private/templates';
import { applicationsView } from './view-applications';
import { assignmentsView } from './view-assignments';
import { backendView, providersView, versionsView } from './view-common';
import { identityStoreView } from './view-identity-store';
import { managementView } from './view-management';
import { memberView } from './view-member';
import { permissionSetsView, type PermissionSetsView } from './view-permission-sets';
import { callsOfView, type HclModuleCall } from './module-calls';

/** Unit names become directory names: nothing that could leave hcl/ or hide a file. */
const UNIT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The view a unit's main.tf and outputs.tf are rendered from (templates/<kind>/). */
function unitView(ir: ResolvedModel, unit: DeploymentUnit): object {
  switch (unit.kind) {
    case 'management':
      return managementView(ir, unit);
    case 'member':
      return memberView(ir, unit);
    case 'assignments':
      return assignmentsView(ir, unit);
    case 'permission-sets':
      return permissionSetsView(ir, unit);
    case 'identity-store':
      return identityStoreView(ir, unit);
    case 'applications':
      return applicationsView(ir, unit);
  }
}

function rootFiles(ir: ResolvedModel, unit: DeploymentUnit): Record<string, string> {
  const replicaRegions = unit.kind === 'management' ? ir.keys.flatMap((k) => k.replicaRegions) : [];
  const view = unitView(ir, unit);
  // A permission-sets root may look its key up in the management account.
  const readsManagement = unit.kind === 'permission-sets' && (view as PermissionSetsView).keyLookupProvider !== null;
  return {
    'versions.tf': render('versions.tf', versionsView(ir)),
    'providers.tf': render('providers.tf', providersView(ir, unit, replicaRegions, readsManagement)),
    'backend.tf': render('backend.tf', backendView(ir, unit)),
    'main.tf': render(`${unit.kind}/main.tf`, view),
    'outputs.tf': render(`${unit.kind}/outputs.tf`, view),
  };
}

/**
 * The module calls of every root, by unit name, from the same views the roots are rendered from:
 * what import addresses its `import {}` blocks to.
 */
export function hclModuleCalls(ir: ResolvedModel): ReadonlyMap<string, readonly HclModuleCall[]> {
  return new Map(ir.units.map((u) => [u.name, callsOfView(unitView(ir, u))]));
}

export interface EmitHclOptions {
  /** Called after each root is rendered: for progress lines on long runs. */
  readonly onRoot?: (done: number, total: number) => void;
  /** Units whose roots are not rendered: their files are these, from the previous output. */
  readonly keep?: KeptUnits;
}

export function emitHcl(ir: ResolvedModel, opts: EmitHclOptions = {}): FileMap {
  const files: FileMap = new Map();
  for (const [i, unit] of ir.units.entries()) {
    if (!UNIT_NAME.test(unit.name) || unit.name === 'modules') {
      throw new Error(`deployment unit name '${unit.name}' cannot be used as a directory name`);
    }
    const kept = opts.keep?.get(unit.name);
    if (kept) {
      for (const [rel, content] of keptFiles(kept, `hcl/${unit.name}/`)) files.set(rel, content);
    } else {
      const rendered = rootFiles(ir, unit);
      for (const name of Object.keys(rendered).sort()) {
        files.set(`hcl/${unit.name}/${name}`, format(rendered[name]));
      }
    }
    opts.onRoot?.(i + 1, ir.units.length);
  }
  for (const [rel, content] of moduleFiles()) files.set(`hcl/modules/${rel}`, content);
  // Applying a root leaves Terraform's working files beside it (generate keeps them): never commit them.
  const gitignore = render('gitignore', { source: ir.source });
  files.set('hcl/.gitignore', gitignore.endsWith('\n') ? gitignore : `${gitignore}\n`);
  return files;
}
