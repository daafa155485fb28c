/**
 * The generated units in apply order, as waves: every unit of a wave depends only on units of
 * earlier waves, so a wave's units are applied in parallel.
 *
 * - CDKTF: the stack dependencies cdktf wrote into `cdktf/manifest.json`.
 * - HCL: the IR's units by kind, the order the README gives: `management`; then permission-set,
 *   users and member-account units; then groups units (they look up members in users units); then
 *   assignment units (they look up permission sets, groups and users by name).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeploymentUnit, ResolvedModel } from '../../../src/model/ir';

export type Emitter = 'hcl' | 'cdktf';

export interface Unit {
  readonly name: string;
  /** The Terraform working directory: `hcl/<unit>` or `cdktf/stacks/<unit>`. */
  readonly dir: string;
}

export function unitWaves(outDir: string, emitter: Emitter, ir: ResolvedModel): Unit[][] {
  const names = emitter === 'cdktf' ? stackWaves(outDir) : hclWaves(ir);
  const dir = (name: string): string => (emitter === 'cdktf' ? path.join(outDir, 'cdktf', 'stacks', name) : path.join(outDir, 'hcl', name));
  return names.map((wave) => wave.map((name) => ({ name, dir: dir(name) })));
}

function hclWave(unit: DeploymentUnit): number {
  if (unit.kind === 'management') return 0;
  if (unit.kind === 'identity-store' && unit.groups !== undefined) return 2;
  if (unit.kind === 'assignments') return 3;
  return 1;
}

function hclWaves(ir: ResolvedModel): string[][] {
  const waves: string[][] = [[], [], [], []];
  for (const unit of ir.units) waves[hclWave(unit)].push(unit.name);
  return waves.filter((w) => w.length > 0);
}

/** Topological levels of the stacks in the manifest. */
function stackWaves(outDir: string): string[][] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'cdktf', 'manifest.json'), 'utf8')) as {
    stacks: Record<string, { dependencies: string[] }>;
  };
  const level = new Map<string, number>();
  const levelOf = (name: string, seen: readonly string[]): number => {
    const known = level.get(name);
    if (known !== undefined) return known;
    if (seen.includes(name)) throw new Error(`cdktf stacks depend on each other in a cycle: ${[...seen, name].join(' -> ')}`);
    const deps = manifest.stacks[name]?.dependencies;
    if (deps === undefined) throw new Error(`cdktf manifest has no stack ${name}`);
    const l = 1 + Math.max(-1, ...deps.map((d) => levelOf(d, [...seen, name])));
    level.set(name, l);
    return l;
  };
  const waves: string[][] = [];
  for (const name of Object.keys(manifest.stacks).sort()) {
    const l = levelOf(name, []);
    while (waves.length <= l) waves.push([]);
    waves[l].push(name);
  }
  return waves;
}
