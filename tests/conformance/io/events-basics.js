// EventEmitter: on, once, off, emit's return value, listener order and arguments.
const EventEmitter = require('events');
const e = new EventEmitter();
const onData = (x) => console.log('on:', x);
e.on('data', onData);
e.once('data', (x) => console.log('once:', x));
e.prependListener('data', (x) => console.log('prepended:', x));
console.log('emit returned', e.emit('data', 1));
console.log('emit returned', e.emit('data', 2));
e.off('data', onData);
console.log('listeners left', e.listenerCount('data'));
console.log('emit with no listener returned', e.emit('nothing'));
console.log(e.eventNames());
