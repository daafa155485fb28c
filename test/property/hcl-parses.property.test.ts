/**
 * Property: every .tf file generated for a valid model parses with HashiCorp's HCL parser
 * (@cdktf/hcl2json, the parser compiled to wasm), and every CDKTF stack is JSON. The modules are
 * the same for every model and are parsed once; the roots, which carry the model's values, are
 * parsed for each generated model.
 */
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { validModel } from '../support/arbitraries';
import { runs } from './support/settings';
import { generateTree, useWorkdir, writeModel } from './support/generate';

const workdir = useWorkdir('property-hcl');

/** Parse every .tf of `tree` whose path passes `select`; returns how many were parsed. */
async function parseAll(tree: Record<string, string>, select: (p: string) => boolean): Promise<number> {
  const files = Object.keys(tree).filter((p) => p.endsWith('.tf') && select(p));
  for (const p of files) {
    await expect(parse(p, tree[p])).resolves.toEqual(expect.any(Object));
  }
  return files.length;
}

test('every generated root configuration parses as HCL, every stack as JSON', async () => {
  let modulesParsed = false;
  await fc.assert(
    fc.asyncProperty(validModel(), async (model) => {
      const file = writeModel(path.join(workdir(), 'org.yaml'), model);
      const tree = await generateTree(file, path.join(workdir(), 'out'));
      if (!modulesParsed) {
        expect(await parseAll(tree, (p) => p.startsWith('hcl/modules/'))).toBeGreaterThan(10);
        modulesParsed = true;
      }
      // the management unit and the assignments at least, each with several files
      expect(await parseAll(tree, (p) => !p.startsWith('hcl/modules/'))).toBeGreaterThanOrEqual(4);
      const stacks = Object.keys(tree).filter((p) => p.startsWith('cdktf/') && p.endsWith('.json'));
      expect(stacks.length).toBeGreaterThan(1);
      for (const p of stacks) expect(() => JSON.parse(tree[p])).not.toThrow();
    }),
    runs(16, 200),
  );
});
