// Readable.from -> Transform -> Writable with stream.pipeline.
const { Readable, Transform, Writable, pipeline } = require('stream');
const out = [];
pipeline(
  Readable.from(['a', 'b', 'c']),
  new Transform({
    transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase() + '!'); },
  }),
  new Writable({
    write(chunk, enc, cb) { out.push(chunk.toString()); cb(); },
  }),
  (err) => console.log('pipeline done', err ?? null, out),
);
