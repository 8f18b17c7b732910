// A response whose body is read only after the 'response' callback returned
// (a once() listener, then a promise): the body waits, buffered, for its
// reader. Then the order of 'end' and the two 'close' events.
const http = require('http');
const server = http.createServer((req, res) => res.end('body for ' + req.url));
server.listen(0, () => {
  const port = server.address().port;
  const got = new Promise((resolve) => http.get({ port, path: '/later' }, resolve));
  got.then((res) => {
    console.log('flowing before reading:', res.readableFlowing, 'ended:', res.readableEnded);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => { body += chunk; });
    res.on('end', () => console.log('body:', body));
    res.on('close', () => console.log('response close'));
    res.req.on('close', () => {
      console.log('request close');
      const req = http.get({ port, path: '/drained' });
      req.on('response', (res2) => {
        res2.resume();
        res2.on('end', () => console.log('status', res2.statusCode));
      });
      req.on('close', () => server.close(() => console.log('closed')));
    });
  });
});
