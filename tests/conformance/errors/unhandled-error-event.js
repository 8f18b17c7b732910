// Emitting 'error' with no listener throws it as an uncaught exception.
const EventEmitter = require('events');
const e = new EventEmitter();
setImmediate(() => {
  e.emit('error', new Error('nobody listens'));
});
