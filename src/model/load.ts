/**
 * Load org.yaml (and the files it includes) keeping every node's position.
 *
 * Included files hold list sections only (accounts, groups, users, permissionSets, assignments,
 * keys, applications); their items are appended to the main file's lists. `locate()` maps a path
 * in the merged model back to the file and line:col the value came from, so errors name the right
 * file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document, isMap, isScalar, isSeq, LineCounter, visit, type Node, type Pair } from 'yaml';
import { LIMITS } from './limits';
import { formatPath, type Issue, ModelError } from './issues';
import { fileIdentity, realPathOutside } from './private/inside-directory';
import { aliasExpansionExcess } from './private/yaml-aliases';
import { checkMainFile, fileError, notRegular, readModelBytes } from './private/model-file';
import { parseGuarded, type YamlBudget } from './private/yaml-guard';
import { indentationTabAtFirstError } from './private/yaml-tabs';

export type ModelPath = readonly (string | number)[];

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Sections an included file may contribute. */
export const LIST_SECTIONS = ['accounts', 'groups', 'users', 'permissionSets', 'assignments', 'keys', 'applications'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];

interface SourceFile {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** Where item `i` of a merged list came from. */
interface Origin {
  readonly source: SourceFile;
  readonly index: number;
}

export interface LoadedModel {
  /** The main model file as the user named it. */
  readonly file: string;
  /** Every file read, main first, as the user would name them. */
  readonly files: readonly string[];
  /** Merged plain data (unvalidated). */
  readonly data: unknown;
  /** Position of a value (or, with `key`, of the key naming it) in the merged model. */
  locate(p: ModelPath, opts?: { key?: boolean }): Position;
  /** An error issue at a model path. */
  issue(p: ModelPath, message: string, opts?: { key?: boolean; rule?: string }): Issue;
  /** The YAML node of a value as written (not through aliases), for checks of how it was written; undefined when absent. */
  node(p: ModelPath): Node | undefined;
}

/** Read and parse a model; throws ModelError with positioned issues on any syntax problem. */
export function loadModel(file: string): LoadedModel {
  checkMainFile(file);
  const budget: YamlBudget = { maxLevels: LIMITS.yamlNestingLevels.max, maxNodes: LIMITS.yamlNodes.max, nodes: 0 };
  const main = readSource(file, file, budget);
  const sources: SourceFile[] = [main];
  const origins = new Map<ListSection, Origin[]>();
  const data = toPlain(main);
  for (const section of LIST_SECTIONS) {
    const list = data[section];
    if (Array.isArray(list))
      origins.set(
        section,
        list.map((_, index) => ({ source: main, index })),
      );
  }

  const includes = data.include;
  if (Array.isArray(includes)) {
    const seen = new Set([fileIdentity(file)]);
    includes.forEach((inc, i) => {
      for (const incFile of checkIncluded(main, inc, i, expandInclude(main, inc, i))) {
        const abs = fileIdentity(incFile);
        if (seen.has(abs)) {
          throw new ModelError(
            [issueAt(main, ['include', i], `include '${inc}' is included twice or includes the main model; each file may be included once`)],
            file,
          );
        }
        seen.add(abs);
        const src = readSource(incFile, file, budget);
        sources.push(src);
        mergeInclude(data, src, origins);
      }
    });
  }

  /** The file a path's value was read from, and the path within that file. */
  const origin = (p: ModelPath): [SourceFile, ModelPath] => {
    const [section, index, ...rest] = p;
    const originList = typeof section === 'string' ? origins.get(section as ListSection) : undefined;
    if (originList && typeof index === 'number' && originList[index]) {
      const o = originList[index];
      return [o.source, [section as string, o.index, ...rest]];
    }
    return [main, p];
  };
  const locate = (p: ModelPath, opts?: { key?: boolean }): Position => positionOf(...origin(p), opts?.key ?? false);

  return {
    file,
    files: sources.map((s) => s.file),
    data,
    locate,
    node: (p) => {
      const [src, within] = origin(p);
      const n = src.doc.getIn(within, true);
      return n !== null && typeof n === 'object' ? (n as Node) : undefined;
    },
    issue: (p, message, opts) => {
      const pos = locate(p, opts);
      return { ...pos, path: formatPath(p), message, severity: 'error', rule: opts?.rule };
    },
  };
}

function readSource(file: string, reportAs: string, budget: YamlBudget): SourceFile {
  const buf = readModelBytes(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw fileError(file, 'file is not valid utf-8 text; save it as utf-8');
  }
  const lines = new LineCounter();
  const doc = parseGuarded(text, lines, budget);
  if (!(doc instanceof Document)) {
    const message =
      doc.kind === 'nesting'
        ? `yaml nesting is more than ${LIMITS.yamlNestingLevels.max} levels deep; allowed at most ${LIMITS.yamlNestingLevels.max} (${LIMITS.yamlNestingLevels.why})`
        : `yaml has more than ${LIMITS.yamlNodes.max} nodes; allowed at most ${LIMITS.yamlNodes.max} in a model with its includes (${LIMITS.yamlNodes.why})`;
    throw new ModelError([{ file, line: doc.line, col: doc.col, path: '', message, severity: 'error' }], file);
  }
  const src: SourceFile = { file, doc, lines };
  if (doc.errors.length > 0) {
    const tab = indentationTabAtFirstError(
      text,
      doc.errors.map((err) => err.pos[0]),
    );
    if (tab !== undefined) {
      const pos = lines.linePos(tab);
      throw new ModelError(
        [{ file, line: pos.line, col: pos.col, path: '', message: yamlMessage('TAB_AS_INDENT', ''), severity: 'error' }],
        reportAs === file ? file : reportAs,
      );
    }
    const issues = doc.errors.map((err): Issue => {
      const pos = lines.linePos(err.pos[0]);
      return { file, line: pos.line, col: pos.col, path: '', message: yamlMessage(err.code, err.message), severity: 'error' };
    });
    throw new ModelError(issues, reportAs === file ? file : reportAs);
  }
  if (doc.contents === null) throw fileError(file, 'file is empty; expected a mapping with version: 1');
  if (!isMap(doc.contents)) {
    const pos = lines.linePos(doc.contents.range?.[0] ?? 0);
    throw new ModelError(
      [
        {
          file,
          line: pos.line,
          col: pos.col,
          path: '',
          message: `the document root is a ${nodeKind(doc.contents)}; expected a mapping with version: 1`,
          severity: 'error',
        },
      ],
      file,
    );
  }
  return src;
}

/**
 * Plain data of a parsed file. Alias bombs (billion laughs) and aliases that bring in too many
 * nodes (src/model/private/yaml-aliases.ts) become a positioned issue, not a crash or gigabytes later on.
 */
function toPlain(src: SourceFile): Record<string, unknown> {
  let data: Record<string, unknown>;
  try {
    data = src.doc.toJS({ maxAliasCount: LIMITS.yamlAliasCount.max }) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    let first = 0;
    visit(src.doc, { Alias: (_k, node) => ((first = node.range?.[0] ?? 0), visit.BREAK) });
    const message = `yaml aliases expand to too many nodes (more than ${LIMITS.yamlAliasCount.max} alias expansions, ${LIMITS.yamlAliasCount.why}); write the values out instead of nesting aliases`;
    throw aliasError(src, first, message);
  }
  const excess = aliasExpansionExcess(src.doc, LIMITS.yamlAliasNodes.max);
  if (excess !== undefined) {
    const message = `yaml aliases bring in more than ${LIMITS.yamlAliasNodes.max} nodes at this alias; allowed at most ${LIMITS.yamlAliasNodes.max} (${LIMITS.yamlAliasNodes.why}); write the values out or anchor smaller values`;
    throw aliasError(src, excess, message);
  }
  return data;
}

function aliasError(src: SourceFile, offset: number, message: string): ModelError {
  const pos = src.lines.linePos(offset);
  return new ModelError([{ file: src.file, line: pos.line, col: pos.col, path: '', message, severity: 'error' }], src.file);
}

function yamlMessage(code: string, message: string): string {
  if (/call stack/i.test(message)) return `yaml nesting is too deep to read; models need only a few levels of nesting`;
  if (code === 'DUPLICATE_KEY') return 'duplicate yaml key; each key may appear once in a mapping';
  if (code === 'TAB_AS_INDENT') return 'tab used for indentation; yaml allows spaces only';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  return `yaml syntax error: ${first.charAt(0).toLowerCase()}${first.slice(1).replace(/\.$/, '')}`;
}

function nodeKind(n: unknown): string {
  if (isSeq(n)) return 'list';
  if (isScalar(n)) return `scalar (${JSON.stringify(n.value)})`;
  return 'value of another kind';
}

function issueAt(src: SourceFile, p: ModelPath, message: string): Issue {
  const pos = positionOf(src, p, false);
  return { ...pos, path: formatPath(p), message, severity: 'error' };
}

/** Included paths: files, or directories (every *.yaml / *.yml directly inside, sorted). */
function expandInclude(main: SourceFile, inc: unknown, i: number): string[] {
  if (typeof inc !== 'string' || inc === '') {
    throw new ModelError([issueAt(main, ['include', i], `include entry must be a non-empty path, found ${JSON.stringify(inc)}`)], main.file);
  }
  const baseDir = path.dirname(main.file);
  const target = path.join(baseDir, inc);
  const rel = path.relative(path.resolve(baseDir), path.resolve(target));
  if (path.isAbsolute(inc) || rel.startsWith('..')) {
    throw new ModelError(
      [issueAt(main, ['include', i], `include '${inc}' is outside the model's directory; includes must stay below ${baseDir === '' ? '.' : baseDir}`)],
      main.file,
    );
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    return fs
      .readdirSync(target)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(target, f))
      .filter((f) => path.resolve(f) !== path.resolve(main.file));
  }
  if (!fs.existsSync(target)) {
    throw new ModelError([issueAt(main, ['include', i], `include '${inc}' not found (looked for ${target})`)], main.file);
  }
  return [target];
}

