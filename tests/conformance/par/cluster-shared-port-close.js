// A worker's listen on a port the primary already holds fails with Node's
// bind error; a port it closes is closed in the primary too.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const blocker = net.createServer().listen(8200, () => {
    const w = cluster.fork();
    w.on('message', (m) => {
      console.log('worker says', m);
      if (m === 'closed') {
        blocker.close();
        net.connect(8201).on('error', (e) => { console.log('after close', e.code); w.kill(); });
      }
    });
  });
} else {
  const bad = net.createServer().listen(8200);
  bad.on('error', (e) => {
    process.send(e.code + ' ' + e.message);
    const s = net.createServer().listen(8201, () => {
      process.send('port ' + s.address().port);
      s.close(() => process.send('closed'));
    });
  });
}
