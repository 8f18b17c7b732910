// onmessage starts the port and receives a MessageEvent; an unref'd port
// does not keep the loop alive on its own.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port2.onmessage = (e) => {
  console.log('onmessage', e.data, e.constructor.name, e.target === port2);
  port2.close();
};
port1.postMessage({ hello: 'world' });
const other = new MessageChannel();
other.port2.on('message', (m) => console.log('unref port got', m));
other.port2.unref();
other.port1.postMessage('still delivered while the loop lives');
