/**
 * Where `generate` writes: a temporary directory beside the target, renamed into place; and what
 * it may replace: only a directory that carries idcgen's marker (or an empty one), never a user's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { OUTPUT_MARKER, writeOutput } from '../../src/write';
import { BASE, generateRefused, modelWith, useScratch } from './support/hostile';

const scratch = useScratch();

const MGMT = '  - { name: management, id: "111111111111", ou: Root }';
/** BASE plus a member account whose role uses the key: the output gains the unit account-prod-app. */
const WITH_MEMBER = modelWith({
  [MGMT]: [MGMT, '  - { name: prod-app, id: "333333333333", ou: Workloads }'],
  '      - restrict-to-instance: {}': [
    '      - restrict-to-instance: {}',
    '      - custom-workflows: { principals: [{ role: arn:aws:iam::333333333333:role/Pipeline }] }',
  ],
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.spyOn needs the CommonJS module object the writer calls
const nodeFs: typeof fs = require('node:fs');

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) out[path.relative(dir, p)] = `-> ${fs.readlinkSync(p)}`;
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

test('the new tree is written in a temporary directory beside the target, then renamed into place', () => {
  // GIVEN an earlier output
  const s = scratch();
  writeOutput(s.out, new Map([['a.tf', 'v1\n']]));
  const writes: string[] = [];
  const renames: [string, string][] = [];
  const realWrite = nodeFs.writeFileSync;
  const realRename = nodeFs.renameSync;
  const write = jest.spyOn(nodeFs, 'writeFileSync').mockImplementation((file, ...rest) => {
    // while the new tree is written, the target still holds the old one
    expect(fs.readFileSync(path.join(s.out, 'a.tf'), 'utf8')).toBe('v1\n');
    writes.push(String(file));
    realWrite(file, ...rest);
  });
  const rename = jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
    renames.push([String(from), String(to)]);
    realRename(from, to);
  });
  try {
    // WHEN a new output is written
    writeOutput(
      s.out,
      new Map([
        ['a.tf', 'v2\n'],
        ['sub/b.tf', 'b\n'],
      ]),
    );
  } finally {
    write.mockRestore();
    rename.mockRestore();
  }
  // THEN every file went into one sibling `.out.idcgen-new-<pid>-*` directory ...
  const tmpDirs = [...new Set(writes.map((w) => path.relative(s.dir, w).split(path.sep)[0]))];
  expect(tmpDirs).toHaveLength(1);
  expect(tmpDirs[0]).toMatch(new RegExp(`^\\.out\\.idcgen-new-${process.pid}-`));
  // ... which was renamed onto the target after the old tree moved aside, and nothing else remains
  const tmp = path.join(s.dir, tmpDirs[0]);
  expect(renames.map(([from, to]) => [path.relative(s.dir, from).split(path.sep)[0], path.relative(s.dir, to)])).toEqual([
    ['out', expect.stringMatching(new RegExp(`^\\.out\\.idcgen-old-${process.pid}-[^/]+/out$`))],
    [path.relative(s.dir, tmp), 'out'],
  ]);
  expect(files(s.out)).toEqual({ [OUTPUT_MARKER]: expect.any(String), 'a.tf': 'v2\n', 'sub/b.tf': 'b\n' });
  expect(fs.readdirSync(s.dir)).toEqual(['out']);
});

test('generate replaces the files it wrote before: a file no longer generated disappears, nothing else is touched', async () => {
  // GIVEN an output whose model had a member account unit
  const s = scratch();
  const before = s.write('before.yaml', WITH_MEMBER);
  const model = s.write('org.yaml', BASE);
  expect((await runCli(['generate', before, '--out', s.out])).code).toBe(0);
  expect(fs.existsSync(path.join(s.out, 'hcl/account-prod-app/main.tf'))).toBe(true);
  // WHEN the model without it is generated into the same place
  expect((await runCli(['generate', model, '--out', s.out])).code).toBe(0);
  // THEN the output is exactly what a fresh run writes
  const fresh = path.join(s.dir, 'fresh');
  expect((await runCli(['generate', model, '--out', fresh])).code).toBe(0);
  expect(files(s.out)).toEqual(files(fresh));
});

