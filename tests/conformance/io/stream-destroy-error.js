// destroy(err): the destroy callback first, then 'error' and 'close' on a
// later tick; writes after end and after destroy fail with Node's codes.
const { Writable, Readable } = require('stream');
const r = new Readable({
  read() {},
  destroy(err, cb) {
    console.log('_destroy', err.message);
    cb(err);
  },
});
r.on('error', (e) => console.log('error event', e.message));
r.on('close', () => console.log('close event', r.destroyed, r.errored.message));
r.destroy(new Error('stop'));
process.nextTick(() => console.log('tick after destroy'));
console.log('sync after destroy');

const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('error', (e) => console.log('w error', e.code, e.message));
w.end();
w.write('late', (err) => console.log('write cb', err.code));
const d = new Writable({ write(c, e, cb) { cb(); } });
d.destroy();
d.write('x', (err) => console.log('destroyed write cb', err && err.code));
d.on('error', (e) => console.log('d error', e.code));
