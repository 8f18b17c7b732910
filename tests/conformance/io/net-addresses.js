// Addresses as each side sees them: a server on the default (dual-stack)
// address and a client connecting to "localhost" (resolved by dns.lookup).
const net = require('net');
const server = net.createServer((s) => {
  console.log('server side:', s.remoteAddress, s.remoteFamily, s.localAddress, s.localPort === server.address().port);
  s.end();
});
server.listen(0, () => {
  const { address, family } = server.address();
  console.log('server address:', address, family);
  const c = net.connect(server.address().port, () => {
    console.log('client side:', c.remoteAddress, c.remoteFamily, c.remotePort === server.address().port);
  });
  c.on('end', () => server.close(() => console.log('closed')));
  c.resume();
});
