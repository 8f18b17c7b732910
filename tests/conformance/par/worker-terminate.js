// terminate() stops a busy worker; 'exit' reports code 1.
const { Worker } = require('worker_threads');
const w = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.postMessage('spinning');
let spins = 0;
for (;;) { spins++; }
`, { eval: true });
w.on('message', async (m) => {
  console.log('got', m);
  const code = await w.terminate();
  console.log('terminate resolved', code);
});
w.on('exit', (code) => console.log('exit', code));
