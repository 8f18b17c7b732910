// A MessageChannel inside one thread: messages arrive in the poll phase,
// port by port, after timers and before immediates; close() closes both ends.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port1.on('message', (m) => console.log('port1 got', m));
port2.on('message', (m) => {
  console.log('port2 got', m);
  if (m === 2) port2.close();
});
port1.on('close', () => console.log('port1 close'));
port2.on('close', () => console.log('port2 close'));
port1.postMessage(1);
port1.postMessage(2);
port2.postMessage('x');
setImmediate(() => console.log('immediate'));
Promise.resolve().then(() => console.log('microtask'));
process.nextTick(() => console.log('nextTick'));
process.on('exit', () => console.log('exit'));
console.log('sync end');
