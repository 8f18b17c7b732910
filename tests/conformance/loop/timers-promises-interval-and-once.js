const { setInterval: every } = require('timers/promises');
const { once, EventEmitter } = require('events');
const ee = new EventEmitter();
(async () => {
  let n = 0;
  const start = Date.now();
  for await (const startTime of every(10, Date.now())) {
    n++;
    console.log('tick', n, typeof startTime);
    if (n === 2) setTimeout(() => ee.emit('go', 'payload'), 1);
    if (n === 3) break;
  }
  const [v] = await once(ee, 'go');
  console.log('once got', v, ee.listenerCount('go'));
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 5);
  try { await once(ee, 'never', { signal: ac.signal }); } catch (e) { console.log(e.name, ee.listenerCount('never'), ee.listenerCount('error')); }
})();
