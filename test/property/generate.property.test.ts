/**
 * Property: every valid model resolves and generates, and generation is deterministic: the same
 * model twice gives the same bytes (into differently named output directories, so no output path
 * leaks into the files), and so does the same model with every list and mapping in another order.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { validModel } from '../support/arbitraries';
import { runs } from './support/settings';
import { shuffledCopy } from './support/shuffle';
import { generateTree, useWorkdir, withoutModelDigest, writeModel } from './support/generate';

const workdir = useWorkdir('property-generate');

test('every valid model generates the same bytes twice and after its YAML is reordered', async () => {
  await fc.assert(
    fc.asyncProperty(
      validModel().chain((model) => shuffledCopy(model).map((shuffled) => ({ model, shuffled }))),
      async ({ model, shuffled }) => {
        // GIVEN a valid model, written as org.yaml
        const file = writeModel(path.join(workdir(), 'org.yaml'), model);
        // WHEN it is generated twice
        const first = await generateTree(file, path.join(workdir(), 'first'));
        const again = await generateTree(file, path.join(workdir(), 'second-run'));
        // THEN both runs wrote the same files with the same bytes
        expect(Object.keys(first).length).toBeGreaterThan(0);
        expect(again).toEqual(first);
        // WHEN the same model, in another order, replaces org.yaml THEN the output is unchanged
        // (the marker's digest of the model's text aside: another text, another digest)
        writeModel(file, shuffled);
        expect(withoutModelDigest(await generateTree(file, path.join(workdir(), 'shuffled')))).toEqual(withoutModelDigest(first));
      },
    ),
    runs(16, 300),
  );
});
