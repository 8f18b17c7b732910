// Bad transfer lists: Node's error names, messages and codes.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const ab = new ArrayBuffer(4);
const t = (f) => { try { f(); console.log('ok'); } catch (e) { console.log(e.name, e.message, e.code); } };
t(() => port1.postMessage(ab, [ab, ab]));
t(() => port1.postMessage(1, [1]));
t(() => port1.postMessage(1, [port1]));
t(() => port1.postMessage(1, [new SharedArrayBuffer(4)]));
t(() => port1.postMessage(() => 1));
t(() => port1.postMessage({ s: Symbol('x') }));
console.log(ab.byteLength);
t(() => port1.postMessage(ab, [ab]));
console.log(ab.byteLength);
port2.close();
