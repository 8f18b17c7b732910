// EventTarget, Event and CustomEvent globals: listener order and options,
// duplicates, once and signal, cancelation, stopImmediatePropagation,
// subclasses, and an error thrown by a listener (uncaught on the next tick).
const et = new EventTarget();
const seen = [];
function a(e) { seen.push('a:' + e.type + ':' + (e.target === et) + ':' + (this === et)); }
et.addEventListener('ping', a);
et.addEventListener('ping', a);
et.addEventListener('ping', { handleEvent(e) { seen.push('obj'); } });
et.addEventListener('ping', () => seen.push('once'), { once: true });
const ac = new AbortController();
et.addEventListener('ping', () => seen.push('signalled'), { signal: ac.signal });
console.log(et.dispatchEvent(new Event('ping')), seen.join(' '));
ac.abort();
seen.length = 0;
et.dispatchEvent(new Event('ping'));
console.log(seen.join(' '));
const c = new Event('c', { cancelable: true });
et.addEventListener('c', (e) => { e.preventDefault(); e.stopImmediatePropagation(); });
et.addEventListener('c', () => console.log('not reached'));
console.log(et.dispatchEvent(c), c.defaultPrevented, c.eventPhase, c.currentTarget, c.target === et);
const ce = new CustomEvent('hello', { detail: { n: 1 } });
et.addEventListener('hello', (e) => console.log('detail', e.detail, e instanceof Event, e.type));
et.dispatchEvent(ce);
et.addEventListener('boom', () => { throw new Error('listener failed'); });
et.addEventListener('boom', () => console.log('second listener still runs'));
process.on('uncaughtException', (err) => console.log('uncaught:', err.message));
et.dispatchEvent(new Event('boom'));
console.log('after dispatch');
class Door extends EventTarget { open() { this.dispatchEvent(new Event('open')); } }
const d = new Door();
d.addEventListener('open', (e) => console.log('door opened', e.target instanceof Door, String(d)));
d.open();
try { et.dispatchEvent({ type: 'x' }); } catch (e) { console.log(e.code); }
try { new Event(); } catch (e) { console.log(e.code, e.message); }
console.log(typeof Event.NONE, Event.AT_TARGET, String(new Event('x')), Object.keys(new Event('x')));
