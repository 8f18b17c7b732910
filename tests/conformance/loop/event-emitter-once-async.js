// events.once returns a promise that resolves with the emitted arguments.
const { EventEmitter, once } = require('events');
const e = new EventEmitter();
(async () => {
  const [a, b] = await once(e, 'ready');
  console.log('ready with', a, b);
})();
setTimeout(() => e.emit('ready', 1, 2), 5);
console.log('listeners waiting:', e.listenerCount('ready'));
