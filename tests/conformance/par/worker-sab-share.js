// A SharedArrayBuffer is shared by reference: the worker's writes are
// visible to the main thread; inspect shows it as Node does.
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(8);
const bytes = new Uint8Array(sab);
console.log(sab, sab.byteLength, sab.slice(2).byteLength);
console.log(sab instanceof SharedArrayBuffer, sab instanceof ArrayBuffer, Object.prototype.toString.call(sab));
const clone = structuredClone(sab);
new Uint8Array(clone)[0] = 42;
console.log('structuredClone shares:', bytes[0]);
const w = new Worker(`
const { parentPort, workerData } = require('worker_threads');
const view = new Uint8Array(workerData.sab);
for (let i = 1; i < view.length; i++) view[i] = i * 10;
Atomics.store(new Int32Array(workerData.sab), 0, Atomics.load(new Int32Array(workerData.sab), 0));
parentPort.postMessage('written');
`, { eval: true, workerData: { sab } });
w.on('message', () => console.log(bytes, new Int32Array(sab)));
