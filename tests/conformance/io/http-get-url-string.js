// http.get with a URL string (host "localhost" goes through dns.lookup);
// the server listens on the default address.
const http = require('http');
const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(`you asked for ${req.url} with ${req.method}`);
});
server.listen(0, () => {
  http.get(`http://localhost:${server.address().port}/search?q=loop&page=2`, (res) => {
    console.log(res.statusCode, res.headers['content-type'], res.headers['content-length']);
    res.setEncoding('utf8');
    res.on('data', (chunk) => console.log('body:', chunk));
    res.on('end', () => server.close(() => console.log('server closed')));
  });
});
