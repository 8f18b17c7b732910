'use strict';
// process.stdout and process.stderr are Writable streams in Node
// (synchronous ones, for files and pipes on Linux). looplab's process
// object starts them as plain objects with a native write(); loading the
// stream library turns them into Writables in place, so
// `readable.pipe(process.stdout)` and 'finish'/'drain' work, while each
// chunk still goes out through the native write at once.

const { Stream } = require('internal/streams/legacy');
const Writable = require('internal/streams/writable');

function upgrade(stdio) {
  if (!stdio || stdio._writableState || typeof stdio.write !== 'function') return;
  const nativeWrite = stdio.write;
  delete stdio.write;
  delete stdio.writable;
  Object.setPrototypeOf(stdio, Writable.prototype);
  Writable.initWritable(stdio, { decodeStrings: false }, false);
  Stream.call(stdio);
  stdio._write = function _write(chunk, encoding, cb) {
    nativeWrite.call(stdio, typeof chunk === 'string' && encoding !== 'utf8' ? Buffer.from(chunk, encoding) : chunk);
    cb();
  };
  // Node never closes the process's stdio: destroy() only marks the stream.
  stdio._destroy = function dummyDestroy(err, cb) {
    cb(err);
  };
  stdio.destroySoon = stdio.destroy;
}

function upgradeStdio() {
  upgrade(process.stdout);
  upgrade(process.stderr);
}

module.exports = { upgradeStdio };
