// pipeline: an error in one stage destroys every stream and reaches the
// callback once; finished() reports premature close.
const { Readable, Transform, Writable, pipeline, finished } = require('stream');
const src = Readable.from(['1', '2', '3']);
const t = new Transform({
  transform(chunk, enc, cb) {
    if (chunk.toString() === '2') return cb(new Error('bad chunk'));
    cb(null, chunk);
  },
});
const out = new Writable({
  write(chunk, enc, cb) {
    console.log('wrote', chunk.toString());
    cb();
  },
});
for (const [name, s] of [['src', src], ['t', t], ['out', out]]) s.on('close', () => console.log(name, 'close'));
pipeline(src, t, out, (err) => {
  console.log('callback', err.message);
  console.log('destroyed', src.destroyed, t.destroyed, out.destroyed);
});

const early = new Readable({ read() {} });
finished(early, (err) => console.log('finished:', err.code, err.message));
early.destroy();
