// A request body written in pieces goes out chunked; one passed to end()
// alone gets a Content-Length. The server sees both bodies whole.
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    console.log(req.method, req.url, JSON.stringify(body), 'te:', req.headers['transfer-encoding'], 'cl:', req.headers['content-length']);
    res.end();
  });
});
const send = (port, path, pieces) => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, path, method: 'POST' }, (res) => {
    res.resume();
    res.on('end', resolve);
  });
  for (const p of pieces.slice(0, -1)) req.write(p);
  req.end(pieces[pieces.length - 1]);
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  await send(port, '/pieces', ['a', 'b', 'c']);
  await send(port, '/whole', ['abc']);
  server.close();
});
