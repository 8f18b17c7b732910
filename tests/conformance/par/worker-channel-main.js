// The main thread keeps one end, a worker gets the other: a port with a
// listener keeps both loops alive until it is closed. Whether port1's
// 'close' or the worker's 'exit' comes first is a race in node, so the two
// endings are printed sorted, when the process exits.
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
const endings = [];
port1.on('close', () => endings.push('port1 closed'));
port1.postMessage(++sent);
w.on('exit', (code) => endings.push(`worker exit ${code}`));
process.on('exit', () => console.log(endings.sort().join('\n')));
