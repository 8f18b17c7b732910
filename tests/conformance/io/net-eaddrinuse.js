// A second server on a port in use gets EADDRINUSE as an 'error' event on
// a later tick; the first server keeps working.
const net = require('net');
const first = net.createServer();
first.listen(0, '127.0.0.1', () => {
  const port = first.address().port;
  const second = net.createServer();
  second.on('error', (err) => {
    console.log('error:', err.message.replace(String(port), 'PORT'));
    console.log(err.code, err.errno, err.syscall, err.address, err.port === port);
    console.log('second listening:', second.listening, 'first listening:', first.listening);
    first.close(() => console.log('first closed'));
  });
  second.listen(port, '127.0.0.1');
  console.log('listen returned');
});
