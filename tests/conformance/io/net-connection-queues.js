// Inside a poll-phase callback ('connection'), nextTicks run first, then
// promise callbacks, then the check phase (setImmediate) before timers.
const net = require('net');
const server = net.createServer((socket) => {
  console.log('connection');
  setTimeout(() => console.log('timeout 0'), 0);
  setImmediate(() => console.log('immediate'));
  Promise.resolve().then(() => console.log('promise'));
  process.nextTick(() => console.log('nextTick'));
  setTimeout(() => socket.end(), 5);
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.on('close', () => {
    console.log('client closed');
    server.close();
  });
  client.resume();
});
