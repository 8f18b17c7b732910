// An unref'ed server does not keep the process alive: the program ends
// without closing it.
const net = require('net');
const server = net.createServer(() => {});
server.listen(0, '127.0.0.1', () => {
  console.log('listening:', server.listening);
  server.unref();
  setTimeout(() => console.log('timer still runs'), 10);
});
process.on('exit', (code) => console.log('exit', code, 'listening:', server.listening));
