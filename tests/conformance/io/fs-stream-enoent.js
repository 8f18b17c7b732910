// A read stream on a missing file emits Node's ENOENT error, then 'close'.
const fs = require('fs');
const rs = fs.createReadStream('no-such-file.txt');
rs.on('open', () => console.log('never opens'));
rs.on('error', (err) => {
  console.log(err.message);
  console.log(err.code, err.errno, err.syscall, err.path);
});
rs.on('close', () => console.log('close, destroyed', rs.destroyed));
try {
  fs.createReadStream('x', { start: 5, end: 2 });
} catch (e) {
  console.log(e.code, e.message);
}
