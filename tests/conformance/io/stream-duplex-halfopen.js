// A Duplex has two independent sides; with allowHalfOpen: false the end of
// the readable side ends the writable side.
const { Duplex } = require('stream');
function make(allowHalfOpen) {
  const written = [];
  const d = new Duplex({
    allowHalfOpen,
    read() {
      this.push('out');
      this.push(null);
    },
    write(chunk, enc, cb) {
      written.push(chunk.toString());
      cb();
    },
  });
  const tag = 'halfOpen=' + allowHalfOpen;
  d.on('data', (c) => console.log(tag, 'data', c.toString()));
  d.on('end', () => console.log(tag, 'end, writable', d.writable));
  d.on('finish', () => console.log(tag, 'finish', written));
  d.on('close', () => console.log(tag, 'close'));
  d.write('in');
  return d;
}
const a = make(true);
make(false);
setTimeout(() => {
  console.log('ending the half-open one');
  a.end();
}, 10);
console.log(a instanceof Duplex, a instanceof require('stream').Writable, a instanceof require('stream').Readable);
