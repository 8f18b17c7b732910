// One loop iteration: timers, then (poll), check (immediates), close callbacks.
const { EventEmitter } = require('events');
setTimeout(() => {
  console.log('timers phase');
  setImmediate(() => console.log('check phase'));
  const e = new EventEmitter();
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise'));
  e.on('x', () => console.log('emit is synchronous'));
  e.emit('x');
}, 0);
