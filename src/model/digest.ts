/** A model's text as one value: what `generate` records it was generated from (src/incremental). */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * sha256 of the model files: each one's path relative to the main file's directory (the main file
 * itself unnamed: a base copied to another name is the same model), then its bytes.
 */
export function modelDigest(files: readonly string[]): string {
  const hash = createHash('sha256');
  const dir = path.dirname(files[0]);
  for (const [i, f] of files.entries()) {
    const rel = i === 0 ? '' : path.relative(dir, f).split(path.sep).join('/');
    const content = fs.readFileSync(f);
    hash.update(`${rel}\u0000${content.length}\u0000`).update(content);
  }
  return `sha256:${hash.digest('hex')}`;
}
