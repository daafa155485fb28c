/**
 * `hcl/atlantis.yaml`: one Atlantis project per deployment unit, so Atlantis (the open-source pull
 * request automation for Terraform) plans and applies the generated roots in order:
 * `execution_order_group` is the unit's wave (for `atlantis apply` of everything), `depends_on`
 * its dependencies (Atlantis refuses to apply a project before them, also when one project is
 * applied alone), and `autoplan.when_modified` the files that should trigger its plan: its own
 * `.tf` files and the shared modules.
 *
 * Atlantis reads `atlantis.yaml` at the repository root (or the file a server-side
 * `repo_config_file` names) and resolves `dir` from the repository root, so the caller passes the
 * path of the `hcl` directory from there.
 * @see https://www.runatlantis.io/docs/repo-level-atlantis-yaml.html
 */
import { stringify } from 'yaml';
import { type ResolvedModel, unitOrder } from '../../model';
import { MODULES_PATH } from '../hcl/module-calls';
import { generatedMarker } from './markdown';

/** Paths relative to a project's dir whose change triggers its plan (`.dockerignore` syntax). */
export const WHEN_MODIFIED = ['*.tf', `${MODULES_PATH}/**/*.tf`, '.terraform.lock.hcl'] as const;

/**
 * The repo-config fields idcgen writes, with Atlantis's own names (server/core/config/raw in
 * runatlantis/atlantis).
 */
export interface AtlantisProject {
  readonly name: string;
  readonly dir: string;
  readonly execution_order_group: number;
  readonly depends_on?: readonly string[];
  readonly autoplan: { readonly enabled: boolean; readonly when_modified: readonly string[] };
}

export interface AtlantisRepoConfig {
  readonly version: 3;
  readonly parallel_plan: boolean;
  readonly parallel_apply: boolean;
  readonly abort_on_execution_order_fail: boolean;
  readonly projects: readonly AtlantisProject[];
}

/**
 * @param hclDir path of the generated `hcl` directory from the repository root, `/`-separated
 *   (`.` when the hcl directory is the repository root)
 */
export function atlantisConfig(ir: ResolvedModel, hclDir: string): AtlantisRepoConfig {
  const order = unitOrder(ir);
  const dirOf = (unit: string): string => (hclDir === '.' ? unit : `${hclDir}/${unit}`);
  return {
    version: 3,
    parallel_plan: true,
    parallel_apply: true,
    abort_on_execution_order_fail: true,
    projects: ir.units.map((u) => {
      const deps = order.dependsOn.get(u.name) ?? [];
      return {
        name: u.name,
        dir: dirOf(u.name),
        execution_order_group: order.wave.get(u.name) as number,
        ...(deps.length > 0 ? { depends_on: deps } : {}),
        autoplan: { enabled: true, when_modified: [...WHEN_MODIFIED] },
      };
    }),
  };
}

export function renderAtlantisYaml(ir: ResolvedModel, hclDir: string): string {
  const header = [
    `# ${generatedMarker(ir)}`,
    '# Atlantis repo config: put it at the repository root (or name it in the server-side repos.yaml',
    `# repo_config_file). Project dirs assume the generated hcl directory is at '${hclDir}' from the`,
    '# repository root: regenerate with `idcgen generate --atlantis-dir <path>` if it is elsewhere.',
    '# Atlantis plans and applies one saved plan per project, so it runs with the apply role.',
  ];
  return `${header.join('\n')}\n${stringify(atlantisConfig(ir, hclDir), { lineWidth: 0 })}`;
}
