// Request headers arrive lower-cased; response headers set with setHeader
// and writeHead are what the client reads; headersSent flips on writeHead.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server sees', req.headers['x-request-id'], req.headers['accept'], req.headers.host.startsWith('127.0.0.1:'));
  console.log('raw names', req.rawHeaders.filter((_, i) => i % 2 === 0).join(','));
  res.setHeader('X-Powered-By', 'looplab');
  res.setHeader('Set-Cookie', ['a=1', 'b=2']);
  console.log('getHeader', res.getHeader('x-powered-by'), res.hasHeader('X-POWERED-BY'), res.getHeaderNames());
  res.removeHeader('x-powered-by');
  console.log('headersSent before', res.headersSent);
  res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Extra': 'yes' });
  console.log('headersSent after', res.headersSent);
  try {
    res.setHeader('X-Late', '1');
  } catch (e) {
    console.log(e.code, e.message);
  }
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({
    host: '127.0.0.1', port: server.address().port, path: '/h',
    headers: { 'X-Request-Id': 'abc-123', Accept: 'text/plain' },
  }, (res) => {
    const h = { ...res.headers };
    delete h.date;
    console.log('client sees', h);
    res.resume();
    res.on('end', () => server.close());
  });
  req.end();
});
