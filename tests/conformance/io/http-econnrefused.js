// A request to a port where nothing listens emits 'error' on the request.
const http = require('http');
const probe = http.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const req = http.get({ host: '127.0.0.1', port, path: '/' }, () => console.log('unexpected response'));
    req.on('error', (err) => console.log('error', err.code, err.syscall, err.message.replace(String(port), 'PORT')));
    req.on('close', () => console.log('request closed'));
  });
});
