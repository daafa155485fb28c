/**
 * Include loops and files included twice. Includes are one level deep (an included file holds list
 * sections only), so a loop can only be the main model including itself, or an included file
 * trying to include; a file reached twice, under any spelling or through a link, would double its
 * entries and is refused at the second include entry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE, generateRefused, NEXT_LINE, useScratch } from './support/hostile';

const scratch = useScratch();
const GROUPS = 'groups:\n  - { name: Auditors }\n';
const twice = (entry: string) => `include '${entry}' is included twice or includes the main model; each file may be included once`;

test('fails if the model includes itself', async () => {
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}include: [org.yaml]\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:11: ${twice('org.yaml')}\n`);
});

test('fails if the model includes itself through a link', async () => {
  // GIVEN self.yaml -> org.yaml
  const s = scratch();
  const model = s.write('org.yaml', `${BASE}include: [self.yaml]\n`);
  fs.symlinkSync('org.yaml', path.join(s.dir, 'self.yaml'));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:11: ${twice('self.yaml')}\n`);
});

test('fails if one file is included under two spellings, at the second', async () => {
  const s = scratch();
  s.write('groups.yaml', GROUPS);
  const model = s.write('org.yaml', `${BASE}include: [groups.yaml, ./sub/../groups.yaml]\n`);
  fs.mkdirSync(path.join(s.dir, 'sub'));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:24: ${twice('./sub/../groups.yaml')}\n`);
});

test('fails if one file is included directly and again through a link', async () => {
  const s = scratch();
  s.write('groups.yaml', GROUPS);
  fs.symlinkSync('groups.yaml', path.join(s.dir, 'alias.yaml'));
  const model = s.write('org.yaml', `${BASE}include: [groups.yaml, alias.yaml]\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:24: ${twice('alias.yaml')}\n`);
});

test('fails if a file is included alone and again as part of its directory', async () => {
  const s = scratch();
  s.write('parts/groups.yaml', GROUPS);
  const model = s.write('org.yaml', `${BASE}include: [parts/groups.yaml, parts]\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:30: ${twice('parts')}\n`);
});

test('fails if an included file tries to include (back into the model or anywhere)', async () => {
  // GIVEN groups.yaml with `include: [org.yaml]`, the start of a loop
  const s = scratch();
  const groups = s.write('groups.yaml', `${GROUPS}include: [org.yaml]\n`);
  const model = s.write('org.yaml', `${BASE}include: [groups.yaml]\n`);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(
    `${groups}:3:10: included files may hold only accounts, groups, users, permissionSets, assignments, keys, applications; found 'include'\n`,
  );
});
