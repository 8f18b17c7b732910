// A response written in several pieces is sent chunked; one ended with its
// whole body gets a Content-Length. The client reads both the same way.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/pieces') {
    res.write('alpha ');
    res.write('beta ');
    setTimeout(() => res.end('gamma'), 5);
  } else {
    res.end('all at once');
  }
});
const get = (port, path) => new Promise((resolve) => {
  http.get({ host: '127.0.0.1', port, path }, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => {
      console.log(path, JSON.stringify(body), 'transfer-encoding:', res.headers['transfer-encoding'],
        'content-length:', res.headers['content-length']);
      resolve();
    });
  });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  await get(port, '/pieces');
  await get(port, '/whole');
  server.close();
});
