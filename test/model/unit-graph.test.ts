/**
 * The apply order of deployment units (src/model/unit-graph.ts) and the CDKTF stack dependencies
 * built from it: every dependency of a unit lies in an earlier wave, and a groups unit waits for
 * the users units whose members it looks up.
 */
import * as fs from 'node:fs';
import { synthCdktf } from '../../src/emit/cdktf';
import type { DeploymentUnit, ResolvedModel } from '../../src/model/ir';
import { unitGroups, unitMemberLookups, userUnit } from '../../src/model/ir-index';
import { unitOrder } from '../../src/model/unit-graph';
import { loadResolved } from '../../src/pipeline';
import { writeSplitModel } from '../fixtures/split-model';
import { fullIr } from '../fixtures/ir/full';

/** Stack name → its dependencies, as cdktf wrote them to manifest.json. */
function manifestDependencies(ir: ResolvedModel): Map<string, string[]> {
  const manifest = JSON.parse(synthCdktf(ir).get('cdktf/manifest.json') as string) as {
    stacks: Record<string, { dependencies: string[] }>;
  };
  return new Map(Object.entries(manifest.stacks).map(([name, s]) => [name, [...s.dependencies].sort()]));
}

describe('unitOrder', () => {
  const { dir, file } = writeSplitModel();
  const split = loadResolved(file).ir;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['the full fixture', fullIr],
    ['a split model', split],
  ])('%s: management alone in wave 1, every dependency in an earlier wave, every unit in one wave', (_, ir) => {
    const order = unitOrder(ir);
    expect(order.waves[0]).toEqual(['management']);
    expect(order.waves.flat().sort()).toEqual(ir.units.map((u) => u.name).sort());
    for (const u of ir.units) {
      const w = order.wave.get(u.name) as number;
      for (const d of order.dependsOn.get(u.name) ?? [])
        expect({ unit: u.name, dep: d, earlier: (order.wave.get(d) as number) < w }).toEqual({ unit: u.name, dep: d, earlier: true });
    }
    expect(order.waves.length).toBeLessThanOrEqual(4);
  });

  test('GIVEN a groups unit whose members live in users units THEN it depends on those units and applies after them', () => {
    const order = unitOrder(split);
    const readers = split.units.filter((u) => u.kind === 'identity-store' && unitMemberLookups(split, u).length > 0);
    expect(readers.length).toBeGreaterThan(0);
    for (const g of readers) {
      expect(unitGroups(split, g).length).toBeGreaterThan(0);
      const needed = new Set(unitMemberLookups(split, g).map((m) => userUnit(split, m) as string));
      for (const usersUnit of needed) {
        expect(order.dependsOn.get(g.name)).toContain(usersUnit);
        expect(order.wave.get(g.name)).toBeGreaterThan(order.wave.get(usersUnit) as number);
      }
    }
  });

  test('the CDKTF manifest lists exactly these dependencies for every stack', () => {
    for (const ir of [fullIr, split]) {
      const order = unitOrder(ir);
      expect(manifestDependencies(ir)).toEqual(new Map(ir.units.map((u) => [u.name, [...(order.dependsOn.get(u.name) ?? [])].sort()])));
    }
  });

  test('fails if the model has no management unit', () => {
    const units = fullIr.units.map((u): DeploymentUnit => (u.kind === 'management' ? { ...u, kind: 'assignments', assignmentKeys: [] } : u));
    expect(() => unitOrder({ ...fullIr, units })).toThrow('expected one management unit, found 0');
  });
});
