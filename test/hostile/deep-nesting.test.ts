/**
 * Very deep nesting. yaml's composer recurses once per level and its parser holds every open
 * level, so unguarded a few megabytes of `[` crash with a stack overflow at a machine-dependent
 * place or, deeper, run out of heap after minutes. The loader refuses past 64 levels
 * (LIMITS.yamlNestingLevels) at the token that opens one level too many.
 */
import { LIMITS } from '../../src/model/limits';
import { loadModel } from '../../src/model/load';
import { BASE, generateRefused, NEXT_LINE, useScratch } from './support/hostile';

const scratch = useScratch();

const MESSAGE = 'yaml nesting is more than 64 levels deep; allowed at most 64 (yaml nesting levels (guard against stack and memory exhaustion))';

test('the nesting limit the messages quote is the one the loader applies', () => {
  expect(LIMITS.yamlNestingLevels.max).toBe(64);
});

test('64 levels are read: the limit is not off by one', () => {
  // GIVEN the root mapping plus 63 flow lists, and the root mapping plus 63 block mappings
  const s = scratch();
  const flow = s.write('flow.yaml', `${BASE}deep: ${'['.repeat(63)}${']'.repeat(63)}\n`);
  const block = s.write('block.yaml', `${BASE}deep:\n${Array.from({ length: 62 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} leaf\n`);
  // THEN the loader reads both (the schema, a later stage, is what rejects the unknown key)
  expect(() => loadModel(flow)).not.toThrow();
  expect(() => loadModel(block)).not.toThrow();
});

test('fails if flow lists nest past the limit, at the first bracket too many', async () => {
  // GIVEN `deep: [[[...]]]` 100 levels deep: the root mapping plus 64 lists is one level too many,
  // and the 64th bracket is column 6 + 64
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}deep: ${'['.repeat(100)}${']'.repeat(100)}\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:70: ${MESSAGE}\n`);
});

test('fails if block mappings nest past the limit (indentation), at the first key too deep', async () => {
  // GIVEN 80 nested `k:` mappings, one more space of indentation each
  const s = scratch();
  const lines = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k${i}:`);
  const model = s.write('org.yaml', `${BASE}deep:\n${lines.map((l) => ` ${l}`).join('\n')} leaf\n`);
  const res = await generateRefused(s, model);
  // the root mapping holds `deep`, whose mapping holds k0, ... the mapping holding k62 is level 64:
  // k63 (line NEXT_LINE + 64, column 1 + 63 + 1) opens level 65
  expect(res.stderr).toBe(`${model}:${NEXT_LINE + 64}:65: ${MESSAGE}\n`);
});

test('fails fast and in bounded memory on megabytes of brackets inside the file size limit', async () => {
  // GIVEN 7 MiB of `[` (under the 8 MiB file limit); unguarded this exhausts a 4 GB heap
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}deep: ${'['.repeat(7 * 1024 * 1024)}\n`);
  const peakBefore = process.resourceUsage().maxRSS;
  const started = Date.now();
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:70: ${MESSAGE}\n`);
  // THEN the refusal costs about the file's own size in memory, not the nesting's
  expect(process.resourceUsage().maxRSS - peakBefore).toBeLessThan(128 * 1024);
  expect(Date.now() - started).toBeLessThan(20_000);
});

test('fails on compact nested sequences (`- - - ...`) the same way', async () => {
  // GIVEN one line of 4 million `- ` indicators under a key: each opens a list
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}deep:\n  ${'- '.repeat(4_000_000)}leaf\n`);
  const res = await generateRefused(s, model);
  // the k-th `-` is an item of the list at level k + 1: the 64th, at column 3 + 2 * 63, opens level 65
  expect(res.stderr).toBe(`${model}:${NEXT_LINE + 1}:129: ${MESSAGE}\n`);
});
