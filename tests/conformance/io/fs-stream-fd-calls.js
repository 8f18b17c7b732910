// The descriptor calls fs streams are built on: open, read, write, close
// (callback and Sync forms) and their errors.
const fs = require('fs');
const name = 'fs-stream-fd-calls.out';
const wfd = fs.openSync(name, 'w');
console.log('wrote', fs.writeSync(wfd, 'hello '), fs.writeSync(wfd, Buffer.from('world')));
fs.closeSync(wfd);
const fd = fs.openSync(name, 'r');
const buf = Buffer.alloc(5);
console.log('readSync', fs.readSync(fd, buf, 0, 5, 6), buf.toString());
fs.read(fd, Buffer.alloc(4), 0, 4, null, (err, n, b) => {
  console.log('read', err, n, b.toString());
  fs.read(fd, Buffer.alloc(4), 0, 4, null, (err2, n2, b2) => {
    console.log('read again', n2, b2.toString());
    fs.close(fd, (err3) => {
      console.log('closed', err3);
      fs.close(fd, (err4) => {
        console.log(err4.message, err4.code);
        fs.unlinkSync(name);
        fs.open('missing-dir/x.txt', 'w', (err5) => console.log(err5.message));
      });
    });
  });
});
try {
  fs.openSync(name, 'bogus');
} catch (e) {
  console.log(e.code, e.message);
}
