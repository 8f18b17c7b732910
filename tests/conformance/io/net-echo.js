// A TCP echo server and a client that sends two lines and prints what comes back.
const net = require('net');
const server = net.createServer((sock) => {
  sock.on('data', (d) => sock.write(d.toString().toUpperCase()));
  sock.on('end', () => sock.end());
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    console.log('client connected');
    client.end('hello\nworld\n');
  });
  let got = '';
  client.on('data', (d) => (got += d));
  client.on('end', () => {
    console.log('echoed:', JSON.stringify(got));
    server.close(() => console.log('server closed'));
  });
});
