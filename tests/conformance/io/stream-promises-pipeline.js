// stream/promises: pipeline with an async generator stage, and finished().
const { pipeline, finished } = require('stream/promises');
const { Readable, Writable } = require('stream');
(async () => {
  const chunks = [];
  await pipeline(
    Readable.from(['one', 'two', 'three']),
    async function* (source) {
      for await (const s of source) yield s.length + ':' + s;
    },
    new Writable({
      objectMode: true,
      write(c, e, cb) {
        chunks.push(c);
        cb();
      },
    }),
  );
  console.log('pipeline resolved', chunks);
  const r = Readable.from(['x']);
  r.resume();
  await finished(r);
  console.log('finished resolved', r.readableEnded);
  try {
    await pipeline(Readable.from(['a']), new Writable({ write(c, e, cb) { cb(new Error('sink failed')); } }));
  } catch (e) {
    console.log('pipeline rejected', e.message);
  }
})();
