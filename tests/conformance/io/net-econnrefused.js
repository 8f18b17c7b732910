// Connecting where nothing listens fails asynchronously with ECONNREFUSED,
// reported as an 'error' event and then 'close' with hadError = true.
const net = require('net');
const probe = net.createServer();
probe.listen(0, '127.0.0.1', () => {
  const port = probe.address().port;
  probe.close(() => {
    const client = net.connect(port, '127.0.0.1');
    console.log('connecting:', client.connecting);
    client.on('error', (err) => {
      console.log('error:', err.message.replace(String(port), 'PORT'));
      console.log(err.code, err.errno, err.syscall, err.address, err.port === port);
      console.log(Object.keys(err));
    });
    client.on('close', (hadError) => console.log('close, hadError =', hadError));
  });
});
