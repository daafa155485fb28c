/**
 * The folder rules of ARCHITECTURE.md hold for src/ as it is, and the lint rule that enforces them
 * (scripts/eslint/boundaries.js, run by `npm run lint`) fails on each kind of violation planted here.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { importProblems, LAYERS, plugin, resolveImport, SRC, topFolder } from '../../scripts/eslint/boundaries';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative specifier of a file: static imports and re-exports, import(), require(), import types. */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const re = /(?:\bfrom\s+|\bimport\(\s*|\brequire\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;
  return [...text.matchAll(re)].map((m) => m[1]);
}

const FILES = sourceFiles(SRC);
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
/** File → the src files it imports. */
const GRAPH = new Map(FILES.map((f) => [f, specifiers(f).flatMap((s) => resolveImport(f, s)?.file ?? [])]));

/** Strongly connected components with more than one member (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('src/ as it is', () => {
  test('the folder graph is acyclic: no two top-level folders import each other, directly or around a loop', () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of GRAPH) {
      const from = topFolder(rel(file)) || 'src/*.ts';
      for (const t of targets) {
        const to = topFolder(rel(t)) || 'src/*.ts';
        if (to !== from) folders.set(from, [...(folders.get(from) ?? []), to]);
        else if (!folders.has(from)) folders.set(from, []);
      }
    }
    expect(cycles(folders)).toEqual([]);
    // Non-trivial graph: the check above would pass on an empty one.
    expect(folders.get('resolve')).toEqual(expect.arrayContaining(['model', 'policy']));
  });

  test('every top-level folder has a layer', () => {
    const tops = new Set(FILES.map((f) => topFolder(rel(f))));
    expect([...tops].filter((t) => !LAYERS.includes(t))).toEqual([]);
  });

  test('no two files import each other, directly or around a loop (type-only imports included)', () => {
    expect(cycles(GRAPH).map((c) => c.map(rel))).toEqual([]);
  });

  test('every import obeys the layers, keeps private/ private and enters other folders through an index.ts', () => {
    const problems = FILES.flatMap((f) => specifiers(f).flatMap((s) => importProblems(f, s).map((p) => `src/${rel(f)}: ${p}`)));
    expect(problems).toEqual([]);
  });

  test('scripts/rewrite-imports.js has nothing left to rewrite', () => {
    // Exits 1 and names the files when an import still uses a moved path or bypasses an entry.
    expect(() => execFileSync('node', [path.join(ROOT, 'scripts', 'rewrite-imports.js'), '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});

describe('the lint rule idcgen/boundaries', () => {
  const linter = new Linter();
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { idcgen: plugin },
      rules: { 'idcgen/boundaries': 'error' },
    },
  ];
  /** Messages of the rule for `code` placed at src/<at>. */
  const lint = (at: string, code: string) => linter.verify(code, config, { filename: path.join(SRC, at) }).map((m) => m.message);

  test.each([
    ['model imports policy', 'model/planted.ts', "import { buildKeys } from '../policy';", 'src/model may not import src/policy'],
    ['model imports policy for a type only', 'model/planted.ts', "import type { LintFinding } from '../policy';", 'src/model may not import src/policy'],
    ['policy imports review', 'policy/planted.ts', "import { mdText } from '../review';", 'src/policy may not import src/review'],
    ['emit imports write', 'emit/hcl/planted.ts', "export { writeOutput } from '../../write';", 'src/emit may not import src/write'],
    ['model loads cdktf lazily', 'model/planted.ts', "const m = require('../emit/cdktf');", 'src/model may not import src/emit'],
    ['model names a type of review', 'model/planted.ts', "type T = typeof import('../review');", 'src/model may not import src/review'],
    ['model uses import = require', 'model/planted.ts', "import review = require('../review');", 'src/model may not import src/review'],
    ['a folder imports the pipeline', 'review/planted.ts', "import { generate } from '../generate';", 'src/review may not import src/*.ts'],
  ])('fails if %s', (_, at, code, expected) => {
    expect(lint(at, code)).toEqual([expect.stringContaining(expected)]);
  });

  test.each([
    [
      'import reaches into the HCL emitter',
      'import/blocks/planted.ts',
      "import { hclString } from '../../emit/hcl/private/escape';",
      'is private to src/emit/hcl',
    ],
    ['apply-order reaches into review', 'emit/apply-order/planted.ts', "import { table } from '../../review/private/markdown';", 'is private to src/review'],
    [
      'a sibling sub-folder reaches into private/',
      'emit/apply-order/planted.ts',
      "import { commentText } from '../hcl/private/escape';",
      'is private to src/emit/hcl',
    ],
  ])('fails if private/ is imported from outside: %s', (_, at, code, expected) => {
    expect(lint(at, code)).toEqual([expect.stringContaining(expected)]);
  });

  test('fails if an import enters another folder past its index.ts', () => {
    expect(lint('review/planted.ts', "import { compareKeys } from '../model/ir';")).toEqual([
      "'../model/ir' reaches into src/model; import it through the folder's index.ts",
    ]);
  });

  test.each([
    ['a folder imports a lower one through its entry', 'review/planted.ts', "import { compareKeys } from '../model';"],
    ['a heavy part through its own entry', 'cli/cmds/planted.ts', "import { synthCdktf } from '../../emit/cdktf';"],
    ['a file imports private/ of its own folder', 'review/planted.ts', "import { table } from './private/markdown';"],
    ['a private file imports a sibling', 'review/private/planted.ts', "import { lineDiff } from './line-diff';"],
    ['a sub-folder imports a public file of its own top-level folder', 'emit/hcl/planted.ts', "import { encryptionStep } from '../encryption-step';"],
    ['the CLI imports the pipeline', 'cli/cmds/planted.ts', "import { generate } from '../../generate';"],
    ['a package', 'model/planted.ts', "import { parseDocument } from 'yaml';"],
  ])('passes when %s', (_, at, code) => {
    expect(lint(at, code)).toEqual([]);
  });
});
