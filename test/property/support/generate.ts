/**
 * The real pipeline on a model from the arbitraries: written as YAML into a scratch directory and
 * run through generate() (src/generate.ts, what `idcgen generate` runs), output read back byte for byte.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { OrgModel } from '../../../src/model/schema';
import { generate } from '../../../src/generate';

/** A scratch directory per test file, removed afterwards. */
export function useWorkdir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `idcgen-${prefix}-`));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('useWorkdir() is read inside a test only');
    return dir;
  };
}

export function writeModel(file: string, model: OrgModel): string {
  fs.writeFileSync(file, stringify(model));
  return file;
}

/** Every file below `dir` as { relative path: content }, read as latin1 so bytes compare exactly. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = fs.readFileSync(p, 'latin1');
    }
  };
  walk(dir);
  return out;
}

/**
 * generate() of `model` into `out`; fails (with the model's YAML in the message, to reproduce by
 * hand) unless it succeeds with nothing but warnings on stderr. Returns the tree.
 */
export async function generateTree(model: string, out: string): Promise<Record<string, string>> {
  fs.rmSync(out, { recursive: true, force: true });
  let stderr = '';
  const fail = (why: string) => new Error(`generate ${why}:\n${stderr}\nmodel:\n${fs.readFileSync(model, 'utf8')}`);
  try {
    await generate(model, { out, stderr: { write: (s: string) => (stderr += s) } });
  } catch (e) {
    throw fail(`threw ${e instanceof Error ? e.message : String(e)}`);
  }
  if (stderr.split('\n').some((l) => l !== '' && !/^\S+: warning: /.test(l))) throw fail('wrote more than warnings');
  const tree = readTree(out);
  fs.rmSync(out, { recursive: true, force: true });
  return tree;
}

/**
 * A tree with the marker's model digest (`.idcgen-output` facts.generatedFrom.model, a sha256 of
 * the model's text, for generate --changed-since) masked: for comparing outputs of two model texts
 * that mean the same (reordered, or only lint settings apart), whose every other byte must match.
 */
export function withoutModelDigest(tree: Record<string, string>): Record<string, string> {
  const marker = tree['.idcgen-output'];
  return marker === undefined ? tree : { ...tree, '.idcgen-output': marker.replace(/"model": "sha256:[0-9a-f]{64}"/, '"model": "…"') };
}
