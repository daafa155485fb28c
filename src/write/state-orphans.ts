// https://developer.hashicorp.com/terraform/cli/commands/state/mv
/**
 * The unit-state-orphaned rail. A directory of the previous output that holds Terraform state
 * (someone ran `terraform apply` there with the local backend) and that this run no longer
 * generates: the resources in that state would stay in AWS with nothing managing them. idcgen
 * keeps the state files where they are either way (the writer carries every working file); the
 * rail makes the user decide first, because the time to run `terraform destroy` there is while the
 * configuration still exists.
 *
 * Only local state can be seen: with the S3 backend the state is remote, and `idcgen review`
 * (units touched) is where a vanishing unit shows up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutputInspection } from '../write/inspect-output';

export interface OrphanedState {
  /** The unit directory, relative to the output, `/`-separated. */
  readonly dir: string;
  /** State files there (relative to the unit directory) that hold resources, sorted. */
  readonly stateFiles: readonly string[];
  /** Managed resources in them; undefined when a state file cannot be read (counted as holding some). */
  readonly resources: number | undefined;
}

/** Directories of the previous output with state that manages resources and no file in `files`. */
export function orphanedStates(inspection: OutputInspection, files: ReadonlyMap<string, string>): OrphanedState[] {
  const generatedDirs = new Set([...files.keys()].map((f) => path.posix.dirname(f)));
  const byDir = new Map<string, string[]>();
  for (const w of inspection.working) {
    const dir = path.posix.dirname(w.rel);
    if (generatedDirs.has(dir)) continue;
    const states = w.kind === 'file' && w.rel.endsWith('.tfstate') ? [path.posix.basename(w.rel)] : workspaceStates(inspection.outDir, w.rel);
    if (states.length > 0) byDir.set(dir, [...(byDir.get(dir) ?? []), ...states]);
  }
  const out: OrphanedState[] = [];
  for (const [dir, states] of [...byDir].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let resources: number | undefined = 0;
    const holding: string[] = [];
    for (const s of states.sort()) {
      const n = managedResources(path.join(inspection.outDir, dir, s));
      if (n === 0) continue;
      holding.push(s);
      resources = n === undefined || resources === undefined ? undefined : resources + n;
    }
    if (holding.length > 0) out.push({ dir, stateFiles: holding, resources });
  }
  return out;
}

/** The finding's message, without the rail wording. */
export function orphanedStateMessage(o: OrphanedState): string {
  const what =
    o.resources === undefined ? 'terraform state that idcgen cannot read' : `terraform state managing ${o.resources} resource${o.resources === 1 ? '' : 's'}`;
  return (
    `this unit holds ${what} (${o.stateFiles.join(', ')}), and the model no longer generates it, so nothing would manage ${o.resources === 1 ? 'that resource' : 'those resources'} any more; ` +
    'run terraform destroy in this directory while its configuration still exists (or terraform state mv the resources to another unit, or terraform state rm to let them go), then generate again'
  );
}

/** `terraform.tfstate.d/<workspace>/terraform.tfstate` files of a carried `terraform.tfstate.d`. */
function workspaceStates(outDir: string, rel: string): string[] {
  if (path.posix.basename(rel) !== 'terraform.tfstate.d') return [];
  const root = path.join(outDir, rel);
  if (!fs.statSync(root).isDirectory()) return [];
  return fs
    .readdirSync(root)
    .filter((ws) => fs.existsSync(path.join(root, ws, 'terraform.tfstate')))
    .map((ws) => `terraform.tfstate.d/${ws}/terraform.tfstate`);
}

// https://developer.hashicorp.com/terraform/internals/json-format#state-representation
/** Managed resources with at least one instance in a state file; undefined when it cannot be read. */
function managedResources(file: string): number | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim() === '') return 0;
    const state = JSON.parse(text) as { resources?: { mode?: string; instances?: unknown[] }[] };
    if (state.resources === undefined) return 0;
    if (!Array.isArray(state.resources)) return undefined;
    return state.resources.filter((r) => r.mode !== 'data' && (r.instances === undefined || r.instances.length > 0)).length;
  } catch {
    return undefined;
  }
}