const REFUSED = (out: string, n: number) =>
  `idcgen: output directory '${out}' holds ${n === 1 ? 'an entry' : `${n} entries`} that idcgen may not replace; idcgen never deletes or overwrites a file it did not write\n`;
const UNKNOWN = 'not written by idcgen (not listed in .idcgen-output); move it out of the output directory';
const GIT =
  'a git repository (or worktree link) inside the output directory; point --out at a directory inside the checkout, such as generated/, never at the checkout itself';

test.each([
  ['a file of the user beside the generated ones', ['hcl/management/notes.tf'], (out: string) => `${out}/hcl/management/notes.tf: ${UNKNOWN}`],
  ['a file of the user in a directory idcgen no longer writes', ['hcl/old-unit/main.tf'], (out: string) => `${out}/hcl/old-unit/main.tf: ${UNKNOWN}`],
  ['a committed checkout with the marker (.git at the top)', ['.git/HEAD'], (out: string) => `${out}/.git: ${GIT}`],
  ['a git worktree link deeper down', ['cdktf/.git'], (out: string) => `${out}/cdktf/.git: ${GIT}`],
  ['a marker in a subdirectory', ['hcl/.idcgen-output'], (out: string) => `${out}/hcl/.idcgen-output: ${UNKNOWN}`],
  [
    'a terraform run holding its state lock',
    ['hcl/management/.terraform.tfstate.lock.info'],
    (out: string) =>
      `${out}/hcl/management/.terraform.tfstate.lock.info: terraform is running in this directory (its state lock); wait for it to finish, or delete the file if terraform was killed, then generate again`,
  ],
])('fails if its own earlier output now holds %s, naming it and changing nothing', async (_what, extra, line) => {
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  expect((await runCli(['generate', model, '--out', s.out])).code).toBe(0);
  for (const rel of extra) s.write(`out/${rel}`, 'mine\n');
  const before = files(s.out);
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe(`${REFUSED(s.out, 1)}${line(s.out)}\n`);
  expect(res.code).toBe(1);
  expect(files(s.out)).toEqual(before);
  expect(fs.readdirSync(s.dir).sort()).toEqual(['org.yaml', 'out']);
});

test('fails naming every entry it may not replace at once, sorted', async () => {
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  expect((await runCli(['generate', model, '--out', s.out])).code).toBe(0);
  s.write('out/z.txt', 'mine');
  s.write('out/a.txt', 'mine');
  fs.symlinkSync('/etc/hostname', path.join(s.out, 'hcl/link.tf'));
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe(`${REFUSED(s.out, 3)}${s.out}/a.txt: ${UNKNOWN}\n${s.out}/hcl/link.tf: ${UNKNOWN}\n${s.out}/z.txt: ${UNKNOWN}\n`);
  expect(res.code).toBe(1);
});

test.each([
  ['the model', 'out/org.yaml', 'out/org.yaml'],
  ['an included file', 'org.yaml', 'out/groups.yaml'],
])('fails if %s is inside the output directory, naming the file', async (_what, modelAt, inside) => {
  // GIVEN an output directory of idcgen's that also holds a model file
  const s = scratch();
  expect((await runCli(['generate', s.write('first.yaml', BASE), '--out', s.out])).code).toBe(0);
  const model = s.write(modelAt, modelAt === 'org.yaml' ? `${BASE}include: [out/groups.yaml]\n` : BASE);
  if (inside === 'out/groups.yaml') s.write(inside, 'groups:\n  - { name: Auditors }\n');
  const before = files(s.out);
  // WHEN generating
  const res = await runCli(['generate', model, '--out', s.out]);
  // THEN refused with the file named, nothing changed
  expect(res.stderr).toContain(
    `idcgen: the model is inside the output directory '${s.out}', which idcgen replaces on every run; keep the model outside --out\n` +
      `${path.join(s.dir, inside)}: model file inside the output directory '${s.out}'; move it out, or choose an --out that does not contain it\n`,
  );
  expect(res.code).toBe(1);
  expect(files(s.out)).toEqual(before);
});

