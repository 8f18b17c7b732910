// Status codes and messages: the default 200, statusCode, a custom
// statusMessage, and http.STATUS_CODES / http.METHODS.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/missing') res.statusCode = 404;
  else if (req.url === '/teapot') {
    res.statusCode = 418;
    res.statusMessage = 'Short And Stout';
  } else if (req.url === '/boom') res.writeHead(500);
  res.end(req.url);
});
const get = (port, path) => new Promise((resolve) => {
  http.get({ host: '127.0.0.1', port, path }, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => resolve(`${path} -> ${res.statusCode} ${res.statusMessage} (${body})`));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const path of ['/', '/missing', '/teapot', '/boom']) console.log(await get(port, path));
  console.log(http.STATUS_CODES[201], '|', http.STATUS_CODES[503], '|', http.STATUS_CODES[999]);
  console.log(http.METHODS.length, http.METHODS.includes('PATCH'), http.METHODS[0]);
  server.close();
});
