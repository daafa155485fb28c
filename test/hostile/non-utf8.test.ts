/**
 * Bytes that are not UTF-8 are refused rather than decoded with replacement characters, which
 * would silently change names and ids.
 */
import { BASE, generateRefused, useScratch } from './support/hostile';

const scratch = useScratch();
const MESSAGE = 'file is not valid utf-8 text; save it as utf-8';

test.each([
  ['a latin-1 byte in a value', Buffer.concat([Buffer.from(`${BASE}x: caf`), Buffer.from([0xe9]), Buffer.from('\n')])],
  ['a utf-16 file with its byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE, 'utf16le')])],
  ['a truncated multi-byte sequence', Buffer.concat([Buffer.from(`${BASE}x: `), Buffer.from([0xe2, 0x82]), Buffer.from('\n')])],
  ['an overlong encoding of "/"', Buffer.concat([Buffer.from(`${BASE}x: `), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')])],
])('fails on %s', async (_what, bytes) => {
  const s = scratch();
  const model = s.write('org.yaml', bytes);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}: ${MESSAGE}\n`);
});

test('fails on non-utf-8 bytes in an included file, naming that file', async () => {
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}include: [groups.yaml]\n`);
  const groups = s.write('groups.yaml', Buffer.concat([Buffer.from('groups:\n  - { name: Caf'), Buffer.from([0xe9]), Buffer.from(' }\n')]));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${groups}: ${MESSAGE}\n`);
});
