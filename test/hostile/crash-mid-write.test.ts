/**
 * A failure in the middle of writing (a file map that throws half-way through iteration, a disk
 * that fills up on the n-th file, a rename that fails, a link that cannot be made) leaves the
 * previous output byte-identical, Terraform state included, and no temporary directory; and what a
 * killed run left (src/write/interrupted-output.ts) is repaired by the next run: a previous tree
 * moved aside is put back, half-written trees removed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recoverInterruptedWrites } from '../../src/write/interrupted-output';
import { writeOutput } from '../../src/write';
import { useScratch } from './support/hostile';
import { applyLike, snapshot } from './support/working-files';

const scratch = useScratch();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.spyOn needs the CommonJS module object the writer calls
const nodeFs: typeof fs = require('node:fs');

/** Every file below `dir` as { relative path: bytes as latin1 (byte-exact) }. */
function bytes(dir: string): Record<string, string> {
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

const PREVIOUS = new Map([
  ['hcl/management/main.tf', 'resource "aws_kms_key" "this" {}\n'],
  ['review.md', '# previous\n'],
  ['cdktf/manifest.json', '{"version":"1"}\n'],
]);
const NEXT = new Map(Array.from({ length: 50 }, (_, i): [string, string] => [`hcl/unit-${String(i).padStart(2, '0')}/main.tf`, `# next ${i}\n`]));

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

test('a file map that throws half-way through iteration leaves the previous output unchanged', () => {
  const s = scratch();
  writeOutput(s.out, PREVIOUS);
  const before = bytes(s.out);
  const entries = [...NEXT];
  const throwing = new Map(NEXT);
  // the iterator yields half the files, then the emitter fails
  throwing[Symbol.iterator] = function* () {
    yield* entries.slice(0, 25);
    throw new Error('emitter failed half-way');
  };
  expect(() => writeOutput(s.out, throwing)).toThrow('emitter failed half-way');
  expect(bytes(s.out)).toEqual(before);
  expect(fs.readdirSync(s.dir)).toEqual(['out']);
});

test('a disk that fills up on the 30th file leaves the previous output unchanged', () => {
  const s = scratch();
  writeOutput(s.out, PREVIOUS);
  const before = bytes(s.out);
  const real = nodeFs.writeFileSync;
  let n = 0;
  const spy = jest.spyOn(nodeFs, 'writeFileSync').mockImplementation((file, ...rest) => {
    if (++n === 30) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    real(file, ...rest);
  });
  try {
    expect(() => writeOutput(s.out, NEXT)).toThrow('ENOSPC: no space left on device, write');
  } finally {
    spy.mockRestore();
  }
  expect(n).toBe(30);
  expect(bytes(s.out)).toEqual(before);
  expect(fs.readdirSync(s.dir)).toEqual(['out']);
});

test('a run killed between the two renames of the swap: the next run puts the previous tree back, state included, before anything else', () => {
  // GIVEN what such a run leaves: no output, the previous tree (with an applied root) aside under the dead run's pid
  const s = scratch();
  writeOutput(s.out, PREVIOUS);
  applyLike(path.join(s.out, 'hcl/management'), path.join(s.dir, 'cache'));
  const before = snapshot(s.out);
  const aside = path.join(s.dir, `.out.idcgen-old-${deadPid()}-AbCdEf`);
  fs.mkdirSync(aside);
  fs.renameSync(s.out, path.join(aside, 'out'));
  // WHEN the leftovers are recovered (the first step of every write)
  recoverInterruptedWrites(s.dir, 'out');
  // THEN the previous output is back, byte for byte, and the aside directory is gone
  expect(snapshot(s.out)).toEqual(before);
  expect(fs.readdirSync(s.dir).sort()).toEqual(['cache', 'out']);
});

/** PREVIOUS with an applied management root; returns its snapshot. */
function appliedPrevious(s: { out: string; dir: string }): Record<string, string> {
  writeOutput(s.out, PREVIOUS);
  applyLike(path.join(s.out, 'hcl/management'), path.join(s.dir, 'cache'));
  return snapshot(s.out);
}

test.each([
  ['the disk fills up on the 30th file', 'writeFileSync', 30, 'ENOSPC'],
  ['a working file cannot be linked into the new tree (the 4th)', 'linkSync', 4, 'EIO'],
  ['the marker cannot be written after the working files were linked', 'writeFileSync', NEXT.size + 1, 'ENOSPC'],
] as const)('%s: the previous output stays whole with its terraform state, and no second link to the state is left', (_what, fn, failAt, code) => {
  const s = scratch();
  const before = appliedPrevious(s);
  const real = nodeFs[fn] as (...a: unknown[]) => unknown;
  let n = 0;
  const spy = jest.spyOn(nodeFs, fn).mockImplementation(((...args: unknown[]) => {
    if (++n === failAt) throw Object.assign(new Error(`${code}: injected`), { code });
    return real(...args);
  }) as never);
  try {
    expect(() => writeOutput(s.out, NEXT)).toThrow(`${code}: injected`);
  } finally {
    spy.mockRestore();
  }
  expect(n).toBe(failAt);
  expect(snapshot(s.out)).toEqual(before);
  expect(fs.statSync(path.join(s.out, 'hcl/management/terraform.tfstate')).nlink).toBe(1);
  expect(fs.readdirSync(s.dir).sort()).toEqual(['cache', 'out']);
});

test('where the file system refuses hard links, working files are copied into the new tree', () => {
  const s = scratch();
  const before = appliedPrevious(s);
  const spy = jest.spyOn(nodeFs, 'linkSync').mockImplementation(() => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  });
  try {
    writeOutput(s.out, NEXT);
  } finally {
    spy.mockRestore();
  }
  const after = snapshot(s.out);
  for (const [rel, entry] of Object.entries(before))
    if (rel.startsWith('hcl/management/') && !rel.endsWith('.tf')) expect([rel, after[rel]]).toEqual([rel, entry]);
});

test('a run killed while writing: the next write removes its half-written tree', () => {
  const s = scratch();
  writeOutput(s.out, PREVIOUS);
  const half = path.join(s.dir, `.out.idcgen-new-${deadPid()}-XyZ123`);
  fs.mkdirSync(path.join(half, 'hcl'), { recursive: true });
  fs.writeFileSync(path.join(half, 'hcl/partial.tf'), 'resou');
  writeOutput(s.out, NEXT);
  expect(Object.keys(bytes(s.out))).toHaveLength(NEXT.size + 1);
  expect(fs.readdirSync(s.dir)).toEqual(['out']);
});

test("another run's temporary directory is left alone while that process lives", () => {
  // GIVEN a temporary tree named after a live process (the parent of this one)
  const s = scratch();
  writeOutput(s.out, PREVIOUS);
  const busy = `.out.idcgen-new-${process.ppid}-Live01`;
  fs.mkdirSync(path.join(s.dir, busy));
  writeOutput(s.out, NEXT);
  expect(fs.readdirSync(s.dir).sort()).toEqual([busy, 'out']);
});

test('leftovers of another output beside this one are not touched', () => {
  // GIVEN a dead run's tree for `out-b` next to `out`
  const s = scratch();
  const other = `.out-b.idcgen-new-${deadPid()}-Other1`;
  fs.mkdirSync(path.join(s.dir, other));
  writeOutput(s.out, PREVIOUS);
  expect(fs.readdirSync(s.dir).sort()).toEqual([other, 'out']);
});
