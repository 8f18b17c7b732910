// Four workers each Atomics.add 10000 times to one shared counter.
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(8);
const counter = new Int32Array(sab);
let exited = 0;
for (let i = 0; i < 4; i++) {
  const w = new Worker(`
const { workerData } = require('worker_threads');
const c = new Int32Array(workerData);
for (let i = 0; i < 10000; i++) Atomics.add(c, 0, 1);
Atomics.add(c, 1, 1);
`, { eval: true, workerData: sab });
  w.on('exit', () => {
    if (++exited === 4) console.log('counter', Atomics.load(counter, 0), 'workers', counter[1]);
  });
}
