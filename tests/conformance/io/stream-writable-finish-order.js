// Synchronous write callbacks run on a later tick; end() -> _final ->
// 'prefinish' -> 'finish' -> end callback -> 'close', against ticks and
// promises.
const { Writable } = require('stream');
const log = (s) => console.log(s);
const w = new Writable({
  write(chunk, enc, cb) {
    log('_write ' + chunk);
    cb();
  },
  final(cb) {
    log('_final');
    process.nextTick(cb);
  },
});
w.on('prefinish', () => log('prefinish'));
w.on('finish', () => log('finish'));
w.on('close', () => log('close'));
w.write('1', () => log('cb 1'));
w.write('2', () => log('cb 2'));
w.end(() => log('end callback'));
process.nextTick(() => log('tick'));
Promise.resolve().then(() => log('promise'));
setImmediate(() => log('immediate'));
log('sync end');
