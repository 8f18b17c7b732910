// write() callbacks, 'finish' and 'close' on the writing side, and what the
// reader sees, with a timer between writes.
const net = require('net');
const server = net.createServer((s) => {
  let got = '';
  s.setEncoding('utf8');
  s.on('data', (d) => (got += d));
  s.on('end', () => {
    console.log('server got', JSON.stringify(got));
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    console.log('write 1 returned', c.write('one,', () => console.log('write 1 done')));
    setTimeout(() => {
      c.write('two,', () => console.log('write 2 done'));
      c.end('three', () => console.log('end callback'));
      console.log('writableEnded', c.writableEnded, 'writableFinished', c.writableFinished);
    }, 5);
  });
  c.on('finish', () => console.log('finish'));
  c.on('close', () => console.log('client close', c.bytesWritten, 'bytes written'));
});
