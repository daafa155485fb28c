/**
 * The generated units in apply order, as waves: every unit of a wave depends only on units of
 * earlier waves, so a wave's units are applied in parallel. Read from what generate wrote, as a
 * user's pipeline would:
 * - HCL: `hcl/units.json` (its `waves`, and each unit's `dir`);
 * - CDKTF: the stack dependencies in `cdktf/manifest.json`, in topological levels.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Emitter = 'hcl' | 'cdktf';

export interface Unit {
  readonly name: string;
  /** The Terraform working directory: `hcl/<dir>` or `cdktf/stacks/<stack>`. */
  readonly dir: string;
}

export function unitWaves(outDir: string, emitter: Emitter): Unit[][] {
  return emitter === 'cdktf' ? stackWaves(outDir) : hclWaves(outDir);
}

function hclWaves(outDir: string): Unit[][] {
  const hcl = path.join(outDir, 'hcl');
  const index = JSON.parse(fs.readFileSync(path.join(hcl, 'units.json'), 'utf8')) as { waves: string[][]; units: { name: string; dir: string }[] };
  const dirs = new Map(index.units.map((u) => [u.name, u.dir]));
  return index.waves.map((wave) =>
    wave.map((name) => {
      const dir = dirs.get(name);
      if (dir === undefined) throw new Error(`hcl/units.json lists ${name} in a wave but not in units`);
      return { name, dir: path.join(hcl, dir) };
    }),
  );
}

/** Topological levels of the stacks in the manifest. */
function stackWaves(outDir: string): Unit[][] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'cdktf', 'manifest.json'), 'utf8')) as {
    stacks: Record<string, { dependencies: string[]; workingDirectory: string }>;
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
  const waves: Unit[][] = [];
  for (const name of Object.keys(manifest.stacks).sort()) {
    const l = levelOf(name, []);
    while (waves.length <= l) waves.push([]);
    waves[l].push({ name, dir: path.join(outDir, 'cdktf', manifest.stacks[name].workingDirectory) });
  }
  return waves;
}
