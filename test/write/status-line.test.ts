/** One status line for import and encryption: drawn over itself on a terminal, never elsewhere. */
import { statusLine } from '../../src/write';

test('on a terminal each update replaces the line and done clears it once', () => {
  const written: string[] = [];
  const line = statusLine({ isTTY: true, write: (t) => written.push(t) })!;
  line.update('waiting 1s');
  line.update('waiting 2s');
  line.done();
  line.done();
  expect(written).toEqual(['\r\x1b[Kwaiting 1s', '\r\x1b[Kwaiting 2s', '\r\x1b[K']);
});

test('nothing when the stream is not a terminal (a pipe, a file, a CI log)', () => {
  expect(statusLine({ write: () => undefined })).toBeUndefined();
  expect(statusLine({ isTTY: false, write: () => undefined })).toBeUndefined();
});
