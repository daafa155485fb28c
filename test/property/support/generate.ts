/**
 * The real pipeline on a model from the arbitraries: written as YAML into a scratch directory and
 * run through `idcgen generate` in-process, output read back byte for byte.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { OrgModel } from '../../../src/model/schema';
import { runCli } from '../../support/cli';

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
 * `idcgen generate <model> --out <out>`; fails (with the model's YAML in the message, to
 * reproduce by hand) unless it exits 0 with nothing but warnings on stderr. Returns the tree.
 */
export async function generateTree(model: string, out: string): Promise<Record<string, string>> {
  fs.rmSync(out, { recursive: true, force: true });
  const res = await runCli(['generate', model, '--out', out]);
  const errors = res.stderr.split('\n').filter((l) => l !== '' && !/^\S+: warning: /.test(l));
  if (res.code !== 0 || errors.length > 0) {
    throw new Error(`generate exited ${res.code}:\n${res.stderr}\nmodel:\n${fs.readFileSync(model, 'utf8')}`);
  }
  const tree = readTree(out);
  fs.rmSync(out, { recursive: true, force: true });
  return tree;
}
