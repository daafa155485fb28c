#!/usr/bin/env node
/**
 * Keeps import paths in line with ARCHITECTURE.md; safe to run again after merging main (others
 * keep adding imports against old paths):
 *
 * 1. MOVED: every relative import of a module that moved (src/, test/, bench/, main.ts, jest.mock
 *    paths too) is rewritten to its new place.
 * 2. ENTRIES: in src/, an import of another top-level folder's file is rewritten to that folder's
 *    entry (the nearest index.ts above the file), and the entry gains an `export { … } from` for
 *    every name it did not export yet. Names already exported by a different file are reported,
 *    not guessed.
 *
 * Usage: node scripts/rewrite-imports.js [--check]   (--check: change nothing, exit 1 if anything would change)
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { topFolder: srcTopFolder } = require('./eslint/boundaries');

const ROOT = path.resolve(__dirname, '..');
const CHECK = process.argv.includes('--check');
const ENTRIES = !process.argv.includes('--moves-only');

/** Old module (repository-relative, no extension) → new module. */
const MOVED = {
  'src/policy/types': 'src/model/policy-types',
  'src/policy/rules': 'src/model/lint-rules',
  'src/policy/well-architected-rules': 'src/model/well-architected-rules',
  'src/policy/identity-center-rules': 'src/model/identity-center-rules',
  'src/model/resolve': 'src/resolve/resolve',
  'src/model/private/resolve-permission-sets': 'src/resolve/private/resolve-permission-sets',
  'src/model/private/resolve-applications': 'src/resolve/private/resolve-applications',
  'src/model/private/resolve-users': 'src/resolve/private/resolve-users',
  'src/model/private/expand-assignments': 'src/resolve/private/expand-assignments',
  'src/safety/yaml-guard': 'src/model/private/yaml-guard',
  'src/safety/yaml-aliases': 'src/model/private/yaml-aliases',
  'src/safety/yaml-tabs': 'src/model/private/yaml-tabs',
  'src/safety/inside-directory': 'src/model/private/inside-directory',
  'src/safety/interrupted-output': 'src/write/interrupted-output',
  'src/safety/state-orphans': 'src/write/state-orphans',
  'src/review/model-review': 'src/safety/output/model-review',
  'src/safety/model-review': 'src/safety/output/model-review',
  'src/safety/enforce': 'src/safety/output/enforce',
  'src/safety/deletion-protection': 'src/safety/output/deletion-protection',
  'src/safety/key-removal': 'src/safety/output/key-removal',
  'src/safety/review-section': 'src/safety/output/review-section',
};

/** Names that moved without their file: name → [new module, ...modules (or entries) it came from]. */
const MOVED_NAMES = {
  ALIAS: ['src/model/aws-patterns', 'src/policy/catalog/aws'],
  LINT_RULES: ['src/model/policy-lint-rules', 'src/policy/lint', 'src/policy/index'],
  LintRule: ['src/model/policy-lint-rules', 'src/policy/lint', 'src/policy/index'],
  isProduction: ['src/model/production', 'src/review/private/production', 'src/review/index'],
  renderModelReview: ['src/safety/output/index', 'src/review/index', 'src/safety/index'],
  // The key-power analysis loads the AWS managed policy catalogue: its own entry, policy/power.
  ...Object.fromEntries(
    [
      'actionsAllowedByIdentityPolicies',
      'kmsDecision',
      'Decision',
      'IdentityPolicy',
      'KmsRequest',
      'Tri',
      'ContextValue',
      'keyPower',
      'KEY_POWER_LEVELS',
      'KeyPower',
      'KeyPowerLevel',
    ].map((n) => [n, ['src/policy/power/index', 'src/policy/index', 'src/policy/evaluate', 'src/policy/key-power']]),
  ),
  // Rails over the emitted files load @cdktf/hcl2json (0.25 s of CPU): their own entry, safety/output.
  ...Object.fromEntries(
    [
      'enforceModelRails',
      'enforceRails',
      'Allowance',
      'RailsInput',
      'RailsResult',
      'deletionWindowFindings',
      'preventDestroyFindings',
      'KEY_RESOURCE_TYPES',
      'DeletionFinding',
      'renderUnsafeSection',
      'outputFacts',
      'removedKeys',
      'removedKeyMessage',
      'KeyFact',
      'RemovedKey',
    ].map((n) => [
      n,
      [
        'src/safety/output/index',
        'src/safety/index',
        'src/safety/output/enforce',
        'src/safety/output/deletion-protection',
        'src/safety/output/review-section',
        'src/safety/output/key-removal',
      ],
    ]),
  ),
  AccessEntry: ['src/review/private/identity-access', 'src/review/private/key-access'],
  ModuleCallView: ['src/emit/hcl/view-common', 'src/emit/hcl/view-management'],
};

