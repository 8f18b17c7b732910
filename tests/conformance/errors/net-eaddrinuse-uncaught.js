// Listening on a port that is in use, with no 'error' listener: the
// EADDRINUSE error is emitted on a later tick and nothing catches it.
const net = require('net');
const PORT = 47913; // a fixed port so the message is the same on every run
const first = net.createServer().listen(PORT, '127.0.0.1', () => {
  console.log('first listening');
  net.createServer().listen(PORT, '127.0.0.1');
  console.log('second listen() returned');
});
