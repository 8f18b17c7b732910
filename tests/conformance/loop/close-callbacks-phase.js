// server.close(cb): with no open connections, Node emits 'close' from a nextTick,
// so the callback runs before other nextTicks queued later and before setImmediate.
const net = require('net');
const server = net.createServer();
server.listen(0, () => {
  console.log('listening (listen callback runs from a nextTick)');
  setImmediate(() => console.log('immediate (check phase)'));
  server.close(() => console.log('server close callback'));
  process.nextTick(() => console.log('nextTick queued after close()'));
});
