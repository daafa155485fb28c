/**
 * `include:` must stay below the model's directory, judged on the file actually read: written
 * paths with `..` or absolute paths, and symbolic links that lead outside (to a file, a directory
 * or a device), are all refused at the include entry.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { BASE, generateRefused, NEXT_LINE, useScratch } from './support/hostile';

const scratch = useScratch();
const ACCOUNTS = 'accounts:\n  - { name: stranger, id: "999999999999", ou: Root }\n';

/** The model in `<scratch>/model/org.yaml` with `include: [<entry>]` on NEXT_LINE (entry at col 11). */
function modelWithInclude(s: ReturnType<typeof scratch>, entry: string): string {
  return s.write('model/org.yaml', `${BASE}include: [${entry}]\n`);
}

test.each([
  ['a parent-directory path', '../outside/accounts.yaml'],
  ['a path that climbs out through a subdirectory', 'sub/../../outside/accounts.yaml'],
])('fails if an include is %s', async (_what, entry) => {
  const s = scratch();
  s.write('outside/accounts.yaml', ACCOUNTS);
  fs.mkdirSync(path.join(s.dir, 'model/sub'), { recursive: true });
  const model = modelWithInclude(s, entry);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:11: include '${entry}' is outside the model's directory; includes must stay below ${path.dirname(model)}\n`);
});

test('fails if an include is an absolute path', async () => {
  const s = scratch();
  const outside = s.write('outside/accounts.yaml', ACCOUNTS);
  const model = modelWithInclude(s, outside);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:11: include '${outside}' is outside the model's directory; includes must stay below ${path.dirname(model)}\n`);
});

test('fails if an included file is a symbolic link to a file outside the directory', async () => {
  // GIVEN model/accounts.yaml -> ../outside/accounts.yaml
  const s = scratch();
  const outside = s.write('outside/accounts.yaml', ACCOUNTS);
  const model = modelWithInclude(s, 'accounts.yaml');
  fs.symlinkSync('../outside/accounts.yaml', path.join(s.dir, 'model/accounts.yaml'));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(
    `${model}:${NEXT_LINE}:11: include 'accounts.yaml' leads to ${outside} through a symbolic link, outside the model's directory; includes must stay below ${path.dirname(model)}\n`,
  );
});

test('fails if an included directory is a symbolic link to a directory outside', async () => {
  // GIVEN model/shared -> ../outside, holding accounts.yaml
  const s = scratch();
  const outside = s.write('outside/accounts.yaml', ACCOUNTS);
  const model = modelWithInclude(s, 'shared');
  fs.symlinkSync('../outside', path.join(s.dir, 'model/shared'));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(
    `${model}:${NEXT_LINE}:11: include 'shared' leads to ${outside} through a symbolic link, outside the model's directory; includes must stay below ${path.dirname(model)}\n`,
  );
});

test('fails if an included directory holds a link to a file outside', async () => {
  // GIVEN model/parts/ with one honest file and one link out
  const s = scratch();
  const outside = s.write('outside/accounts.yaml', ACCOUNTS);
  s.write('model/parts/groups.yaml', 'groups:\n  - { name: Auditors }\n');
  const model = modelWithInclude(s, 'parts');
  fs.symlinkSync('../../outside/accounts.yaml', path.join(s.dir, 'model/parts/accounts.yaml'));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(
    `${model}:${NEXT_LINE}:11: include 'parts' leads to ${outside} through a symbolic link, outside the model's directory; includes must stay below ${path.dirname(model)}\n`,
  );
});

test('fails if an included file links to a device, without reading from it', async () => {
  // GIVEN model/zero.yaml -> /dev/zero: read, it would never end
  const s = scratch();
  const model = modelWithInclude(s, 'zero.yaml');
  fs.symlinkSync('/dev/zero', path.join(s.dir, 'model/zero.yaml'));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(
    `${model}:${NEXT_LINE}:11: include 'zero.yaml' leads to /dev/zero through a symbolic link, outside the model's directory; includes must stay below ${path.dirname(model)}\n`,
  );
});

test('fails if an include below the directory is not a regular file', async () => {
  // GIVEN a named pipe in the model's directory: reading it would wait forever for a writer
  const s = scratch();
  const model = modelWithInclude(s, 'pipe.yaml');
  const pipe = path.join(s.dir, 'model/pipe.yaml');
  execFileSync('mkfifo', [pipe]);
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:${NEXT_LINE}:11: include 'pipe.yaml' is not a regular file (${pipe}); include yaml files or directories of them\n`);
});

test('a link that stays inside the directory is followed', async () => {
  // GIVEN model/current.yaml -> parts/accounts.yaml (inside): allowed, like any file below
  const s = scratch();
  s.write('model/parts/accounts.yaml', 'accounts:\n  - { name: member, id: "222222222222", ou: Workloads }\n');
  const model = modelWithInclude(s, 'current.yaml');
  fs.symlinkSync('parts/accounts.yaml', path.join(s.dir, 'model/current.yaml'));
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
});
