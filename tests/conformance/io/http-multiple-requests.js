// Several requests to one server, one after another, each answered with a
// counter; the server sees them in order.
const http = require('http');
let served = 0;
const server = http.createServer((req, res) => {
  served++;
  console.log('request', served, req.method, req.url);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ n: served, path: req.url }));
});
function fetchJson(port, path) {
  return new Promise((resolve, reject) => {
    http.get(`http://127.0.0.1:${port}${path}`, (res) => {
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (raw += c));
      res.on('end', () => resolve(JSON.parse(raw)));
    }).on('error', reject);
  });
}
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const path of ['/a', '/b?x=1', '/c/d']) {
    const body = await fetchJson(port, path);
    console.log('response', body);
  }
  server.close(() => console.log('closed after', served));
});
