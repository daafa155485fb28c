/**
 * Files over the model size limit (LIMITS.modelFileBytes, 8 MiB) are refused from their size
 * alone, before a byte is read, whether they are the model or an included file.
 */
import * as fs from 'node:fs';
import { LIMITS } from '../../src/model/limits';
import { BASE, generateRefused, NEXT_LINE, useScratch } from './support/hostile';

const scratch = useScratch();
const LIMIT = LIMITS.modelFileBytes.max;

/** A file of `bytes` bytes: BASE, then a sparse tail (no 8 MiB write needed). */
function bigFile(file: string, bytes: number): void {
  fs.writeFileSync(file, BASE);
  fs.truncateSync(file, bytes);
}

test('the size limit the messages quote is 8 MiB', () => {
  expect(LIMIT).toBe(8 * 1024 * 1024);
});

test('fails if the model file is one byte over the size limit', async () => {
  const s = scratch();
  const model = s.write('org.yaml', '');
  bigFile(model, LIMIT + 1);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}: file is 8388609 bytes; the limit is 8388608 bytes (idcgen model file size limit)\n`);
});

test('fails if an included file is over the size limit, naming the included file', async () => {
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}include: [more.yaml]\n`);
  const more = s.write('more.yaml', '');
  bigFile(more, 64 * 1024 * 1024);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${more}: file is 67108864 bytes; the limit is 8388608 bytes (idcgen model file size limit)\n`);
  expect(NEXT_LINE).toBeGreaterThan(1);
});
