// createWriteStream writes into a file ('open', 'ready', 'finish', 'close'
// in order), then createReadStream reads it back with start/end and an
// encoding.
const fs = require('fs');
const ws = fs.createWriteStream('fs-stream-write-read.out');
ws.on('open', (fd) => console.log('open', typeof fd));
ws.on('ready', () => console.log('ready'));
ws.on('finish', () => console.log('finish, bytesWritten', ws.bytesWritten));
ws.on('close', () => {
  console.log('close');
  console.log('file:', JSON.stringify(fs.readFileSync('fs-stream-write-read.out', 'utf8')));
  const rs = fs.createReadStream('fs-stream-write-read.out', { encoding: 'utf8', start: 6, end: 10, highWaterMark: 2 });
  rs.on('data', (c) => console.log('data', JSON.stringify(c)));
  rs.on('end', () => console.log('end, bytesRead', rs.bytesRead));
  rs.on('close', () => {
    console.log('read stream close');
    fs.unlinkSync('fs-stream-write-read.out');
  });
});
console.log('pending', ws.pending);
ws.write('hello ');
ws.write('stream ');
ws.end('world\n');
