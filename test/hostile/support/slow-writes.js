// Fault injection for the signal tests, preloaded into the real CLI with `node -r`: every file
// written into a temporary output tree takes 15 ms longer, so a signal sent as soon as that tree
// appears lands while the tree is still being written. Nothing else changes.
'use strict';
const fs = require('node:fs');
const write = fs.writeFileSync;
const pause = new Int32Array(new SharedArrayBuffer(4));
fs.writeFileSync = function slowWriteFileSync(file, ...rest) {
  if (String(file).includes('.idcgen-new-')) Atomics.wait(pause, 0, 0, 15);
  return write.call(this, file, ...rest);
};
