// A transferred ArrayBuffer is detached in the sender and moves to the
// worker intact; typed arrays over it become empty.
const { Worker } = require('worker_threads');
const w = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.once('message', (m) => {
  console.log('worker got', m.buf.byteLength, Array.from(m.view));
  parentPort.postMessage(m.buf, [m.buf]);
});
`, { eval: true });
const buf = new ArrayBuffer(8);
const view = new Uint8Array(buf);
view.set([1, 2, 3, 4, 5, 6, 7, 8]);
const half = new Uint16Array(buf, 2, 2);
w.postMessage({ buf, view: new Uint8Array(buf, 4, 4) }, [buf]);
console.log('after send', buf.byteLength, view.length, view.byteLength, half.length, half.byteOffset);
w.once('message', (back) => {
  console.log('back', back.byteLength, new Uint8Array(back)[7]);
  w.terminate();
});
