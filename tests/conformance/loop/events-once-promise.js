// events.once: the promise of the next event, its place among ticks and
// promise jobs, rejection by an 'error' event and by an AbortSignal, and
// once() on an EventTarget.
const { EventEmitter, once } = require('events');

async function main() {
  const ee = new EventEmitter();
  const order = [];
  const waiting = once(ee, 'ready').then(([a, b]) => order.push(`ready ${a} ${b}`));
  ee.emit('ready', 1, 2);
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('promise 1')).then(() => order.push('promise 2'))
    .then(() => order.push('promise 3')).then(() => order.push('promise 4'));
  await waiting;
  await new Promise((r) => setImmediate(r));
  console.log(order.join(', '));
  console.log('listeners left:', ee.listenerCount('ready'), ee.listenerCount('error'));

  setTimeout(() => ee.emit('error', new Error('went wrong')), 1);
  try { await once(ee, 'done'); } catch (e) { console.log('rejected:', e.message, ee.listenerCount('done')); }

  const ac = new AbortController();
  setTimeout(() => ac.abort(), 1);
  try { await once(ee, 'never', { signal: ac.signal }); } catch (e) { console.log(e.name, e.code, ee.listenerCount('never')); }
  try { await once(ee, 'x', { signal: AbortSignal.abort('why') }); } catch (e) { console.log('pre-aborted:', e.name, e.cause); }

  const target = new EventTarget();
  setTimeout(() => target.dispatchEvent(new Event('go')), 1);
  const [event] = await once(target, 'go');
  console.log('EventTarget event:', event.type, event instanceof Event);

  const [err] = await Promise.all([once(ee, 'error'), Promise.resolve().then(() => ee.emit('error', new Error('as value')))]);
  console.log('once(error) resolves with:', err[0].message);
}
main();
