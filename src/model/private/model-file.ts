/**
 * Reading a model file (the main model or an included one) without trusting what is at its path:
 * only regular files, checked before they are opened (a fifo blocks until a writer comes, a device
 * such as /dev/zero never ends) and again on the open descriptor, never more than the size limit
 * read. The main file also gets the include rule: a symbolic link must not lead out of its
 * directory, so `org.yaml -> /etc/shadow` is never read and its text never reaches a message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS } from '../limits';
import { ModelError } from '../issues';
import { realPathOutside } from './inside-directory';

/** A problem with the file as a whole (no position). */
export function fileError(file: string, message: string): ModelError {
  return new ModelError([{ file, line: 0, col: 0, path: '', message, severity: 'error' }], file);
}

/**
 * What kind of thing is at `file` when it is not a regular file (`a directory`, `a fifo`, …), after
 * following links; undefined for a regular file. Asked before opening: opening a fifo blocks until
 * a writer comes, and a device such as /dev/zero never ends.
 */
export function notRegular(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a fifo (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The main model file gets the checks included files get (checkIncluded): a regular file, and a
 * symbolic link must not lead out of the model's directory, so `org.yaml -> /etc/shadow` is never
 * read (its text would otherwise reach error messages).
 */
export function checkMainFile(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(file, code === 'ENOENT' ? `file not found` : `cannot read file (${code ?? String(e)})`);
  }
  const outside = realPathOutside(path.dirname(file), file);
  if (outside !== undefined) {
    throw fileError(file, `'${file}' leads to ${outside} through a symbolic link, outside the model's directory; name the model file itself`);
  }
  const kind = notRegular(st);
  if (kind === 'a directory') throw fileError(file, `'${file}' is a directory; expected a yaml model file`);
  if (kind !== undefined) throw fileError(file, `'${file}' is ${kind}, not a regular file; expected a yaml model file`);
}

function sizeError(file: string, size: number): ModelError {
  return fileError(file, `file is ${size} bytes; the limit is ${LIMITS.modelFileBytes.max} bytes (${LIMITS.modelFileBytes.why})`);
}

/**
 * The file's bytes, read from one open file: checked again there (a file swapped for a fifo after
 * the checks cannot block, O_NONBLOCK; a file growing past the limit is cut off), and never more
 * than the size limit read.
 */
export function readModelBytes(file: string): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
    const st = fs.fstatSync(fd);
    const kind = notRegular(st);
    if (kind !== undefined) throw fileError(file, `'${file}' is ${kind}, not a regular file; expected a yaml model file`);
    if (st.size > LIMITS.modelFileBytes.max) throw sizeError(file, st.size);
    const buf = Buffer.alloc(Math.min(st.size, LIMITS.modelFileBytes.max) + 1);
    let n = 0;
    while (n < buf.length) {
      const got = fs.readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > LIMITS.modelFileBytes.max) throw sizeError(file, n);
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof ModelError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(file, code === 'ENOENT' ? `file not found` : `cannot read file (${code ?? String(e)})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
