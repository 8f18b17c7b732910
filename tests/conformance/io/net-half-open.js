// With allowHalfOpen, the server can still write after the client ended
// its side: the client sends a request and ends; the answer comes after.
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  let request = '';
  s.on('data', (d) => (request += d));
  s.on('end', () => {
    console.log('server: client ended after', JSON.stringify(request));
    setTimeout(() => s.end(`answer to ${request}`), 10);
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end('question'));
  let answer = '';
  c.on('data', (d) => (answer += d));
  c.on('end', () => {
    console.log('client: got', JSON.stringify(answer));
    server.close();
  });
});
