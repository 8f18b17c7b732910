// Listeners receive `this` = the emitter (not for arrows); subclassing EventEmitter.
const EventEmitter = require('events');
class Door extends EventEmitter {
  open() { this.emit('open', 'front'); return this; }
}
const d = new Door();
d.on('open', function (which) { console.log('regular fn this is door:', this === d, which); });
d.on('open', (which) => console.log('arrow this is door:', this === d, which));
d.open();
d.on('newListener', (name) => console.log('adding listener for', name));
d.on('close', () => {});
console.log(d.listenerCount('open'), d.getMaxListeners());
