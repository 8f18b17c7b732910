// receiveMessageOnPort takes queued messages synchronously, in order.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port1.postMessage({ a: 1 });
port1.postMessage([2, 3]);
port1.postMessage('three');
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
console.log(typeof MessageChannel, typeof MessagePort, MessageChannel === require('worker_threads').MessageChannel);
