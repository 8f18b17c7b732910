// Responses without a body: HEAD requests and 204 No Content.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/empty') res.statusCode = 204;
  res.setHeader('x-route', req.url);
  res.end(req.method === 'HEAD' ? undefined : 'some body');
});
const ask = (port, method, path) => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, method, path }, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => resolve(`${method} ${path}: ${res.statusCode} ${res.headers['x-route']} body=${JSON.stringify(body)}`));
  });
  req.end();
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  console.log(await ask(port, 'GET', '/full'));
  console.log(await ask(port, 'HEAD', '/full'));
  console.log(await ask(port, 'GET', '/empty'));
  server.close();
});
