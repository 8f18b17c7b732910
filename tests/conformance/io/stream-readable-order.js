// When 'data', 'end' and 'close' of a Readable fire relative to
// process.nextTick and promise callbacks.
const { Readable } = require('stream');
const log = (s) => console.log(s);
const r = new Readable({
  read() {
    log('_read');
    this.push('a');
    this.push('b');
    this.push(null);
  },
});
r.on('data', (c) => log('data ' + c));
r.on('end', () => log('end'));
r.on('close', () => log('close'));
process.nextTick(() => log('tick after on(data)'));
Promise.resolve().then(() => log('promise after on(data)'));
log('sync end');
