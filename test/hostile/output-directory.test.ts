/**
 * Where `generate` writes: a temporary directory beside the target, renamed into place; and what
 * it may replace: only a directory that carries idcgen's marker (or an empty one), never a user's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { OUTPUT_MARKER, writeOutput } from '../../src/write';
import { BASE, generateRefused, useScratch } from './support/hostile';

const scratch = useScratch();
const nodeFs: typeof fs = require('node:fs');

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
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
    writeOutput(s.out, new Map([['a.tf', 'v2\n'], ['sub/b.tf', 'b\n']]));
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

test('generate replaces its own earlier output (the marker) completely', async () => {
  const s = scratch();
  const model = s.write('org.yaml', BASE);
  expect((await runCli(['generate', model, '--out', s.out])).code).toBe(0);
  const first = files(s.out);
  fs.writeFileSync(path.join(s.out, 'stale.tf'), 'left from an older model\n');
  const res = await runCli(['generate', model, '--out', s.out]);
  expect(res.code).toBe(0);
  expect(files(s.out)).toEqual(first);
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
