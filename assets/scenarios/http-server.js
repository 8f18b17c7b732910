// An HTTP server and its own client
// Sockets never use the thread pool: a new connection, request data and the
// response all arrive in the poll phase, as the OS reports them ready.
// looplab simulates the network, so no real port is ever opened.

const http = require('http');

const server = http.createServer((req, res) => {
  console.log(`server: ${req.method} ${req.url}`);
  res.setHeader('Content-Type', 'text/plain');
  res.end(`hello from ${req.url}\n`);
});

server.listen(8080, () => {
  console.log('server: listening on 8080');
  let done = 0;
  for (const path of ['/a', '/b']) {
    http.get(`http://localhost:8080${path}`, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        console.log(`client: ${res.statusCode} ${body.trim()}`);
        if (++done === 2) server.close(() => console.log('server: closed'));
      });
    });
  }
});
