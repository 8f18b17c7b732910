// server.close() stops accepting at once, but 'close' waits until every
// open connection has closed.
const net = require('net');
const server = net.createServer((socket) => {
  console.log('connection; closing the server');
  server.close(() => console.log('server close callback'));
  console.log('listening after close():', server.listening);
  setTimeout(() => {
    console.log('ending the connection');
    socket.end('bye');
  }, 20);
  socket.on('close', () => console.log('server socket closed'));
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setEncoding('utf8');
  client.on('data', (d) => console.log('client got', d));
  client.on('end', () => console.log('client end'));
});