test('an output written by an idcgen that did not list its files: its files are replaced once, terraform files kept', async () => {
  // GIVEN the older marker text and an applied root
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  expect((await runCli(['generate', model, '--out', s.out])).code).toBe(0);
  s.write(`out/${OUTPUT_MARKER}`, 'This directory is generated by idcgen and replaced on every run. Do not edit files here.\n');
  s.write('out/hcl/management/terraform.tfstate', '{"version":4,"resources":[]}\n');
  s.write('out/hcl/stale/main.tf', '# Generated by idcgen\n');
  // WHEN regenerated THEN it succeeds: stale generated files go, state stays, the marker lists the files
  expect((await runCli(['generate', model, '--out', s.out])).code).toBe(0);
  expect(fs.existsSync(path.join(s.out, 'hcl/stale'))).toBe(false);
  expect(fs.readFileSync(path.join(s.out, 'hcl/management/terraform.tfstate'), 'utf8')).toBe('{"version":4,"resources":[]}\n');
  expect(JSON.parse(fs.readFileSync(path.join(s.out, OUTPUT_MARKER), 'utf8'))).toMatchObject({
    format: 'idcgen-output',
    files: expect.arrayContaining(['review.md']),
  });
});

test('fails if the marker is not one idcgen can read, since it cannot tell which files it wrote', async () => {
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  expect((await runCli(['generate', model, '--out', s.out])).code).toBe(0);
  s.write(`out/${OUTPUT_MARKER}`, '{"files": "everything"}\n');
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe(
    `idcgen: output directory '${s.out}' has a .idcgen-output that idcgen cannot read, so it cannot tell which files it wrote; choose another --out or empty it\n`,
  );
  expect(res.code).toBe(1);
});

test.each([
  ['a directory with a file of the user', { 'notes.txt': 'mine' }],
  ['a git checkout (only dot files)', { '.git/HEAD': 'ref: refs/heads/main\n' }],
  ['a directory whose marker is only mentioned in a subdirectory', { [`sub/${OUTPUT_MARKER}`]: '', 'main.tf': 'x' }],
])('generate refuses to replace %s, and leaves it untouched', async (_what, content) => {
  // GIVEN a directory idcgen did not write
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  for (const [rel, text] of Object.entries(content)) s.write(`out/${rel}`, text);
  const before = files(s.out);
  // WHEN generating into it
  const res = await runCli(['generate', model, '--out', s.out]);
  // THEN exit 1 with the reason, and the directory is exactly as it was, with nothing beside it
  expect(res.stderr).toBe(
    `idcgen: output directory '${s.out}' is not empty and was not written by idcgen (no .idcgen-output file); choose another --out or empty it\n`,
  );
  expect(res.code).toBe(1);
  expect(files(s.out)).toEqual(before);
  expect(fs.readdirSync(s.dir).sort()).toEqual(['org.yaml', 'out']);
});

test('generate refuses an output path that is a file', async () => {
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  s.write('out', 'a file\n');
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.stderr).toBe(`idcgen: output '${s.out}' exists and is not a directory; choose another --out\n`);
  expect(res.code).toBe(1);
  expect(fs.readFileSync(s.out, 'utf8')).toBe('a file\n');
});

test('an invalid model writes nothing, not even a temporary directory', async () => {
  const s = scratch();
  const model = s.write('org.yaml', BASE.replace('version: 1', 'version: 2'));
  const res = await generateRefused(s, model);
  expect(res.stderr).toBe(`${model}:1:10: version must be 1, found number 2\n`);
});
