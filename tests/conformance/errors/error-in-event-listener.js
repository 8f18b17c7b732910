// An error thrown in an event listener propagates out of emit().
const EventEmitter = require('events');
const bus = new EventEmitter();
bus.on('job', (n) => {
  if (n > 1) throw new Error(`job ${n} failed`);
  console.log('job', n, 'ok');
});
bus.emit('job', 1);
bus.emit('job', 2);
