// cork() holds writes until uncork(); with _writev they go out in one
// call. _construct delays every write until its callback.
const { Writable } = require('stream');
const w = new Writable({
  writev(chunks, cb) {
    console.log('writev', chunks.map((c) => c.chunk.toString()));
    cb();
  },
  write(chunk, enc, cb) {
    console.log('write', chunk.toString());
    cb();
  },
});
w.cork();
w.write('a', () => console.log('cb a'));
w.write('b', () => console.log('cb b'));
console.log('corked', w.writableCorked, 'buffered', w.writableLength);
process.nextTick(() => {
  w.uncork();
  w.write('c');
  w.end(() => console.log('ended'));
});
const c = new Writable({
  construct(cb) {
    console.log('construct');
    setImmediate(() => {
      console.log('constructed');
      cb();
    });
  },
  write(chunk, enc, cb) {
    console.log('c write', chunk.toString());
    cb();
  },
});
c.write('early', () => console.log('c cb'));
c.end(() => console.log('c end'));
c.on('close', () => console.log('c close'));
