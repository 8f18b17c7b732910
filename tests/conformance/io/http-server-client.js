// An HTTP server and a client in one program, on an ephemeral localhost port.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server got', req.method, req.url);
  res.writeHead(201, { 'content-type': 'text/plain' });
  res.end('hello from server');
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  http.get({ host: '127.0.0.1', port, path: '/greet?x=1' }, (res) => {
    console.log('client status', res.statusCode, res.headers['content-type']);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (c) => (body += c));
    res.on('end', () => {
      console.log('client body', body);
      server.close(() => console.log('server closed'));
    });
  });
});
