// events.on: an async iterator over an emitter's events, with queued events,
// break (which removes the listener) and 'error' rejecting the loop.
const EventEmitter = require('events');
const { on } = EventEmitter;
const ee = new EventEmitter();
async function consume() {
  let seen = 0;
  for await (const [value, extra] of on(ee, 'tick')) {
    console.log('tick', value, extra);
    if (++seen === 3) break;
  }
  console.log('after break, listeners:', ee.listenerCount('tick'), ee.listenerCount('error'));
}
consume().then(() => {
  const other = new EventEmitter();
  (async () => {
    try {
      for await (const [v] of on(other, 'data')) console.log('data', v);
    } catch (e) {
      console.log('loop failed:', e.message);
    }
  })();
  process.nextTick(() => { other.emit('data', 'a'); other.emit('error', new Error('boom')); });
});
ee.emit('tick', 1, 'queued before the loop asked');
setImmediate(() => { ee.emit('tick', 2); ee.emit('tick', 3, 'x'); ee.emit('tick', 4); });
console.log(typeof require('events').on, on === require('events').EventEmitter.on);
