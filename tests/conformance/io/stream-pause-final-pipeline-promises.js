const { Readable, Writable, pipeline, finished } = require('stream');
const { pipeline: pp } = require('stream/promises');
const r = new Readable({ read() {} });
r.on('end', () => console.log('end'));
r.on('close', () => console.log('close'));
r.on('pause', () => console.log('pause'));
r.on('resume', () => console.log('resume'));
r.on('data', (d) => { console.log('data', String(d)); if (String(d) === 'b') { r.pause(); setImmediate(() => r.resume()); } });
r.push('a'); r.push('b'); r.push('c'); r.push(null);
const w = new Writable({ write(c, e, cb) { console.log('w', String(c)); process.nextTick(cb); }, final(cb) { console.log('final'); setImmediate(cb); } });
w.on('finish', () => console.log('finish'));
w.on('close', () => console.log('w close'));
w.on('prefinish', () => console.log('prefinish'));
finished(w, (err) => console.log('finished cb', err));
w.write('x'); w.end('y');
(async () => {
  await pp(Readable.from(['1', '2']), async function* (src) { for await (const c of src) yield c + '!'; }, new Writable({ write(c, e, cb) { console.log('pp write', String(c)); cb(); } }));
  console.log('pp done');
  try {
    await pp(Readable.from(['q']), async function* (src) { for await (const c of src) throw new Error('transform fail'); }, new Writable({ write(c, e, cb) { cb(); } }));
  } catch (e) { console.log('pp error', e.message); }
})();
