// The whole life of a connection, both sides: connect, data each way,
// half-close, and both 'close' events.
const net = require('net');
const server = net.createServer((s) => {
  console.log('server: connection');
  s.on('data', (d) => {
    console.log('server: data', JSON.stringify(String(d)));
    s.write('pong');
  });
  s.on('end', () => console.log('server: end'));
  s.on('finish', () => console.log('server: finish'));
  s.on('close', (hadError) => console.log('server: close', hadError));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('connect', () => {
    console.log('client: connect');
    c.write('ping');
  });
  c.on('ready', () => console.log('client: ready'));
  c.on('data', (d) => {
    console.log('client: data', String(d));
    c.end();
  });
  c.on('end', () => console.log('client: end'));
  c.on('finish', () => console.log('client: finish'));
  c.on('close', (hadError) => {
    console.log('client: close', hadError);
    server.close(() => console.log('server closed'));
  });
});
