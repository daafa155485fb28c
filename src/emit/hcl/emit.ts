/**
 * The HCL emitter: per deployment unit, a root configuration in `hcl/<unit>/` rendered from
 * templates/, plus the modules copied into `hcl/modules/` so the output stands alone.
 * Reads only the resolved model; every policy decision was made before it.
 */
import type { DeploymentUnit, ResolvedModel } from '../../model/ir';
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
import { permissionSetsView } from './view-permission-sets';

/** Unit names become directory names: nothing that could leave hcl/ or hide a file. */
const UNIT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function rootFiles(ir: ResolvedModel, unit: DeploymentUnit): Record<string, string> {
  const replicaRegions = unit.kind === 'management' ? ir.keys.flatMap((k) => k.replicaRegions) : [];
  const common = {
    'versions.tf': render('versions.tf', versionsView(ir)),
    'providers.tf': render('providers.tf', providersView(ir, unit, replicaRegions)),
    'backend.tf': render('backend.tf', backendView(ir, unit)),
  };
  switch (unit.kind) {
    case 'management': {
      const view = managementView(ir, unit);
      return { ...common, 'main.tf': render('management/main.tf', view), 'outputs.tf': render('management/outputs.tf', view) };
    }
    case 'member': {
      const view = memberView(ir, unit);
      return { ...common, 'main.tf': render('member/main.tf', view), 'outputs.tf': render('member/outputs.tf', view) };
    }
    case 'assignments': {
      const view = assignmentsView(ir, unit);
      return { ...common, 'main.tf': render('assignments/main.tf', view), 'outputs.tf': render('assignments/outputs.tf', view) };
    }
    case 'permission-sets': {
      const view = permissionSetsView(ir, unit);
      const providers = render('providers.tf', providersView(ir, unit, replicaRegions, view.keyLookupProvider !== null));
      return { ...common, 'providers.tf': providers, 'main.tf': render('permission-sets/main.tf', view), 'outputs.tf': render('permission-sets/outputs.tf', view) };
    }
    case 'identity-store': {
      const view = identityStoreView(ir, unit);
      return { ...common, 'main.tf': render('identity-store/main.tf', view), 'outputs.tf': render('identity-store/outputs.tf', view) };
    }
    case 'applications': {
      const view = applicationsView(ir, unit);
      return { ...common, 'main.tf': render('applications/main.tf', view), 'outputs.tf': render('applications/outputs.tf', view) };
    }
  }
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
