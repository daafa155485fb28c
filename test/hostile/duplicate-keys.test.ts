/** Duplicate YAML keys: the second occurrence is refused where it stands, at any depth. */
import { BASE, BASE_LINES, generateRefused, NEXT_LINE, useScratch } from './support/hostile';

const scratch = useScratch();
const MESSAGE = 'duplicate yaml key; each key may appear once in a mapping';

test('fails if a top-level key appears twice (later lists would silently replace earlier ones)', async () => {
  // GIVEN a second `accounts:` after the model's own
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}accounts:\n  - { name: other, id: "222222222222", ou: Root }\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:1: ${MESSAGE}\n`);
});

test('fails if a key repeats inside a flow mapping', async () => {
  // GIVEN the management account line with `id` given twice (the second would win)
  const s = scratch();
  const lines = [...BASE_LINES];
  const at = lines.indexOf('  - { name: management, id: "111111111111", ou: Root }');
  lines[at] = '  - { name: management, id: "111111111111", id: "999999999999", ou: Root }';
  const model = s.write('org.yaml', `${lines.join('\n')}\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${at + 1}:45: ${MESSAGE}\n`);
});

test('fails if a key repeats inside a nested block mapping', async () => {
  // GIVEN `multiRegion` twice in the key
  const s = scratch();
  const lines = [...BASE_LINES];
  const at = lines.indexOf('    multiRegion: true');
  lines.splice(at + 1, 0, '    multiRegion: false');
  const model = s.write('org.yaml', `${lines.join('\n')}\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${at + 2}:5: ${MESSAGE}\n`);
});
