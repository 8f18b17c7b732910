// After a transfer the sender's ArrayBuffer is detached: util.inspect says
// so, its views are empty, cloning it again is a DataCloneError while
// transferring it again sends an empty buffer, and the receiver has the bytes.
const { MessageChannel } = require('worker_threads');
const util = require('util');
const { port1, port2 } = new MessageChannel();
const ab = new ArrayBuffer(4);
const view = new Uint8Array(ab);
view.set([1, 2, 3, 250]);
port1.postMessage({ ab }, [ab]);
console.log(ab);
console.log(view, view.byteOffset);
console.log([ab], { buffer: ab });
console.log(util.inspect(ab, { showHidden: true }));
console.log(new ArrayBuffer(0));
for (const value of [ab, view, { nested: [ab] }]) {
  try {
    port1.postMessage(value);
    console.log('cloned');
  } catch (e) {
    console.log(e.name, e.message, e.code);
  }
}
port1.postMessage(ab, [ab]);
let n = 0;
port2.on('message', (m) => {
  console.log('received', m, m.ab ? new Uint8Array(m.ab) : '');
  if (++n === 2) port2.close();
});
