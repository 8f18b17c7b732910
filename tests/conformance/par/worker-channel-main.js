// The main thread keeps one end, a worker gets the other: a port with a
// listener keeps both loops alive until it is closed.
const { Worker, MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const w = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.once('message', (port) => {
  port.on('message', (n) => {
    if (n === 3) { port.close(); return; }
    port.postMessage(n * 10);
  });
});
`, { eval: true });
w.postMessage(port2, [port2]);
let sent = 0;
port1.on('message', (m) => {
  console.log('main got', m);
  port1.postMessage(++sent);
});
port1.on('close', () => console.log('port1 closed'));
port1.postMessage(++sent);
w.on('exit', (code) => console.log('worker exit', code));
