/**
 * Replace files atomically: each content is written beside its file and renamed into place, so a
 * failed or interrupted run never leaves half a file (a model, an import plan, a config fragment).
 * For several files, every temporary file is written before the first rename, so a failure while
 * writing (a full disk) leaves all of them as they were.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomically(file: string, content: string): void {
  writeFilesAtomically([{ file, content }]);
}

export function writeFilesAtomically(files: readonly { readonly file: string; readonly content: string }[]): void {
  const staged: { tmp: string; file: string }[] = [];
  try {
    for (const { file, content } of files) {
      const dir = path.dirname(path.resolve(file));
      fs.mkdirSync(dir, { recursive: true });
      const tmp = path.join(dir, `.${path.basename(file)}.idcgen-${process.pid}`);
      staged.push({ tmp, file });
      fs.writeFileSync(tmp, content);
    }
    while (staged.length > 0) {
      const { tmp, file } = staged[0];
      fs.renameSync(tmp, file);
      staged.shift();
    }
  } finally {
    for (const { tmp } of staged) fs.rmSync(tmp, { force: true });
  }
}
