// push() from a later callback goes straight to 'data'; push() inside
// _read is buffered first.
const { Readable } = require('stream');
let n = 0;
const r = new Readable({
  highWaterMark: 4,
  read(size) {
    console.log('_read', size, 'length', this.readableLength);
    if (n >= 3) return this.push(null);
    const i = n++;
    setTimeout(() => {
      console.log('push', i, '->', this.push('chunk' + i));
    }, 1);
  },
});
r.on('data', (c) => console.log('data', c.toString(), 'flowing', r.readableFlowing));
r.on('end', () => console.log('end'));
r.on('close', () => console.log('close', r.destroyed));
