/**
 * Terraform over one generated output directory, against the emulator: prepare (override files and
 * `init`), apply wave by wave, plan every unit (`-detailed-exitcode`, with the plan read back through
 * `terraform show -json`), and apply saved plans. State files live in `stateDir`, outside the
 * output directory, so regenerating into the same `--out` keeps them.
 */
import * as path from 'node:path';
import { mapLimit } from '../../../src/import/aws';
import { terraformAsync, type TfResult } from '../../support/terraform';
import type { Emulator } from './emulator';
import { removeOverride, writeOverride } from './overrides';
import { unitWaves, type Emitter, type Unit } from './units';

/** Terraform processes at once per deployment (each starts its own provider plugins). */
const PARALLEL = 4;

export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  /** Terraform's actions: `create`, `update`, `delete`, `delete`+`create`, `no-op` (imports). */
  readonly actions: readonly string[];
  readonly importing: boolean;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
}

export interface UnitPlan {
  readonly unit: string;
  /** `plan -detailed-exitcode`: 0 no changes, 2 changes. */
  readonly exitCode: 0 | 2;
  /** Every resource change that is not a plain no-op or data read. */
  readonly changes: readonly PlannedChange[];
  readonly planFile: string;
}

export class Deployment {
  constructor(
    readonly emitter: Emitter,
    readonly outDir: string,
    readonly stateDir: string,
    private readonly emu: Emulator,
  ) {}

  /** The units of the output as generated now, wave by wave. */
  waves(): Unit[][] {
    return unitWaves(this.outDir, this.emitter);
  }

  /**
   * Remove the override files before generating into the output again: generate refuses files it
   * did not write (and keeps Terraform's working files, so `init` is quick afterwards).
   */
  removeOverrides(): void {
    for (const unit of this.waves().flat()) removeOverride(unit.dir);
  }

  /** Override files and `init` for every unit; run again after every generate. */
  async prepare(): Promise<void> {
    await mapLimit(this.waves().flat(), PARALLEL, async (unit) => {
      await writeOverride(unit.dir, this.emu, path.join(this.stateDir, `${unit.name}.tfstate`));
      await init(unit);
    });
  }

  /** `apply` every unit, wave after wave. */
  async apply(): Promise<void> {
    for (const wave of this.waves()) {
      await mapLimit(wave, PARALLEL, (unit) => run(unit, ['apply', '-auto-approve', '-input=false', '-no-color']));
    }
  }

  /**
   * Plan every unit (plans only read, so all at once), keeping each plan for `applyPlans`. A plan
   * with changes is read back with `terraform show -json`; a clean one (exit 0) has none to read.
   */
  async plan(): Promise<UnitPlan[]> {
    return mapLimit(this.waves().flat(), PARALLEL, async (unit): Promise<UnitPlan> => {
      const planFile = path.join(this.stateDir, `${unit.name}.tfplan`);
      const res = await run(unit, ['plan', '-detailed-exitcode', '-input=false', '-no-color', `-out=${planFile}`], [0, 2]);
      const changes = res.code === 0 ? [] : changesOf(JSON.parse((await run(unit, ['show', '-json', '-no-color', planFile])).stdout));
      return { unit: unit.name, exitCode: res.code as 0 | 2, changes, planFile };
    });
  }

  /** Apply the saved plans that change something, wave after wave. */
  async applyPlans(plans: readonly UnitPlan[]): Promise<void> {
    const byUnit = new Map(plans.map((p) => [p.unit, p]));
    for (const wave of this.waves()) {
      const changing = wave.filter((u) => byUnit.get(u.name)?.exitCode === 2);
      await mapLimit(changing, PARALLEL, (unit) => run(unit, ['apply', '-input=false', '-no-color', (byUnit.get(unit.name) as UnitPlan).planFile]));
    }
  }
}

interface ShownPlan {
  resource_changes?: {
    address: string;
    type: string;
    mode: string;
    change: { actions: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null; importing?: object };
  }[];
}

function changesOf(plan: ShownPlan): PlannedChange[] {
  return (plan.resource_changes ?? [])
    .filter((c) => c.mode === 'managed' && !(c.change.actions.join() === 'no-op' && !c.change.importing))
    .map((c) => ({
      address: c.address,
      type: c.type,
      actions: c.change.actions,
      importing: c.change.importing !== undefined,
      before: c.change.before,
      after: c.change.after,
    }));
}

async function init(unit: Unit): Promise<void> {
  await run(unit, ['init', '-input=false', '-no-color']);
}

async function run(unit: Unit, args: readonly string[], ok: readonly number[] = [0]): Promise<TfResult> {
  const res = await terraformAsync(unit.dir, args, { timeoutMs: 600_000 });
  if (!ok.includes(res.code)) {
    const tail = (s: string): string => s.split('\n').slice(-80).join('\n');
    throw new Error(`terraform ${args[0]} failed in unit ${unit.name} (${unit.dir}, exit ${res.code}):\n${tail(res.stdout)}\n${tail(res.stderr)}`);
  }
  return res;
}
