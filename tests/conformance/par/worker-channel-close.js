// Closing MessagePorts: ports closed in one iteration emit 'close' last
// closed first (libuv's closing handles); a started peer learns of the
// close in the next iteration's poll phase and emits its own 'close' then;
// a peer nobody started never reports it.
const { MessageChannel } = require('worker_threads');
const a = new MessageChannel();
const b = new MessageChannel();
const c = new MessageChannel();
for (const [name, port] of [['a1', a.port1], ['a2', a.port2], ['b1', b.port1], ['b2', b.port2], ['c1', c.port1]]) {
  port.on('close', () => {
    console.log(name, 'close');
    process.nextTick(() => console.log('  tick after', name));
    setImmediate(() => console.log('  immediate after', name));
  });
}
a.port2.on('message', (m) => console.log('a2 got', m));
b.port1.on('message', (m) => console.log('b1 got', m));
a.port1.postMessage('last words');
a.port1.close();
b.port2.close();
c.port1.close();
setImmediate(() => console.log('first immediate'));
process.on('exit', () => console.log('exit'));
