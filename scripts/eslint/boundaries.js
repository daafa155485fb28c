/**
 * idcgen/boundaries: the folder rules of ARCHITECTURE.md, checked on every relative import in src/.
 *
 * 1. Layers are a line: a folder imports only folders below it in LAYERS (so the folder graph is
 *    acyclic by construction).
 * 2. `private/` is private: only files under the folder that holds a `private/` import from it.
 * 3. Entries: an import into another top-level folder names an `index.ts` (the folder's, or a
 *    sub-folder's for a heavy part: emit/cdktf, policy/power, safety/output).
 *
 * Type-only imports count too: a type cycle is still a cycle for a reader.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Bottom to top. '' is src/*.ts (the pipeline: pipeline.ts, generate.ts, library.ts, index.ts). */
const LAYERS = [
  'model',
  'policy',
  'resolve',
  'review',
  'emit',
  'write',
  'safety',
  'aws',
  'import',
  'permissions',
  'profiles',
  'sync',
  'incremental',
  '',
  'cli',
];

const SRC = path.resolve(__dirname, '..', '..', 'src');

/** The module a relative specifier names: `{ file, isIndex }`, or undefined when it is not a .ts file of src/. */
function resolveImport(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec).replace(/\.(js|ts)$/, '');
  if (fs.existsSync(`${base}.ts`)) return { file: `${base}.ts`, isIndex: path.basename(base) === 'index' };
  if (fs.existsSync(path.join(base, 'index.ts'))) return { file: path.join(base, 'index.ts'), isIndex: true };
  return undefined;
}

/** src-relative path with forward slashes, or undefined outside src/. */
function inSrc(file) {
  const rel = path.relative(SRC, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
}

/** Top-level folder of a src-relative path ('' for src/*.ts). */
const topFolder = (rel) => (rel.includes('/') ? rel.split('/')[0] : '');
const layerName = (top) => (top === '' ? 'src/*.ts' : `src/${top}`);

/** Every problem with one import, as messages (pure: used by the rule and by test/architecture). */
function importProblems(fromFile, spec) {
  const from = inSrc(fromFile);
  if (!from || !spec.startsWith('.')) return [];
  const target = resolveImport(fromFile, spec);
  if (!target) return [];
  const to = inSrc(target.file);
  if (!to) return [`'${spec}' leaves src/`];
  const problems = [];
  const [a, b] = [topFolder(from), topFolder(to)];
  const [la, lb] = [LAYERS.indexOf(a), LAYERS.indexOf(b)];
  if (la < 0) problems.push(`folder ${layerName(a)} has no layer; add it to LAYERS (scripts/eslint/boundaries.js) and ARCHITECTURE.md`);
  else if (lb < 0) problems.push(`folder ${layerName(b)} has no layer; add it to LAYERS (scripts/eslint/boundaries.js) and ARCHITECTURE.md`);
  else if (lb > la)
    problems.push(
      `${layerName(a)} may not import ${layerName(b)}: layers run ${LAYERS.map(layerName).join(' → ')}, each importing only those before it (ARCHITECTURE.md)`,
    );
  const privateAt = to.split('/').indexOf('private');
  if (privateAt >= 0) {
    const owner = to.split('/').slice(0, privateAt).join('/');
    if (!from.startsWith(`${owner}/`)) problems.push(`'${spec}' is private to src/${owner}; import it through src/${owner}/index.ts`);
  }
  if (a !== b && b !== '' && !target.isIndex && privateAt < 0) {
    problems.push(`'${spec}' reaches into src/${b}; import it through the folder's index.ts`);
  }
  return problems;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'folder layers, private/ folders and entries of ARCHITECTURE.md' }, schema: [] },
  create(context) {
    const file = context.filename;
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      for (const message of importProblems(file, source.value)) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
      TSImportType: (n) => check(n, n.source ?? (n.argument && n.argument.type === 'TSLiteralType' ? n.argument.literal : n.argument)),
      TSImportEqualsDeclaration: (n) => n.moduleReference.type === 'TSExternalModuleReference' && check(n, n.moduleReference.expression),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0] && n.arguments[0].type === 'Literal') check(n, n.arguments[0]);
      },
    };
  },
};

module.exports = { LAYERS, SRC, importProblems, resolveImport, topFolder, plugin: { meta: { name: 'idcgen' }, rules: { boundaries: rule } } };
