/**
 * `idcgen import` as one function: read the estate, translate it, render the model YAML and the
 * import plan. Returns text; the CLI writes the files (only the CLI touches the file system).
 */
import { Caller, type ImportClients } from './aws';
import type { Estate } from './estate';
import { type ProgressStream, Progress } from './progress';
import { readEstate } from './read';
import { estateToModel } from './to-model';
import { renderImportPlan, type ImportPlan } from './plan';
import type { OrgModel } from '../model';
import { renderModelYaml } from './yaml';

export interface ImportOptions {
  readonly region: string;
  readonly instanceArn?: string;
  /** Base name of the model file, recorded in the plan and the header. */
  readonly modelFile: string;
  /** Base name of the plan file, named in the model's header. */
  readonly planFile: string;
  readonly concurrency?: number;
}

export interface ImportDeps {
  readonly clients: ImportClients;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Where the progress line goes (drawn only when it is a TTY). */
  readonly progress?: ProgressStream;
}

export interface ImportOutput {
  readonly estate: Estate;
  readonly model: OrgModel;
  readonly plan: ImportPlan;
  readonly yaml: string;
  readonly planJson: string;
  readonly notes: readonly string[];
}

export async function runImport(opts: ImportOptions, deps: ImportDeps): Promise<ImportOutput> {
  const progress = deps.progress ? new Progress(deps.progress, deps.now) : undefined;
  const caller = new Caller({
    sleep: deps.sleep,
    now: deps.now,
    onCall: (service) => progress?.request(service),
    onThrottle: () => progress?.throttle(),
  });
  let estate: Estate;
  try {
    estate = await readEstate(deps.clients, caller, { region: opts.region, instanceArn: opts.instanceArn, concurrency: opts.concurrency });
  } finally {
    progress?.done();
  }
  const { model, plan, notes } = estateToModel(estate, opts.modelFile);
  const header = [
    `Imported by idcgen import from ${estate.instance.instanceArn} (${opts.region}).`,
    `${opts.planFile} lists the existing resources the generated Terraform imports instead of creating.`,
  ];
  return { estate, model, plan, yaml: renderModelYaml(model, header), planJson: renderImportPlan(plan), notes };
}
