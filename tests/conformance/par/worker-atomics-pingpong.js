// Atomics.wait / Atomics.notify ping-pong between the main thread and a worker.
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(8);
const flag = new Int32Array(sab);
const w = new Worker(`
const { workerData } = require('worker_threads');
const flag = new Int32Array(workerData);
for (let round = 1; round <= 3; round++) {
  while (Atomics.load(flag, 0) !== 2 * round - 1) Atomics.wait(flag, 0, 2 * round - 2);
  console.log('worker saw', Atomics.load(flag, 0));
  Atomics.store(flag, 0, 2 * round);
  Atomics.notify(flag, 0, 1);
}
`, { eval: true, workerData: sab });
for (let round = 1; round <= 3; round++) {
  Atomics.store(flag, 0, 2 * round - 1);
  Atomics.notify(flag, 0, 1);
  while (Atomics.load(flag, 0) !== 2 * round) Atomics.wait(flag, 0, 2 * round - 1);
  console.log('main saw', Atomics.load(flag, 0));
}
w.on('exit', (code) => console.log('exit', code));
