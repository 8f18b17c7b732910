const { EventEmitter, errorMonitor, captureRejectionSymbol } = require('events');
const c = new EventEmitter({ captureRejections: true });
c.on('ev', async (x) => { console.log('listener', x); throw new Error('async fail'); });
c.on('ev', () => Promise.resolve('fine'));
c.on(errorMonitor, (err) => console.log('monitor', err.message));
c.on('error', (err) => console.log('captured', err.message));
c.emit('ev', 1);
process.nextTick(() => console.log('tick after emit'));
Promise.resolve().then(() => console.log('micro after emit'));
class Custom extends EventEmitter {
  constructor() { super({ captureRejections: true }); }
  [captureRejectionSymbol](err, event, ...args) { console.log('custom handler', err.message, event, args); }
}
const d = new Custom();
d.on('go', async (a, b) => { await null; throw new Error('later'); });
d.emit('go', 'A', 'B');
const plain = new EventEmitter();
plain.on('x', async () => { throw new Error('not captured'); });
process.on('unhandledRejection', (r) => console.log('unhandledRejection', r.message));
plain.emit('x');
EventEmitter.captureRejections = true;
const e3 = new EventEmitter();
e3.on('y', async () => { throw new Error('global capture'); });
e3.on('error', (e) => console.log('e3 error', e.message));
e3.emit('y');
console.log('sync end');
