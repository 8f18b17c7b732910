// Two workers talk directly over a MessageChannel whose ports were handed
// to them in transfer lists (workerData + transferList, and postMessage).
const { Worker, MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const ping = `
const { workerData } = require('worker_threads');
const port = workerData.port;
let n = 0;
port.on('message', (m) => {
  if (m === 'pong 3') { port.postMessage('done'); port.close(); return; }
  port.postMessage('ping ' + (++n));
});
port.postMessage('ping 0');
`;
const pong = `
const { parentPort } = require('worker_threads');
parentPort.once('message', ({ port }) => {
  port.on('message', (m) => {
    console.log('pong side got', m);
    if (m === 'done') { port.close(); return; }
    port.postMessage('pong ' + m.split(' ')[1]);
  });
});
`;
const a = new Worker(ping, { eval: true, workerData: { port: port1 }, transferList: [port1] });
const b = new Worker(pong, { eval: true });
b.postMessage({ port: port2 }, [port2]);
let exited = 0;
for (const w of [a, b]) w.on('exit', (code) => { if (++exited === 2) console.log('both exited', code); });
