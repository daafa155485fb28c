/** Tabs as indentation are refused (YAML forbids them; editors render them at different widths). */
import { runCli } from '../support/cli';
import { BASE_LINES, generateRefused, useScratch } from './support/hostile';

const scratch = useScratch();
const MESSAGE = 'tab used for indentation; yaml allows spaces only';

test('fails if a nested key is indented with a tab', async () => {
  const s = scratch();
  const lines = [...BASE_LINES];
  const at = lines.indexOf('  region: eu-west-1');
  lines[at] = '\tregion: eu-west-1';
  const model = s.write('org.yaml', `${lines.join('\n')}\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${at + 1}:1: ${MESSAGE}\n`);
});

test('fails if a list item is indented with spaces then a tab', async () => {
  const s = scratch();
  const lines = [...BASE_LINES];
  const at = lines.indexOf('    multiRegion: true');
  lines[at] = '  \tmultiRegion: true';
  const model = s.write('org.yaml', `${lines.join('\n')}\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${at + 1}:3: ${MESSAGE}\n`);
});

test('tabs yaml accepts (between a key and its value, inside block scalar text) are not refused', async () => {
  // GIVEN a tab after a colon, and a description whose text holds a tab
  const s = scratch();
  const lines = [...BASE_LINES];
  lines[lines.indexOf('    sessionDuration: PT4H')] = '    sessionDuration:\tPT4H';
  lines[lines.indexOf('    description: Administers Identity Center')] = '    description: |\n      Administers\tIdentity Center';
  const model = s.write('org.yaml', `${lines.join('\n')}\n`);
  // THEN the model generates
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
});
