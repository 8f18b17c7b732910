// pipe() pauses the source while the destination needs a 'drain', then
// resumes it: the reader never gets more than highWaterMark ahead.
const { Readable, Writable } = require('stream');
let produced = 0;
const src = new Readable({
  highWaterMark: 8,
  read() {
    if (produced >= 6) return this.push(null);
    produced++;
    this.push('chunk' + produced);
  },
});
const dst = new Writable({
  highWaterMark: 12,
  write(chunk, enc, cb) {
    console.log('write', chunk.toString(), 'produced', produced, 'buffered', dst.writableLength);
    setTimeout(cb, 1);
  },
});
src.on('pause', () => console.log('src pause'));
src.on('resume', () => console.log('src resume'));
dst.on('drain', () => console.log('dst drain'));
dst.on('pipe', (s) => console.log('pipe event', s === src));
dst.on('unpipe', () => console.log('unpipe event'));
dst.on('finish', () => console.log('finish'));
src.pipe(dst);
