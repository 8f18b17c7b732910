const EventEmitter = require('events');
const e = new EventEmitter();
e.on('x', () => console.log('on 1'));
e.prependListener('x', () => console.log('prepended'));
e.once('x', () => console.log('once'));
e.prependOnceListener('x', () => console.log('prepended once'));
e.on('newListener', (n) => console.log('newListener', n));
e.on('x', function () { console.log('on 2', this === e); });
e.emit('x'); e.emit('x');
console.log(e.listenerCount('x'), e.eventNames());
e.on('removeListener', (n) => console.log('removed', n));
e.removeAllListeners('x');
try { e.emit('error', new Error('unhandled ee')); } catch (err) { console.log('thrown', err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log('thrown2', err.message); }
const { once } = require('events');
(async () => {
  setTimeout(() => e.emit('ready', 1, 2), 5);
  const args = await once(e, 'ready');
  console.log('once resolved', args);
  setTimeout(() => e.emit('error', new Error('bad')), 5);
  try { await once(e, 'never'); } catch (err) { console.log('once rejected', err.message); }
})();
const c = new EventEmitter({ captureRejections: true });
c.on('ev', async () => { throw new Error('async fail'); });
c.on('error', (err) => console.log('captured', err.message));
c.emit('ev');
const et = new EventTarget();
et.addEventListener('foo', (ev) => console.log('et', ev.type, ev instanceof Event), { once: true });
et.dispatchEvent(new Event('foo')); et.dispatchEvent(new Event('foo'));
console.log('sync end');
