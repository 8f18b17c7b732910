// EventEmitter.emit calls listeners synchronously, unlike timers or promises.
const EventEmitter = require('events');
const e = new EventEmitter();
e.on('data', (x) => console.log('listener 1', x));
e.on('data', (x) => console.log('listener 2', x));
console.log('before emit');
e.emit('data', 42);
console.log('after emit');
e.on('later', () => process.nextTick(() => console.log('deferred work from listener')));
e.emit('later');
console.log('end of script');
