// Emitting 'error' with no listener throws the error; with a listener it is delivered.
const EventEmitter = require('events');
const e = new EventEmitter();
try {
  e.emit('error', new Error('no listener'));
} catch (err) {
  console.log('thrown:', err.message);
}
try {
  e.emit('error', 'not an Error');
} catch (err) {
  console.log('wrapped:', err.code, err instanceof Error);
}
e.on('error', (err) => console.log('listener got:', err.message));
console.log(e.emit('error', new Error('handled')));
