// write() returns false once highWaterMark bytes are buffered; 'drain'
// fires when the buffer empties, before the last write's callback.
const { Writable } = require('stream');
const w = new Writable({
  highWaterMark: 10,
  write(chunk, enc, cb) {
    console.log('_write', chunk.toString());
    setTimeout(cb, 2);
  },
});
w.on('drain', () => console.log('drain, length', w.writableLength, 'needDrain', w.writableNeedDrain));
for (let i = 0; i < 4; i++) {
  const ok = w.write('abcd' + i, () => console.log('cb', i));
  console.log('write', i, ok, 'length', w.writableLength);
}
w.end('z', () => console.log('end cb'));
w.on('finish', () => console.log('finish'));
w.on('close', () => console.log('close'));