const SPEC = /(\bfrom\s+|\bimport\(\s*|\brequire\(\s*|\bjest\.(?:mock|requireActual|doMock|unmock)\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g;

function listTs(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'golden') out.push(...listTs(p));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
const exists = (mod) => fs.existsSync(path.join(ROOT, `${mod}.ts`));
/** The module a specifier names (repository-relative, no extension), index.ts resolved. */
function resolveSpec(fromFile, spec) {
  const base = rel(path.resolve(path.dirname(path.join(ROOT, fromFile)), spec)).replace(/\.(js|ts)$/, '');
  if (exists(base) || MOVED[base]) return base;
  if (exists(`${base}/index`)) return `${base}/index`;
  return base;
}
const OLD_OF = Object.fromEntries(Object.entries(MOVED).map(([from, to]) => [to, from]));
/** Like resolveSpec, but a moved file's imports not yet fixed are read from where it was. */
function resolveAny(fromFile, spec) {
  const mod = resolveSpec(fromFile, spec);
  if (exists(mod) || MOVED[mod]) return mod;
  const old = OLD_OF[fromFile.replace(/\.ts$/, '')];
  if (old) {
    const before = resolveSpec(`${old}.ts`, spec);
    if (exists(before) || MOVED[before]) return before;
  }
  return mod;
}
function specFor(fromFile, mod) {
  let target = mod.endsWith('/index') ? mod.slice(0, -'/index'.length) : mod;
  let s = path.posix.relative(path.posix.dirname(fromFile), target);
  if (!s.startsWith('.')) s = `./${s}`;
  return s;
}
/** Top-level folder under src/ ('' for src/*.ts and for files outside src/), as the lint rule reads it. */
const topFolder = (mod) => (mod.startsWith('src/') ? srcTopFolder(mod.slice('src/'.length)) : '');
/** The entry of a module's folder: the nearest index below its top-level folder. */
function entryOf(mod) {
  const top = `src/${topFolder(mod)}`;
  for (let dir = path.posix.dirname(mod); dir.startsWith(top); dir = path.posix.dirname(dir)) {
    if (exists(`${dir}/index`)) return `${dir}/index`;
  }
  return undefined;
}

/** Names an import/export clause brings in: [{ name (exported), type }] or undefined (namespace/default). */
function clauseNames(clause) {
  const typeOnly = /^\s*(import|export)\s+type\b/.test(clause);
  const m = /\{([^}]*)\}/.exec(clause);
  if (!m || /\*\s+as\b|^\s*import\s+(type\s+)?[A-Za-z_$][\w$]*\s*(,|from)/.test(clause)) return undefined;
  return m[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const type = typeOnly || s.startsWith('type ');
      const name = s
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]
        .trim();
      return { name, type };
    });
}

const files = [...listTs(path.join(ROOT, 'src')), ...listTs(path.join(ROOT, 'test')), ...listTs(path.join(ROOT, 'bench')), path.join(ROOT, 'main.ts')].map(rel);
let changed = 0;
const problems = [];
const entryNeeds = new Map(); // entry → Map(name → { from: module, type })

