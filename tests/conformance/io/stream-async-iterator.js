// for await over a Readable; breaking out early destroys the stream.
const { Readable } = require('stream');
(async () => {
  const r = Readable.from(['a', 'b', 'c']);
  for await (const chunk of r) console.log('chunk', chunk);
  console.log('done, destroyed', r.destroyed);

  let i = 0;
  const endless = new Readable({
    objectMode: true,
    read() {
      this.push(i++);
    },
  });
  endless.on('close', () => console.log('endless closed'));
  for await (const n of endless) {
    console.log('n', n);
    if (n === 2) break;
  }
  console.log('after break, destroyed', endless.destroyed);
  await new Promise((r) => setImmediate(r));

  const failing = new Readable({
    read() {
      this.destroy(new Error('boom'));
    },
  });
  try {
    for await (const c of failing) console.log('never', c);
  } catch (e) {
    console.log('caught', e.message);
  }
})();
