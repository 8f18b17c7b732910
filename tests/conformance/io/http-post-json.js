// POSTing a JSON body and echoing it back as JSON.
const http = require('http');
const server = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    const data = JSON.parse(raw);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ received: data, method: req.method }));
  });
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', path: '/echo' }, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => {
      console.log(res.statusCode, JSON.parse(body));
      server.close();
    });
  });
  req.end(JSON.stringify({ a: 1, list: ['x'] }));
});
