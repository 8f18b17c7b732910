// Transform: each write becomes pushes through _transform; end() runs
// _flush before 'end'. PassThrough forwards unchanged.
const { Transform, PassThrough } = require('stream');
const upper = new Transform({
  transform(chunk, enc, cb) {
    console.log('transform', chunk.toString());
    cb(null, chunk.toString().toUpperCase());
  },
  flush(cb) {
    console.log('flush');
    this.push('!');
    cb(null, '?');
  },
});
upper.on('data', (c) => console.log('data', c.toString()));
upper.on('end', () => console.log('end'));
upper.on('finish', () => console.log('finish'));
upper.on('close', () => console.log('close'));
upper.write('a');
upper.write('b');
upper.end('c');

const objects = new Transform({
  objectMode: true,
  transform(obj, enc, cb) {
    if (obj.skip) return cb();
    this.push({ ...obj, seen: true });
    cb();
  },
});
const pass = new PassThrough({ objectMode: true });
objects.pipe(pass).on('data', (o) => console.log('object', JSON.stringify(o)));
objects.write({ id: 1 });
objects.write({ id: 2, skip: true });
objects.end({ id: 3 });
pass.on('end', () => console.log('pass end'));