function rewriteMovedNames(file, text) {
  // `import { ALIAS, X } from '…/policy/catalog/aws'`: split the moved names into their own import.
  return text.replace(/^(import|export)(\s+type)?\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\4;?/gm, (all, kw, typeKw, list, q, spec) => {
    if (!spec.startsWith('.')) return all;
    const mod = resolveAny(file, spec);
    const items = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const moving = new Map();
    const staying = [];
    for (const it of items) {
      const name = it
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]
        .trim();
      const mv = MOVED_NAMES[name];
      // A name that moved to another entry is only redirected for importers outside that folder.
      const toEntry = mv && mv[0].endsWith('/index');
      if (mv && mv.slice(1).includes(mod) && mv[0] !== file.replace(/\.ts$/, '') && !(toEntry && topFolder(mv[0]) === topFolder(file))) {
        if (!moving.has(mv[0])) moving.set(mv[0], []);
        moving.get(mv[0]).push(it);
      } else staying.push(it);
    }
    if (moving.size === 0) return all;
    const lines = [];
    if (staying.length) lines.push(`${kw}${typeKw ?? ''} { ${staying.join(', ')} } from ${q}${spec}${q};`);
    for (const [to, its] of moving) lines.push(`${kw}${typeKw ?? ''} { ${its.join(', ')} } from ${q}${specFor(file, to)}${q};`);
    return lines.join('\n');
  });
}

for (const file of files) {
  const abs = path.join(ROOT, file);
  const before = fs.readFileSync(abs, 'utf8');
  let text = rewriteMovedNames(file, before);
  text = text.replace(SPEC, (all, lead, q, spec) => {
    const mod = resolveAny(file, spec);
    const target = MOVED[mod] ?? mod;
    return target !== resolveSpec(file, spec) ? `${lead}${q}${specFor(file, target)}${q}` : all;
  });
  if (ENTRIES && file.startsWith('src/')) {
    // Cross-folder imports go through the target folder's entry (static import/export-from only).
    text = text.replace(/^(import|export)(\s+type)?([^;'"]*?)\bfrom\s*(['"])(\.{1,2}\/[^'"]+)\4/gm, (all, kw, typeKw, clause, q, spec) => {
      const mod = resolveSpec(file, spec);
      const from = topFolder(file);
      const to = topFolder(mod);
      if (!to || to === from || mod.endsWith('/index')) return all;
      const entry = entryOf(mod);
      if (!entry) {
        problems.push(`${file}: ${spec}: folder ${to} has no index.ts`);
        return all;
      }
      const names = clauseNames(`${kw}${typeKw ?? ''}${clause}`);
      if (!names) {
        problems.push(`${file}: ${spec}: namespace or default import; rewrite by hand`);
        return all;
      }
      if (!entryNeeds.has(entry)) entryNeeds.set(entry, new Map());
      for (const n of names) {
        const prev = entryNeeds.get(entry).get(n.name);
        if (prev && prev.from !== mod) problems.push(`${entry}: ${n.name} is wanted from ${prev.from} and ${mod}`);
        entryNeeds.get(entry).set(n.name, { from: mod, type: (prev ? prev.type : true) && n.type });
      }
      return `${kw}${typeKw ?? ''}${clause}from ${q}${specFor(file, entry)}${q}`;
    });
    text = mergeEntryImports(file, text);
  }
  if (text !== before) {
    changed++;
    if (CHECK) console.log(`would change ${file}`);
    else fs.writeFileSync(abs, text);
  }
}

/** One import statement per entry: `import type { A }` and `import { b }` of one entry become `import { type A, b }`. */
function mergeEntryImports(file, text) {
  const re = /^import(\s+type)?\s*\{([^}]*)\}\s*from\s*(['"])(\.{1,2}\/[^'"]+)\3;[ \t]*\n/gm;
  const bySpec = new Map();
  for (const m of text.matchAll(re)) {
    const mod = resolveSpec(file, m[4]);
    if (!mod.endsWith('/index') || topFolder(mod) === topFolder(file)) continue;
    if (!bySpec.has(m[4])) bySpec.set(m[4], []);
    bySpec.get(m[4]).push(m);
  }
  let out = text;
  for (const [spec, ms] of bySpec) {
    if (ms.length < 2) continue;
    const items = [];
    for (const m of ms)
      for (const it of m[2]
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean))
        items.push(m[1] && !it.startsWith('type ') ? `type ${it}` : it);
    const allTypes = items.every((it) => it.startsWith('type '));
    const merged = allTypes
      ? `import type { ${items.map((it) => it.slice(5)).join(', ')} } from '${spec}';\n`
      : `import { ${items.join(', ')} } from '${spec}';\n`;
    out = out.replace(ms[0][0], merged);
    for (const m of ms.slice(1)) out = out.replace(m[0], '');
  }
  return out;
}