/** Included files after following links: still below the model's directory, and regular files. */
function checkIncluded(main: SourceFile, inc: unknown, i: number, files: string[]): string[] {
  const baseDir = path.dirname(main.file);
  for (const f of files) {
    const outside = realPathOutside(baseDir, f);
    if (outside !== undefined) {
      throw new ModelError(
        [
          issueAt(
            main,
            ['include', i],
            `include '${inc}' leads to ${outside} through a symbolic link, outside the model's directory; includes must stay below ${baseDir}`,
          ),
        ],
        main.file,
      );
    }
    if (notRegular(fs.statSync(f)) !== undefined) {
      throw new ModelError(
        [issueAt(main, ['include', i], `include '${inc}' is not a regular file (${f}); include yaml files or directories of them`)],
        main.file,
      );
    }
  }
  return files;
}

function mergeInclude(data: Record<string, unknown>, src: SourceFile, origins: Map<ListSection, Origin[]>): void {
  const inc = toPlain(src);
  for (const [k, v] of Object.entries(inc)) {
    const section = k as ListSection;
    if (!LIST_SECTIONS.includes(section)) {
      throw new ModelError([issueAt(src, [k], `included files may hold only ${LIST_SECTIONS.join(', ')}; found '${k}'`)], src.file);
    }
    if (!Array.isArray(v)) {
      throw new ModelError([issueAt(src, [k], `'${k}' must be a list, found ${typeof v}`)], src.file);
    }
    const target = (data[section] ??= []) as unknown[];
    if (!Array.isArray(target)) continue; // the main file's own shape error is reported by the schema
    const list = origins.get(section) ?? [];
    v.forEach((item, index) => {
      target.push(item);
      list.push({ source: src, index });
    });
    origins.set(section, list);
  }
}

/** Position of the node at `p`, or of its nearest existing ancestor. */
function positionOf(src: SourceFile, p: ModelPath, key: boolean): Position {
  let node: unknown = src.doc.contents;
  let keyNode: Node | undefined;
  let best: Node | undefined = node as Node;
  for (const seg of p) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((it: Pair) => (isScalar(it.key) ? String(it.key.value) : undefined) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      break;
    }
    if (node && (node as Node).range) best = node as Node;
    else if (keyNode) best = keyNode;
    else break;
  }
  const target = key && keyNode ? keyNode : best;
  const offset = target?.range?.[0] ?? 0;
  const pos = src.lines.linePos(offset);
  return { file: src.file, line: pos.line, col: pos.col };
}
