// The order of events for one request and response on both sides.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server: request', req.method, req.url);
  req.on('data', (c) => console.log('server: data', String(c)));
  req.on('end', () => {
    console.log('server: end');
    res.end('done');
  });
  res.on('finish', () => console.log('server: response finish'));
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'PUT', path: '/item' }, (res) => {
    console.log('client: response', res.statusCode);
    res.on('data', (c) => console.log('client: data', String(c)));
    res.on('end', () => {
      console.log('client: end');
      server.close(() => console.log('server: closed'));
    });
  });
  req.on('finish', () => console.log('client: request finish'));
  req.end('payload');
  console.log('client: end() returned');
});