/** What an entry exports now: name → { from, type }, plus the modules it re-exports whole. */
function entryExports(entry) {
  const text = fs.readFileSync(path.join(ROOT, `${entry}.ts`), 'utf8');
  const names = new Map();
  const star = new Set();
  for (const m of text.matchAll(/^export(\s+type)?\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm)) {
    const from = resolveSpec(entry, m[3]);
    for (const it of m[2]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const parts = it.replace(/^type\s+/, '').split(/\s+as\s+/);
      names.set((parts[1] ?? parts[0]).trim(), { from, type: Boolean(m[1]) || it.startsWith('type ') });
    }
  }
  for (const m of text.matchAll(/^export(\s+type)?\s*\*\s*from\s*['"]([^'"]+)['"]/gm)) star.add(resolveSpec(entry, m[2]));
  return { text, names, star };
}

/** Names a module exports itself (declarations and `export { }` lists), to resolve `export *`. */
function declaredNames(mod) {
  const text = fs.readFileSync(path.join(ROOT, `${mod}.ts`), 'utf8');
  const out = new Set();
  for (const m of text.matchAll(
    /^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:const|let|var|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
  ))
    out.add(m[1]);
  for (const m of text.matchAll(/^export(?:\s+type)?\s*\{([^}]*)\}/gm))
    for (const it of m[1].split(','))
      if (it.trim())
        out.add(
          it
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)
            .pop()
            .trim(),
        );
  return out;
}

for (const [entry, needs] of entryNeeds) {
  const { text, names, star } = entryExports(entry);
  const starNames = new Map();
  for (const s of star) for (const n of declaredNames(s)) starNames.set(n, s);
  const add = new Map(); // module → [{name,type}]
  let upgraded = text;
  for (const [name, need] of needs) {
    const have = names.get(name) ?? (starNames.has(name) ? { from: starNames.get(name), type: false } : undefined);
    if (have) {
      if (have.from !== need.from) problems.push(`${entry}: exports ${name} from ${have.from}, but an import wants it from ${need.from}`);
      else if (have.type && !need.type) upgraded = upgraded.replace(new RegExp(`\\btype\\s+${name}\\b`), name);
      continue;
    }
    if (!add.has(need.from)) add.set(need.from, []);
    add.get(need.from).push({ name, type: need.type });
  }
  if (add.size === 0 && upgraded === text) continue;
  let out = upgraded.endsWith('\n') ? upgraded : `${upgraded}\n`;
  for (const [mod, list] of [...add].sort(([a], [b]) => a.localeCompare(b))) {
    const items = list.sort((a, b) => a.name.localeCompare(b.name)).map((n) => (n.type ? `type ${n.name}` : n.name));
    const spec = specFor(entry, mod);
    // Into the entry's `export { … } from` line for that file when it has one, else a new line.
    const line = new RegExp(`^export \\{([^}]*)\\} from '${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}';$`, 'm');
    if (line.test(out)) out = out.replace(line, (all, names) => `export {${names.trimEnd()}, ${items.join(', ')} } from '${spec}';`);
    else out += `export { ${items.join(', ')} } from '${spec}';\n`;
  }
  changed++;
  if (CHECK) console.log(`would change ${entry}.ts`);
  else fs.writeFileSync(path.join(ROOT, `${entry}.ts`), out);
}

for (const p of problems) console.error(`rewrite-imports: ${p}`);
console.log(`rewrite-imports: ${changed} file(s) ${CHECK ? 'would change' : 'changed'}`);
process.exit(problems.length > 0 || (CHECK && changed > 0) ? 1 : 0);
