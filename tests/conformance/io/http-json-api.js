// A tiny JSON API: POST creates items, GET lists them, unknown routes 404.
const http = require('http');
const items = [];
const server = http.createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && req.url === '/items') {
      const item = { id: items.length + 1, ...JSON.parse(raw) };
      items.push(item);
      send(201, item);
    } else if (req.method === 'GET' && req.url === '/items') send(200, items);
    else send(404, { error: `no route ${req.method} ${req.url}` });
  });
});
function call(port, method, path, body) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json' } }, (res) => {
      let raw = '';
      res.on('data', (c) => (raw += c));
      res.on('end', () => resolve([res.statusCode, res.headers['content-type'], JSON.parse(raw)]));
    });
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  console.log(await call(port, 'POST', '/items', { name: 'pen' }));
  console.log(await call(port, 'POST', '/items', { name: 'ink', qty: 2 }));
  console.log(await call(port, 'GET', '/items'));
  console.log(await call(port, 'DELETE', '/items/1'));
  server.close();
});
