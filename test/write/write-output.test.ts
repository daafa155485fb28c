import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OUTPUT_MARKER, WriteError, writeNewFile, writeOutput } from '../../src/write';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'idcgen-write-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Every file below `dir` as { relative path: content }. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Names in `root` other than the given ones: leftover temporary directories would show here. */
function strays(...expected: string[]): string[] {
  return fs.readdirSync(root).filter((n) => !expected.includes(n));
}

describe('writeOutput', () => {
  test('writes a new directory with the files, LF endings and the marker', () => {
    // GIVEN a file map with CRLF content WHEN written to a path that does not exist
    const out = path.join(root, 'out');
    writeOutput(
      out,
      new Map([
        ['hcl/main.tf', 'a\r\nb\r\n'],
        ['review.md', '# r\n'],
      ]),
    );
    // THEN the tree holds exactly those files plus the marker, with LF endings
    const t = tree(out);
    expect(Object.keys(t).sort()).toEqual([OUTPUT_MARKER, 'hcl/main.tf', 'review.md']);
    expect(t['hcl/main.tf']).toBe('a\nb\n');
    expect(strays('out')).toEqual([]);
  });

  test('replaces an earlier output completely: files no longer generated disappear', () => {
    const out = path.join(root, 'out');
    writeOutput(
      out,
      new Map([
        ['old.tf', 'old\n'],
        ['keep.tf', 'v1\n'],
      ]),
    );
    writeOutput(out, new Map([['keep.tf', 'v2\n']]));
    expect(tree(out)).toEqual({ [OUTPUT_MARKER]: expect.any(String), 'keep.tf': 'v2\n' });
    expect(strays('out')).toEqual([]);
  });

  test('writes into an existing empty directory', () => {
    const out = path.join(root, 'out');
    fs.mkdirSync(out);
    writeOutput(out, new Map([['a.tf', 'x\n']]));
    expect(tree(out)['a.tf']).toBe('x\n');
  });

  test('fails if the directory holds files idcgen did not write, and leaves them untouched', () => {
    // GIVEN a user's directory without the marker
    const out = path.join(root, 'src');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'precious.txt'), 'mine');
    // WHEN idcgen is told to write there THEN it refuses, saying why
    expect(() => writeOutput(out, new Map([['a.tf', 'x\n']]))).toThrow(WriteError);
    expect(() => writeOutput(out, new Map([['a.tf', 'x\n']]))).toThrow(
      `output directory '${out}' is not empty and was not written by idcgen (no .idcgen-output file); choose another --out or empty it`,
    );
    expect(tree(out)).toEqual({ 'precious.txt': 'mine' });
    expect(strays('src')).toEqual([]);
  });

  test('fails if the output path is a file', () => {
    const out = path.join(root, 'file');
    fs.writeFileSync(out, 'x');
    expect(() => writeOutput(out, new Map())).toThrow(`output '${out}' exists and is not a directory; choose another --out`);
    expect(fs.readFileSync(out, 'utf8')).toBe('x');
  });

  test('fails if a file writes mid-way, leaving the previous output unchanged and no temporary files', () => {
    // GIVEN an earlier output
    const out = path.join(root, 'out');
    writeOutput(out, new Map([['a.tf', 'v1\n']]));
    const before = tree(out);
    // WHEN the second file cannot be written (its directory would be the file written first)
    const bad = new Map([
      ['a.tf', 'v2\n'],
      ['a.tf/b.tf', 'x\n'],
    ]);
    expect(() => writeOutput(out, bad)).toThrow(/EEXIST/);
    // THEN the earlier output is intact and nothing else was left behind
    expect(tree(out)).toEqual(before);
    expect(strays('out')).toEqual([]);
  });

  test('fails if the final rename fails, putting the previous output back', () => {
    const out = path.join(root, 'out');
    writeOutput(out, new Map([['a.tf', 'v1\n']]));
    const before = tree(out);
    // WHEN the rename of the new tree into place fails (injected), after the old one moved aside
    // (the module object itself: the writer's namespace import reads through to it)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.spyOn needs the CommonJS module object the writer calls
    const nodeFs: typeof fs = require('node:fs');
    const real = nodeFs.renameSync;
    const spy = jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).includes('.idcgen-new-')) throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
      real(from, to);
    });
    try {
      expect(() => writeOutput(out, new Map([['a.tf', 'v2\n']]))).toThrow('EIO: injected');
    } finally {
      spy.mockRestore();
    }
    // THEN the old output is back in place and no temporary directory is left
    expect(tree(out)).toEqual(before);
    expect(strays('out')).toEqual([]);
  });

  test.each([['../escape.tf'], ['/abs.tf'], ['a/../../b.tf'], [OUTPUT_MARKER], ['']])('fails if a generated path is %j', (p) => {
    const out = path.join(root, 'out');
    expect(() => writeOutput(out, new Map([[p, 'x']]))).toThrow(`generated file path '${p}' is not a relative path inside the output directory`);
    expect(fs.existsSync(out)).toBe(false);
    expect(strays()).toEqual([]);
  });
});

describe('writeOutput and terraform working files', () => {
  test.each([
    ['hcl/m/terraform.tfstate'],
    ['hcl/m/.terraform.lock.hcl'],
    ['hcl/m/.terraform/x'],
    ['hcl/m/terraform.tfstate.d/a/b'],
    ['hcl/m/plan.tfplan'],
    ['.git/config'],
  ])('fails if a generated path is %j, which idcgen never writes (an emitter bug), writing nothing', (p) => {
    const out = path.join(root, 'out');
    expect(() => writeOutput(out, new Map([[p, 'x']]))).toThrow(
      `generated file path '${p}' names a terraform working file or a git directory, which idcgen never writes`,
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(strays()).toEqual([]);
  });

  test('the marker lists exactly the files written, sorted, and what the caller records', () => {
    const out = path.join(root, 'out');
    writeOutput(
      out,
      new Map([
        ['z.tf', 'z\n'],
        ['a/b.tf', 'b\n'],
      ]),
      { facts: { keys: [{ name: 'k', replicaRegions: [] }] } },
    );
    expect(JSON.parse(tree(out)[OUTPUT_MARKER])).toEqual({
      format: 'idcgen-output',
      version: 2,
      about: expect.stringContaining('replaces the files listed here and no others'),
      facts: { keys: [{ name: 'k', replicaRegions: [] }] },
      files: ['a/b.tf', 'z.tf'],
    });
  });
});

describe('writeNewFile', () => {
  test('creates a file with LF endings', () => {
    const f = path.join(root, 'org.yaml');
    writeNewFile(f, 'a\r\n');
    expect(fs.readFileSync(f, 'utf8')).toBe('a\n');
  });

  test('fails if the file exists, leaving it unchanged', () => {
    const f = path.join(root, 'org.yaml');
    fs.writeFileSync(f, 'mine');
    expect(() => writeNewFile(f, 'new')).toThrow(`'${f}' already exists; idcgen init never overwrites a file, choose another --out`);
    expect(fs.readFileSync(f, 'utf8')).toBe('mine');
  });
});
